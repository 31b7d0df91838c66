import { conversationId, reassignment } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'conversation', operation: 'updateAgent', name: 'Update Agent', action: 'Assign an agent to a conversation',
	fn: 'update-conversation-agent', output: 'done',
	fields: [conversationId(), ...reassignment('agentId', 'agent_id', 'Agent ID', 'The agent to assign; empty removes the agent', 'the agent is')],
});
