import { runNode } from '../rig';
import { COMPANY_A, credentialsFor, handled, startStandIn } from './helpers';
import type { PlanhatStandIn } from '../stand-ins/planhat';

let standIn: PlanhatStandIn;
beforeEach(async () => {
	standIn = await startStandIn();
});
afterEach(async () => {
	await standIn.stop();
});

describe('Planhat › Company', () => {
	it.each([
		['id', COMPANY_A, `/companies/${COMPANY_A}`],
		['externalId', 'tenet-1', '/companies/extid-tenet-1'],
		['sourceId', 'crm-tenet', '/companies/srcid-crm-tenet'],
	])('Get by %s', async (mode, value, path) => {
		const run = await runNode({
			type: 'planhat',
			parameters: { resource: 'company', operation: 'get', companyId: { __rl: true, mode, value } },
			credentials: credentialsFor(standIn),
		});
		expect(run.status).toBe('success');
		expect(handled(standIn, 'GET')[0].path).toBe(path);
		expect(run.json).toEqual([expect.objectContaining({ _id: COMPANY_A, name: 'Tenet' })]);
	});

	it('Get Many sends filters as query parameters with select and sort, paging at 5,000', async () => {
		for (let i = 0; i < 5003; i++) standIn.addCompany({ name: `C${i}`, phase: i % 2 ? 'onboarding' : 'live' });
		const run = await runNode({
			type: 'planhat',
			parameters: {
				resource: 'company',
				operation: 'getAll',
				returnAll: true,
				filters: { filter: [{ field: 'phase', value: 'live' }, { field: 'limit', value: '1' }] },
				options: { select: 'name,phase', sortBy: 'name', sortDirection: 'asc' },
			},
			credentials: credentialsFor(standIn),
		});
		expect(run.status).toBe('success');
		expect(handled(standIn, 'GET').map((r) => r.query)).toEqual([
			{ phase: 'live', select: 'name,phase', sort: 'name', limit: '5000', offset: '0' },
		]);
		expect(run.json).toHaveLength(2502);
		expect(run.json.every((c) => c.phase === 'live')).toBe(true);
	});

	it('Get Many with a Limit', async () => {
		for (let i = 0; i < 10; i++) standIn.addCompany({ name: `C${i}` });
		const run = await runNode({
			type: 'planhat',
			parameters: { resource: 'company', operation: 'getAll', returnAll: false, limit: 3 },
			credentials: credentialsFor(standIn),
		});
		expect(run.json.map((c) => c.name)).toEqual(['Tenet', 'Daimler North America', 'C0']);
		expect(handled(standIn, 'GET')[0].query).toEqual({ limit: '3', offset: '0' });
	});
});
