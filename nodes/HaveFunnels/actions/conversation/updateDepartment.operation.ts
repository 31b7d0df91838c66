import { collection, conversationId, idOrNone, text } from '../common.description';
import { defineOperation } from '../operation';

export const { option, description, execute } = defineOperation({
	resource: 'conversation', operation: 'updateDepartment', name: 'Update Department', action: 'Update the department of a conversation',
	fn: 'update-conversation-department', output: 'done',
	fields: [
		conversationId(),
		idOrNone('department', 'department', 'Department ID', 'The new department (not checked by HaveFunnels); empty removes the department'),
		collection('options', 'Options', [
			text('notification', 'message', 'Notification Message', "If set, the department's agents are notified with this text by email, push and SMS"),
		]),
	],
});
