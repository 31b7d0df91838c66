import { choice, id } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	// not repeated after an ambiguous failure: it may have added or sent something already
	idempotent: false,
	resource: 'article', operation: 'addRating', name: 'Add Rating', action: 'Add a rating to an article', fn: 'article-ratings', output: 'done',
	fields: [
		id('articleId', 'article_id', 'Article ID', 'The ID of the article'),
		choice('rating', 'rating', 'Rating', 'The rating to add: positive or negative', [
			{ name: 'Negative', value: '0' },
			{ name: 'Positive', value: '1' },
		], '1'),
	],
});
