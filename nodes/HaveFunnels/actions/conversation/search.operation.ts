import { searchText } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'conversation', operation: 'search', name: 'Search', action: 'Search conversations', fn: 'search-conversations', output: 'list',
	fields: [searchText('The text to search for, in messages, attachment names and user names and emails')],
});
