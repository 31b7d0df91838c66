import { json } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'article', operation: 'saveCategories', name: 'Save Categories', action: 'Save the article categories', fn: 'save-articles-categories',
	output: 'done',
	fields: [json('categories', 'categories', 'Categories', 'All the categories, such as [{"id": "123456", "title": "Category name"}]', '[]', { required: true })],
});
