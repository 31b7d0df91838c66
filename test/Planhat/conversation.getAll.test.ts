import { runNode } from '../rig';
import { COMPANY_A, COMPANY_B, credentialsFor, handled, startStandIn } from './helpers';
import type { PlanhatStandIn } from '../stand-ins/planhat';

let standIn: PlanhatStandIn;
beforeEach(async () => {
	standIn = await startStandIn();
});
afterEach(async () => {
	await standIn.stop();
});

const getAll = (parameters: Record<string, unknown>) =>
	runNode({
		type: 'planhat',
		parameters: { resource: 'conversation', operation: 'getAll', ...parameters },
		credentials: credentialsFor(standIn),
	});

describe('Planhat › Conversation › Get Many', () => {
	it('Return All pages 4,500 conversations in 3 requests of limit 2,000 until a short page', async () => {
		standIn.seedConversations(4500, { companyId: COMPANY_A });
		const run = await getAll({ returnAll: true });
		expect(run.status).toBe('success');
		const pages = handled(standIn, 'GET', '/conversations');
		expect(pages.map((r) => r.query)).toEqual([
			{ limit: '2000', offset: '0' },
			{ limit: '2000', offset: '2000' },
			{ limit: '2000', offset: '4000' },
		]);
		expect(run.json).toHaveLength(4500);
		expect(new Set(run.json.map((c) => c._id)).size).toBe(4500);
		expect(run.items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('an exact multiple of 2,000 needs one more (empty) page to know it is the end', async () => {
		standIn.seedConversations(4000, { companyId: COMPANY_A });
		const run = await getAll({ returnAll: true });
		expect(run.json).toHaveLength(4000);
		expect(handled(standIn, 'GET').map((r) => r.query.offset)).toEqual(['0', '2000', '4000']);
	});

	it('Limit asks for just that many (one request under 2,000; pages above)', async () => {
		standIn.seedConversations(4500, { companyId: COMPANY_A });
		const small = await getAll({ returnAll: false, limit: 7 });
		expect(small.json).toHaveLength(7);
		expect(handled(standIn, 'GET').map((r) => r.query)).toEqual([{ limit: '7', offset: '0' }]);
		standIn.clearRequests();
		const big = await getAll({ returnAll: false, limit: 2500 });
		expect(big.json).toHaveLength(2500);
		expect(handled(standIn, 'GET').map((r) => r.query)).toEqual([
			{ limit: '2000', offset: '0' },
			{ limit: '500', offset: '2000' },
		]);
	});

	it('sends the company filter as a comma list (keyables kept), sort with "-" and select', async () => {
		standIn.seedConversations(3, { companyId: COMPANY_A, prefix: 'a' });
		standIn.seedConversations(2, { companyId: COMPANY_B, prefix: 'b', start: 10 });
		standIn.addCompany({ _id: 'cccccccccccccccccccccccc', name: 'C' });
		standIn.seedConversations(2, { companyId: 'cccccccccccccccccccccccc', prefix: 'c' });
		const run = await getAll({
			returnAll: true,
			filters: { companyIds: `${COMPANY_A}, extid-dna` },
			options: { sortBy: 'date', sortDirection: 'desc', select: 'subject, date' },
		});
		expect(run.status).toBe('success');
		const [request] = handled(standIn, 'GET');
		expect(request.query).toEqual({
			companyId: `${COMPANY_A},extid-dna`,
			sort: '-date',
			select: 'subject,date',
			limit: '2000',
			offset: '0',
		});
		expect(run.json.map((c) => c.subject)).toEqual(['b 11', 'b 10', 'a 2', 'a 1', 'a 0']);
		expect(Object.keys(run.json[0]).sort()).toEqual(['_id', 'date', 'subject']);
	});

	it('runs once per input item, each result paired to its item', async () => {
		standIn.seedConversations(2, { companyId: COMPANY_A, prefix: 'a' });
		standIn.seedConversations(1, { companyId: COMPANY_B, prefix: 'b' });
		const run = await runNode({
			type: 'planhat',
			parameters: { resource: 'conversation', operation: 'getAll', returnAll: true, filters: { companyIds: '={{ $json.c }}' } },
			credentials: credentialsFor(standIn),
			items: [{ c: COMPANY_A }, { c: COMPANY_B }],
		});
		expect(run.json.map((c) => c.subject)).toEqual(['a 0', 'a 1', 'b 0']);
		expect(run.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }]);
	});
});
