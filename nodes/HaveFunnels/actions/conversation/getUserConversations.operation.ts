import { collection, flag, id, userId } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'conversation', operation: 'getUserConversations', name: "Get User's", action: "Get a user's conversations",
	fn: 'get-user-conversations', output: 'list',
	fields: [
		userId(),
		collection('options', 'Options', [
			id('excludeId', 'exclude_id', 'Exclude Conversation ID', 'A conversation to leave out', {}),
			flag('isAgent', 'agents', 'User Is Agent', 'Whether the user is an agent or admin'),
		]),
	],
});
