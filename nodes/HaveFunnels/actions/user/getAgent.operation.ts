import { id } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	notFoundNotice: true,
	resource: 'user', operation: 'getAgent', name: 'Get Agent', action: 'Get an agent', fn: 'get-agent',
	fields: [id('agentId', 'agent_id', 'Agent ID', 'The ID of the agent or admin')],
});
