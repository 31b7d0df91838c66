import { collection, id, idList } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'conversation', operation: 'checkAssignment', name: 'Check Assignment', action: 'Check which conversations are assigned',
	fn: 'check-conversations-assignment', output: 'list', valueKey: 'conversationId',
	fields: [
		idList('conversationIds', 'conversation_ids', 'Conversation IDs', 'The conversations to check, comma-separated', { required: true }),
		collection('options', 'Options', [
			id('agentId', 'agent_id', 'Agent ID', 'Keep the conversations assigned to this agent', {}),
			id('departmentId', 'department_id', 'Department ID', 'Keep the conversations assigned to this department', {}),
		]),
	],
});
