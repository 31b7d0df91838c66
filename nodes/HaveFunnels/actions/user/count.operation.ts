import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'user', operation: 'count', name: 'Count', action: 'Count users by type', fn: 'count-users',
});
