import { conversationId, since, userId } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'message', operation: 'getNew', name: 'Get New', action: 'Get the messages of a conversation after a date or ID',
	fn: 'get-new-messages', output: 'list',
	fields: [userId('The ID of the user of the conversation'), conversationId(), since('message')],
});
