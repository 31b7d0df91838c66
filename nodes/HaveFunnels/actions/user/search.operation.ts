import { searchText } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'user', operation: 'search', name: 'Search', action: 'Search users', fn: 'search-users',
	fields: [searchText('The text to search for, in names, emails and additional details')], output: 'list',
});
