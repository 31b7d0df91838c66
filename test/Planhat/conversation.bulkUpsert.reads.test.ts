/**
 * Create or Update ("Map Each Field Below") reads a parameter without an expression once for all
 * items and a parameter with an expression once per item, never twice: every parameter read of
 * n8n-core's execute context is counted while the node runs through the rig.
 */
import { ExecuteContext } from 'n8n-core';
import type { IDataObject } from 'n8n-workflow';
import { runNode } from '../rig';
import { COMPANY_A, COMPANY_B, credentialsFor, handled, startStandIn } from './helpers';

type StandIn = Awaited<ReturnType<typeof startStandIn>>;

let standIn: StandIn;
beforeEach(async () => {
	standIn = await startStandIn();
});
afterEach(async () => {
	await standIn.stop();
});

/** Runs the node and counts, per parameter name, its reads that resolve a value. */
async function countReads(parameters: IDataObject, items: IDataObject[]) {
	// ExecuteContext's getNodeParameter is an arrow function set per instance; it calls this one.
	type Reads = { _getNodeParameter: (name: string, itemIndex: number, fallback?: unknown, options?: IDataObject) => unknown };
	const spy = jest.spyOn(ExecuteContext.prototype as unknown as Reads, '_getNodeParameter');
	try {
		const run = await runNode({
			type: 'planhat',
			name: 'Planhat',
			parameters: { resource: 'conversation', operation: 'upsert', ...parameters },
			credentials: credentialsFor(standIn),
			items,
		});
		const reads: Record<string, number> = {};
		spy.mock.calls.forEach(([name, , , options], n) => {
			if (options?.rawExpressions || (spy.mock.contexts[n] as unknown as ExecuteContext).getNode().name !== 'Planhat') return;
			reads[name] = (reads[name] ?? 0) + 1;
		});
		return { run, reads };
	} finally {
		spy.mockRestore();
	}
}

const items = Array.from({ length: 100 }, (_, n) => ({ n, company: n % 2 ? COMPANY_B : COMPANY_A }));

describe('Planhat › Conversation › Create or Update › parameter reads', () => {
	it('fixed parameters are read once, each expression once per item, for 100 items', async () => {
		const { run, reads } = await countReads(
			{
				dataMode: 'define',
				companyId: { __rl: true, mode: 'id', value: COMPANY_A },
				matchOn: 'externalId',
				matchValue: '={{ "chat-" + $json.n }}',
				fields: { subject: '={{ "Chat " + $json.n }}', type: 'note' },
			},
			items,
		);
		expect(run.status).toBe('success');
		expect(run.json).toHaveLength(100);
		const [put] = handled(standIn, 'PUT', '/conversations');
		expect((put.json as IDataObject[])[41]).toEqual({ subject: 'Chat 41', type: 'note', companyId: COMPANY_A, externalId: 'chat-41' });
		expect(reads).toEqual({ resource: 1, operation: 1, dataMode: 1, companyId: 1, matchOn: 1, matchValue: 100, fields: 100 });
	});

	it('a company given by an expression is read per item and each item gets its own', async () => {
		const { run, reads } = await countReads(
			{
				companyId: { __rl: true, mode: 'id', value: '={{ $json.company }}' },
				matchValue: '={{ "c-" + $json.n }}',
				fields: { subject: 'Same subject' },
			},
			items,
		);
		expect(run.status).toBe('success');
		const sent = handled(standIn, 'PUT', '/conversations')[0].json as IDataObject[];
		expect(sent.map((c) => c.companyId)).toEqual(items.map((i) => i.company));
		expect(sent.every((c) => c.subject === 'Same subject')).toBe(true);
		expect(reads).toMatchObject({ companyId: 100, matchValue: 100, fields: 1, matchOn: 1, dataMode: 1 });
	});

	it('a reserved type from an expression still fails only its own item (Continue On Fail)', async () => {
		const run = await runNode({
			type: 'planhat',
			parameters: {
				resource: 'conversation',
				operation: 'upsert',
				companyId: { __rl: true, mode: 'id', value: COMPANY_A },
				matchValue: '={{ "r-" + $json.n }}',
				fields: { type: '={{ $json.n === 1 ? "chat" : "note" }}' },
			},
			credentials: credentialsFor(standIn),
			items: items.slice(0, 3),
			continueOnFail: true,
		});
		expect(run.json.map((j) => j.status)).toEqual(['created', 'failed', 'created']);
	});
});
