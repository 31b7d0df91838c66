import { userId } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'user', operation: 'delete', name: 'Delete', action: 'Delete a user', fn: 'delete-user', output: 'done',
	fields: [userId('The ID of the user to delete, with all their conversations and messages')],
});
