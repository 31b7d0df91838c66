/** Department operations against the stand-in. */
import { itSendsAndReturns, useStandIn } from '../helpers';

const ctx = useStandIn();

itSendsAndReturns(ctx, 'department', [
	{
		title: 'get many turns the ID-keyed object into one item per department',
		operation: 'getAll',
		params: { returnAll: true },
		fn: 'get-departments',
		form: [['function', 'get-departments']],
		check: (json) =>
			expect(json).toEqual([
				{ id: '1', name: 'Sales', color: 'yellow', image: 'https://havefunnels.com/script/media/sales.png' },
				{ id: '2', name: 'Support', color: 'red', image: 'https://havefunnels.com/script/media/support.png' },
			]),
	},
	{
		title: 'get many with a limit',
		operation: 'getAll',
		params: { returnAll: false, limit: 1 },
		fn: 'get-departments',
		form: [['function', 'get-departments']],
		check: (json) => expect(json.map((d) => d.name)).toEqual(['Sales']),
	},
]);
