import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'article', operation: 'getCategories', name: 'Get Categories', action: 'Get the article categories', fn: 'get-articles-categories',
	output: 'list',
});
