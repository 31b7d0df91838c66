/** Article operations of issue 15 (save, categories, ratings) against the stand-in. */
import { itSendsAndReturns, useStandIn } from '../helpers';

const ctx = useStandIn();

itSendsAndReturns(ctx, 'article', [
	{
		title: 'get ratings of an article without ratings',
		operation: 'getRatings',
		params: { articleId: '6P2Oq' },
		fn: 'article-ratings',
		form: [['function', 'article-ratings'], ['article_id', '6P2Oq']],
		check: (json) => expect(json).toEqual([{ ratings: [], positive: 0, negative: 0 }]),
	},
	{
		title: 'add a positive rating',
		operation: 'addRating',
		params: { articleId: '6P2Oq', rating: '1' },
		fn: 'article-ratings',
		form: [['function', 'article-ratings'], ['article_id', '6P2Oq'], ['rating', '1']],
		check: (json) => expect(json).toEqual([{ success: true }]),
	},
	{
		title: 'add a negative rating',
		operation: 'addRating',
		params: { articleId: '6P2Oq', rating: '0' },
		fn: 'article-ratings',
		form: [['function', 'article-ratings'], ['article_id', '6P2Oq'], ['rating', '0']],
		check: (json) => expect(json).toEqual([{ success: true }]),
	},
	{
		title: 'get ratings parses the JSON text HaveFunnels answers',
		operation: 'getRatings',
		params: { articleId: '6P2Oq' },
		fn: 'article-ratings',
		form: [['function', 'article-ratings'], ['article_id', '6P2Oq']],
		check: (json) => expect(json).toEqual([{ ratings: [1, -1], positive: 1, negative: 1 }]),
	},
	{
		title: 'save categories sends them as a JSON string',
		operation: 'saveCategories',
		params: { categories: '[{"id": "K92kl", "title": "Start here"}]' },
		fn: 'save-articles-categories',
		form: [['function', 'save-articles-categories'], ['categories', '[{"id":"K92kl","title":"Start here"}]']],
		check: (json, hf) => {
			expect(json).toEqual([{ success: true }]);
			expect(hf.state.categories).toEqual([{ id: 'K92kl', title: 'Start here' }]);
		},
	},
	{
		title: 'save all replaces the articles, with translations',
		operation: 'saveAll',
		params: {
			articles: [{ id: 'x1', title: 'Returns', content: 'Send it back within 30 days', link: '', categories: ['K92kl'] }],
			options: { translations: '{"es": [{"id": "x1", "title": "Devoluciones"}]}' },
		},
		fn: 'save-articles',
		form: [
			['function', 'save-articles'],
			['articles', '[{"id":"x1","title":"Returns","content":"Send it back within 30 days","link":"","categories":["K92kl"]}]'],
			['translations', '{"es":[{"id":"x1","title":"Devoluciones"}]}'],
		],
		check: (json, hf) => {
			expect(json).toEqual([{ success: true }]);
			expect(hf.state.articles.map((a: { id: string }) => a.id)).toEqual(['x1']);
		},
	},
]);
