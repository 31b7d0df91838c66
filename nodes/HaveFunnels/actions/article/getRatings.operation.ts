import { id } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'article', operation: 'getRatings', name: 'Get Ratings', action: 'Get the ratings of an article', fn: 'article-ratings',
	fields: [id('articleId', 'article_id', 'Article ID', 'The ID of the article')],
	// a JSON text such as "[-1, 1, 1, -1]": 1 is positive, -1 negative
	output: (response) => {
		let ratings: unknown = response;
		if (typeof response === 'string') {
			try {
				ratings = JSON.parse(response);
			} catch {
				ratings = [];
			}
		}
		const list = Array.isArray(ratings) ? ratings.map(Number) : [];
		return [{ ratings: list, positive: list.filter((r) => r > 0).length, negative: list.filter((r) => r <= 0).length }];
	},
});
