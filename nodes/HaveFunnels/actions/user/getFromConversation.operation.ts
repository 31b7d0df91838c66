import { conversationId, flag } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	notFoundNotice: true,
	resource: 'user', operation: 'getFromConversation', name: 'Get From Conversation', action: 'Get the user of a conversation',
	fn: 'get-user-from-conversation',
	fields: [conversationId(), flag('lastAgent', 'agent', 'Last Agent', 'Whether to get the last agent who replied instead of the user')],
});
