import { collection, json, status, text, userId } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'conversation', operation: 'create', name: 'Create', action: 'Create a conversation', fn: 'new-conversation',
	fields: [
		userId('The ID of the user the conversation belongs to'),
		collection('additionalFields', 'Additional Fields', [
			status('status', 'status_code', 'The status of the new conversation'),
			text('title', 'title', 'Title', 'The title of the conversation'),
			text('department', 'department', 'Department ID', 'The department, from Settings > Miscellaneous > Departments'),
			text('agentId', 'agent_id', 'Agent ID', 'The agent assigned to the conversation'),
			text('source', 'source', 'Source', 'The source code of the channel, such as wa for WhatsApp'),
			json('extra', 'extra', 'Extra', 'Extra conversation values as a JSON object'),
		]),
	],
});
