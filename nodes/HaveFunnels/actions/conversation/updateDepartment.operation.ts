import { conversationId, reassignment } from '../common.description';
import { defineOperation } from '../operation';

const department = 'The new department (not checked by HaveFunnels); empty removes the department';

export const { fn, option, description, execute } = defineOperation({
	resource: 'conversation', operation: 'updateDepartment', name: 'Update Department', action: 'Update the department of a conversation',
	fn: 'update-conversation-department', output: 'done',
	fields: [conversationId(), ...reassignment('department', 'department', 'Department ID', department, "the department's agents are")],
});
