import { conversationId, status } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'conversation', operation: 'updateStatus', name: 'Update Status', action: 'Update the status of a conversation',
	fn: 'update-conversation-status', output: 'done',
	fields: [conversationId(), status('status', 'status_code', 'The new status of the conversation')],
});
