import { since } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'user', operation: 'getNew', name: 'Get New', action: 'Get users created after a date or ID', fn: 'get-new-users',
	fields: [since('user')], output: 'list',
});
