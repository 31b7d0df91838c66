/** Custom API Call: any function by name, arguments as name/value rows. */
import { itSendsAndReturns, useStandIn } from '../helpers';

const ctx = useStandIn();

const rows = (...pairs: Array<[string, unknown]>) => ({ argument: pairs.map(([name, value]) => ({ name, value })) });

itSendsAndReturns(ctx, 'customApiCall', [
	{
		title: 'a function without arguments; an object answer is one item',
		operation: 'call',
		params: { functionName: 'get-versions' },
		fn: 'get-versions',
		form: [['function', 'get-versions']],
		check: (json) => expect(json).toEqual([{ sb: '3.7.6', dialogflow: '1.3.4', slack: '1.2.1' }]),
	},
	{
		title: 'arguments typed as JSON text go as they are; a list answer is one item per entry',
		operation: 'call',
		params: { functionName: 'get-users', arguments: rows(['user_types', '["lead"]'], ['pagination', '1']) },
		fn: 'get-users',
		form: [['function', 'get-users'], ['user_types', '["lead"]'], ['pagination', '1']],
		check: (json) => expect(json.map((u) => [u.id, u.user_type, u.token])).toEqual([['4', 'lead', '[redacted]']]),
	},
	{
		title: 'an array from an expression is sent as a JSON string',
		operation: 'call',
		params: { functionName: 'get-users', arguments: rows(['user_ids', '={{ [1, 4] }}']) },
		fn: 'get-users',
		form: [['function', 'get-users'], ['user_ids', '[1,4]']],
		check: (json) => expect(json.map((u) => u.id).sort()).toEqual(['1', '4']),
	},
	{
		title: 'rows named token or function are ignored (the credential adds the token)',
		operation: 'call',
		params: { functionName: 'is-online', arguments: rows(['token', 'not-mine'], ['function', 'delete-user'], ['user_id', '1']) },
		fn: 'is-online',
		form: [['function', 'is-online'], ['user_id', '1']],
		check: (json) => expect(json).toEqual([{ result: true }]),
	},
]);
