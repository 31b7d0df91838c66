import { id, searchText } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'conversation', operation: 'searchUserConversations', name: "Search User's", action: "Search a user's conversations",
	fn: 'search-user-conversations', output: 'list',
	fields: [id('userId', 'id', 'User ID', 'The ID of the user'), searchText('The text to search for, in messages, attachment names and titles')],
});
