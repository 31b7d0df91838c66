import { flag } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'user', operation: 'getAgentIds', name: 'Get Agent IDs', action: 'Get the IDs of all agents', fn: 'get-agents-ids',
	fields: [flag('includeAdmins', 'admins', 'Include Admins', 'Whether to include the admins', true)], output: 'list', valueKey: 'id',
});
