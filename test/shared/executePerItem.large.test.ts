/**
 * executePerItem appends each item's results in place: a Return All of hundreds of thousands of
 * records is neither copied again nor spread into one call (spreading 300,000 entries into
 * `push` overflows the call stack).
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { executePerItem, toPairedItems } from '../../nodes/shared/executePerItem';

it('pairs 300,000 records of one item and 2 of another, in order', async () => {
	const ctx = {
		getInputData: () => [{ json: {} }, { json: {} }],
		continueOnFail: () => false,
	} as unknown as IExecuteFunctions;
	const many: IDataObject[] = Array.from({ length: 300_000 }, (_, n) => ({ n }));
	const [output] = await executePerItem(ctx, async (itemIndex) => (itemIndex === 0 ? many : [{ n: -1 }, { json: { n: -2 } }]));
	expect(output).toHaveLength(300_002);
	expect(output[299_999]).toEqual({ json: { n: 299_999 }, pairedItem: { item: 0 } });
	expect(output.slice(300_000)).toEqual([
		{ json: { n: -1 }, pairedItem: { item: 1 } },
		{ json: { n: -2 }, pairedItem: { item: 1 } },
	]);
	expect(output[0].json).toBe(many[0]);
});

it('toPairedItems still answers a list for one item', () => {
	expect(toPairedItems(undefined, 0)).toEqual([]);
	expect(toPairedItems({ a: 1 }, 4)).toEqual([{ json: { a: 1 }, pairedItem: { item: 4 } }]);
});
