import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'user', operation: 'areAgentsOnline', name: 'Are Agents Online', action: 'Check whether an agent or admin is online',
	fn: 'agents-online', output: { value: 'online' },
});
