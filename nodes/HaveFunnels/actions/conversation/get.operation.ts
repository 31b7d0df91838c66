import { collection, conversationId, id } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	notFoundNotice: true,
	resource: 'conversation', operation: 'get', name: 'Get', action: 'Get a conversation with its messages', fn: 'get-conversation',
	fields: [conversationId(), collection('options', 'Options', [id('userId', 'user_id', 'User ID', 'The ID of the user of the conversation', {})])],
});
