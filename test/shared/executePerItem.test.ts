/**
 * The per-item executor, run by n8n-core's real WorkflowExecute through the rig with a throwaway
 * node whose handler is chosen per test.
 */
import type { IDataObject, IExecuteFunctions, INodeType } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { executePerItem, type ItemHandler } from '../../nodes/shared/executePerItem';
import { runNode } from '../rig';

function nodeWith(handler: ItemHandler): Record<string, INodeType> {
	return {
		'rig.perItem': {
			description: {
				displayName: 'Per Item',
				name: 'perItem',
				group: ['transform'],
				version: 1,
				description: 'test node',
				defaults: { name: 'Per Item' },
				inputs: ['main'],
				outputs: ['main'],
				properties: [],
			},
			async execute(this: IExecuteFunctions) {
				return await executePerItem(this, handler);
			},
		},
	};
}

const items = [{ n: 1 }, { n: 2 }, { n: 3 }];

describe('executePerItem', () => {
	it('pairs single results, lists of results and nothing with their input item', async () => {
		const run = await runNode({
			type: 'rig.perItem',
			items,
			extraNodeTypes: nodeWith(async function (i) {
				const n = this.getInputData()[i].json.n as number;
				if (n === 1) return { doubled: 2 };
				if (n === 2) return [{ part: 'a' }, { part: 'b' }];
				return undefined;
			}),
		});
		expect(run.status).toBe('success');
		expect(run.items.map((i) => [i.json, i.pairedItem])).toEqual([
			[{ doubled: 2 }, { item: 0 }],
			[{ part: 'a' }, { item: 1 }],
			[{ part: 'b' }, { item: 1 }],
		]);
	});

	it('keeps binary data of full execution items', async () => {
		const run = await runNode({
			type: 'rig.perItem',
			items: [{}],
			extraNodeTypes: nodeWith(async () => ({ json: { a: 1 }, binary: { file: { data: 'aGk=', mimeType: 'text/plain' } } })),
		});
		expect(run.items[0].json).toEqual({ a: 1 });
		expect(run.items[0].binary?.file.mimeType).toBe('text/plain');
	});

	it('with Continue On Fail, emits a paired { error } item and goes on', async () => {
		const run = await runNode({
			type: 'rig.perItem',
			items,
			continueOnFail: true,
			extraNodeTypes: nodeWith(async function (i) {
				if (i === 1) throw new NodeOperationError(this.getNode(), 'Chat ID is empty', { itemIndex: i, description: 'Set the Chat ID' });
				return { ok: i } as IDataObject;
			}),
		});
		expect(run.status).toBe('success');
		expect(run.items.map((i) => [i.json, i.pairedItem])).toEqual([
			[{ ok: 0 }, { item: 0 }],
			[{ error: 'Chat ID is empty: Set the Chat ID' }, { item: 1 }],
			[{ ok: 2 }, { item: 2 }],
		]);
	});

	it('without Continue On Fail, stops at the first failure with the item index', async () => {
		const seen: number[] = [];
		const run = await runNode({
			type: 'rig.perItem',
			items,
			extraNodeTypes: nodeWith(async function (i) {
				seen.push(i);
				if (i === 1) throw new NodeApiError(this.getNode(), { message: 'boom' }, { message: 'The service refused it', httpCode: '400' });
				return { ok: i };
			}),
		});
		expect(seen).toEqual([0, 1]);
		expect(run.status).toBe('error');
		expect(run.error).toMatchObject({ message: 'The service refused it', httpCode: '400', itemIndex: 1, name: 'NodeApiError' });
	});

	it('wraps errors that are not n8n errors, naming the item', async () => {
		const run = await runNode({
			type: 'rig.perItem',
			items,
			extraNodeTypes: nodeWith(async (i) => {
				if (i === 2) throw new TypeError('cannot read x of undefined');
				return {};
			}),
		});
		expect(run.status).toBe('error');
		expect(run.error).toMatchObject({ message: 'cannot read x of undefined', name: 'NodeOperationError', itemIndex: 2 });
	});
});
