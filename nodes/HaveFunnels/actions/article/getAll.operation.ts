import { collection, flag, text } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'article', operation: 'getAll', name: 'Get Many', action: 'Get many articles', fn: 'get-articles', output: 'list',
	returnAll: { argument: 'count' },
	fields: [
		collection('options', 'Options', [
			text('categoryId', 'categories', 'Category ID', 'Only the articles of this category'),
			flag('full', 'full', 'Full Content', 'Whether to return the whole content instead of an excerpt'),
			text('language', 'articles_language', 'Language', 'A language code such as es, or all for every translation'),
		]),
	],
});
