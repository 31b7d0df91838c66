import { since, userId } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'conversation', operation: 'getUserNew', name: "Get User's New", action: 'Get the new conversations of a user',
	fn: 'get-new-user-conversations', output: 'list',
	fields: [userId(), since('conversation')],
});
