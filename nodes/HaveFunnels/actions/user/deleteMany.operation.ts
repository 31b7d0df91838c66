import { idList } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'user', operation: 'deleteMany', name: 'Delete Many', action: 'Delete many users', fn: 'delete-users', output: 'done',
	fields: [idList('userIds', 'user_ids', 'User IDs', 'The users to delete with their conversations and messages, comma-separated', { required: true })],
});
