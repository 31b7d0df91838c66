import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'slack', operation: 'getUsers', name: 'Get Users', action: 'Get the Slack members and the agents they are linked to',
	fn: 'slack-users',
});
