/** Article operations against the stand-in. */
import { itSendsAndReturns, useStandIn } from '../helpers';

const ctx = useStandIn();

itSendsAndReturns(ctx, 'article', [
	{
		title: 'get many with a limit sends it as count, with options',
		operation: 'getAll',
		params: { returnAll: false, limit: 1, options: { categoryId: 'K92kl', full: true, language: 'en' } },
		fn: 'get-articles',
		form: [['function', 'get-articles'], ['categories', 'K92kl'], ['full', 'true'], ['articles_language', 'en'], ['count', '1']],
		check: (json) => {
			expect(json.map((a) => a.id)).toEqual(['6P2Oq']);
			expect(String(json[0].content)).not.toMatch(/\.\.\.$/);
		},
	},
	{
		title: 'get many, all',
		operation: 'getAll',
		params: { returnAll: true },
		fn: 'get-articles',
		form: [['function', 'get-articles']],
		check: (json) => expect(json.map((a) => a.id)).toEqual(['6P2Oq', 'qf7kD', 'b7Hn2']),
	},
	{
		title: 'search',
		operation: 'search',
		params: { search: 'invoice', options: { language: 'en' } },
		fn: 'search-articles',
		form: [['function', 'search-articles'], ['search', 'invoice'], ['articles_language', 'en']],
		check: (json) => expect(json.map((a) => a.id)).toEqual(['b7Hn2']),
	},
	{
		title: 'search without a match gives no item',
		operation: 'search',
		params: { search: 'zebra' },
		fn: 'search-articles',
		form: [['function', 'search-articles'], ['search', 'zebra']],
		check: (json) => expect(json).toEqual([]),
	},
	{
		title: 'get categories',
		operation: 'getCategories',
		fn: 'get-articles-categories',
		form: [['function', 'get-articles-categories']],
		check: (json) => expect(json).toEqual([{ id: 'K92kl', title: 'Getting started' }, { id: 'ols85', title: 'Billing' }]),
	},
]);
