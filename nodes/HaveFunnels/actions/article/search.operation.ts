import { collection, searchText, text } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'article', operation: 'search', name: 'Search', action: 'Search articles', fn: 'search-articles', output: 'list',
	fields: [
		searchText('The text to search for in titles and contents'),
		collection('options', 'Options', [text('language', 'articles_language', 'Language', 'A language code such as es, or all for every translation')]),
	],
});
