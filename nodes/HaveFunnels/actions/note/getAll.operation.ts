import { conversationId } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'note', operation: 'getAll', name: 'Get Many', action: 'Get many notes of a conversation', fn: 'get-notes',
	fields: [conversationId()], output: 'list', returnAll: 'slice',
});
