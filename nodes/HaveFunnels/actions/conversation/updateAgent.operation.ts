import { collection, conversationId, idOrNone, text } from '../common.description';
import { defineOperation } from '../operation';

export const { option, description, execute } = defineOperation({
	resource: 'conversation', operation: 'updateAgent', name: 'Update Agent', action: 'Assign an agent to a conversation',
	fn: 'update-conversation-agent', output: 'done',
	fields: [
		conversationId(),
		idOrNone('agentId', 'agent_id', 'Agent ID', 'The agent to assign; empty removes the agent'),
		collection('options', 'Options', [
			text('notification', 'message', 'Notification Message', 'If set, the agent is notified with this text by email, push and SMS'),
		]),
	],
});
