import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'savedReply', operation: 'getAll', name: 'Get Many', action: 'Get many saved replies', fn: 'saved-replies', returnAll: 'slice',
	output: 'list',
});
