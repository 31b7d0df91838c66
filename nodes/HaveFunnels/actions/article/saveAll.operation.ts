import { collection, json } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'article', operation: 'saveAll', name: 'Save All', action: 'Replace all articles', fn: 'save-articles', output: 'done',
	fields: [
		json('articles', 'articles', 'Articles', 'All the articles, as Get Many returns them: the existing ones not listed are deleted', '[]', { required: true }),
		collection('options', 'Options', [
			json('translations', 'translations', 'Translations', 'The translated articles by language code, such as {"es": [...]}'),
		]),
	],
});
