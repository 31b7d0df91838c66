import { runNode } from '../rig';
import { bodyOf, COMPANY_A, COMPANY_B, credentialsFor, handled, startStandIn } from './helpers';
import type { PlanhatStandIn } from '../stand-ins/planhat';

let standIn: PlanhatStandIn;
beforeEach(async () => {
	standIn = await startStandIn({
		endusers: [
			{ _id: '610091916d643a7c418aef42', name: 'Lara Croft', email: 'lara@tenet.com', companyId: COMPANY_A, externalId: 'u-1' },
			{ _id: '610091916d643a7c418aef43', name: 'Max Payne', email: 'max@daimler.com', companyId: COMPANY_B },
		],
	});
});
afterEach(async () => {
	await standIn.stop();
});

describe('Planhat › End User', () => {
	it('Get Many filters by email and gives the companyId (finding the company of a chat contact)', async () => {
		const run = await runNode({
			type: 'planhat',
			parameters: { resource: 'endUser', operation: 'getAll', returnAll: false, limit: 1, filters: { email: '={{ $json.email }}' } },
			credentials: credentialsFor(standIn),
			items: [{ email: 'lara@tenet.com' }, { email: 'nobody@x.org' }],
		});
		expect(run.status).toBe('success');
		expect(handled(standIn, 'GET', '/endusers').map((r) => r.query)).toEqual([
			{ email: 'lara@tenet.com', limit: '1', offset: '0' },
			{ email: 'nobody@x.org', limit: '1', offset: '0' },
		]);
		expect(run.json).toEqual([expect.objectContaining({ email: 'lara@tenet.com', companyId: COMPANY_A })]);
		expect(run.items[0].pairedItem).toEqual({ item: 0 });
	});

	it('Get Many filters by several companies and pages with Return All', async () => {
		for (let i = 0; i < 2100; i++) standIn.addEnduser({ email: `p${i}@tenet.com`, companyId: COMPANY_A });
		const run = await runNode({
			type: 'planhat',
			parameters: {
				resource: 'endUser',
				operation: 'getAll',
				returnAll: true,
				filters: { companyIds: `${COMPANY_A},${COMPANY_B}` },
				options: { select: 'email' },
			},
			credentials: credentialsFor(standIn),
		});
		expect(run.json).toHaveLength(2102);
		expect(handled(standIn, 'GET').map((r) => r.query)).toEqual([
			{ companyId: `${COMPANY_A},${COMPANY_B}`, select: 'email', limit: '2000', offset: '0' },
			{ companyId: `${COMPANY_A},${COMPANY_B}`, select: 'email', limit: '2000', offset: '2000' },
		]);
	});

	it('Create without a company lets Planhat match the email domain', async () => {
		const run = await runNode({
			type: 'planhat',
			parameters: {
				resource: 'endUser',
				operation: 'create',
				email: 'new@daimler.com',
				additionalFields: { firstName: 'New', lastName: 'Person' },
			},
			credentials: credentialsFor(standIn),
		});
		expect(run.status).toBe('success');
		expect(handled(standIn, 'POST', '/endusers')[0].json).toEqual({ email: 'new@daimler.com', firstName: 'New', lastName: 'Person' });
		expect(run.json[0]).toMatchObject({ email: 'new@daimler.com', companyId: COMPANY_B, companyName: 'Daimler North America' });
	});

	it('Create with a company by external ID sends extid-; no domain match gives a clear 400', async () => {
		const ok = await runNode({
			type: 'planhat',
			parameters: { resource: 'endUser', operation: 'create', email: 'a@else.org', additionalFields: { companyId: 'extid-tenet-1' } },
			credentials: credentialsFor(standIn),
		});
		expect(bodyOf(handled(standIn, 'POST')[0]).companyId).toBe('extid-tenet-1');
		expect(ok.json[0].companyId).toBe(COMPANY_A);
		const bad = await runNode({
			type: 'planhat',
			parameters: { resource: 'endUser', operation: 'create', email: 'b@else.org' },
			credentials: credentialsFor(standIn),
		});
		expect(bad.status).toBe('error');
		expect(bad.error?.message).toBe(
			'Planhat rejected the request to create end user b@else.org (400 Bad Request): companyId is required: no company matches the email domain',
		);
	});

	it('Create without email, external or source ID is refused before sending', async () => {
		const run = await runNode({
			type: 'planhat',
			parameters: { resource: 'endUser', operation: 'create', email: '' },
			credentials: credentialsFor(standIn),
		});
		expect(run.status).toBe('error');
		expect(run.error?.message).toBe('An end user needs an email, an external ID or a source ID');
		expect(standIn.requests).toHaveLength(0);
	});

	it('Get by external ID', async () => {
		const run = await runNode({
			type: 'planhat',
			parameters: { resource: 'endUser', operation: 'get', endUserId: { __rl: true, mode: 'externalId', value: 'u-1' } },
			credentials: credentialsFor(standIn),
		});
		expect(handled(standIn, 'GET')[0].path).toBe('/endusers/extid-u-1');
		expect(run.json[0]).toMatchObject({ name: 'Lara Croft', companyId: COMPANY_A });
	});
});
