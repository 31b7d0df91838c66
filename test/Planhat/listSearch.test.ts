/**
 * "From List" of the Planhat locators (company, end user, conversation): the node's list-search
 * methods called as n8n's editor calls them (n8n-core's LoadOptionsContext, through the rig),
 * against the Planhat stand-in; and a locator picked from the list on the wire.
 */
import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { loadPackage, runListSearch, runNode } from '../rig';
import { COMPANY_A, COMPANY_B, credentialsFor, handled, startStandIn } from './helpers';
import type { PlanhatStandIn } from '../stand-ins/planhat';

let standIn: PlanhatStandIn;
beforeEach(async () => {
	standIn = await startStandIn();
});
afterEach(async () => {
	await standIn.stop();
});

const search = (method: string, filter?: string, paginationToken?: string, apiToken?: string) =>
	runListSearch({ type: 'planhat', method, filter, paginationToken, credentials: credentialsFor(standIn, apiToken) });

describe('Planhat list search', () => {
	it('companies: names with their Planhat IDs, sorted by name, filtered by a typed fragment (name or external ID)', async () => {
		const all = await search('searchCompanies');
		expect(all).toEqual({
			results: [
				{ name: 'Daimler North America', value: COMPANY_B },
				{ name: 'Tenet', value: COMPANY_A },
			],
		});
		expect((await search('searchCompanies', 'daiml')).results).toEqual([{ name: 'Daimler North America', value: COMPANY_B }]);
		expect((await search('searchCompanies', 'TENET-1')).results).toEqual([{ name: 'Tenet', value: COMPANY_A }]);
		expect(await search('searchCompanies', 'nobody')).toEqual({ results: [] });
		const [request] = handled(standIn, 'GET');
		expect(request.query).toMatchObject({ limit: '100', offset: '0', sort: 'name' });
	});

	it('conversations: 100 a page, the pagination token is the next offset, the last page has none', async () => {
		standIn.seedConversations(230, { companyId: COMPANY_A, prefix: 'chat' });
		const first = await search('searchConversations');
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('100');
		const second = await search('searchConversations', undefined, first.paginationToken);
		expect(second.paginationToken).toBe('200');
		const third = await search('searchConversations', undefined, second.paginationToken);
		expect(third.results).toHaveLength(30);
		expect(third.paginationToken).toBeUndefined();
		const ids = [...first.results, ...second.results, ...third.results].map((r) => r.value);
		expect(new Set(ids).size).toBe(230);
		expect(ids.sort()).toEqual(standIn.conversations.map((c) => c._id).sort());
		expect(handled(standIn, 'GET').map((r) => r.query.offset)).toEqual(['0', '100', '200']);
	});

	it('conversations: with a filter, further pages are read until enough match; the token goes on from there', async () => {
		standIn.seedConversations(150, { companyId: COMPANY_A, prefix: 'chat' });
		standIn.addConversation({ companyId: COMPANY_A, subject: 'Refund for order 77', externalId: 'hf-77' });
		const found = await search('searchConversations', 'refund');
		expect(found.results).toEqual([{ name: expect.stringMatching(/^Refund for order 77/), value: expect.any(String) }]);
		expect(found.paginationToken).toBeUndefined();
		expect(handled(standIn, 'GET')).toHaveLength(2);
		expect((await search('searchConversations', 'HF-77')).results).toHaveLength(1);
	});

	it('end users: "name (email)", filtered by email fragment', async () => {
		standIn.addEnduser({ companyId: COMPANY_A, name: 'Ivan Ivanov', email: 'ivan@tenet.com' });
		standIn.addEnduser({ companyId: COMPANY_B, firstName: 'Maria', lastName: 'Lopez', email: 'maria@daimler.com' });
		const all = await search('searchEndUsers');
		expect(all.results.map((r) => r.name)).toEqual(['Ivan Ivanov (ivan@tenet.com)', expect.stringMatching(/maria@daimler\.com/)]);
		const maria = await search('searchEndUsers', '@daimler');
		expect(maria.results).toEqual([{ name: expect.stringMatching(/Maria/), value: standIn.endusers[1]._id }]);
		expect(await search('searchEndUsers', 'zzz')).toEqual({ results: [] });
	});

	it('an error of the service is raised with what failed (the editor shows it), a wrong token too', async () => {
		standIn.inject({ status: 403, body: { error: 'Forbidden' } });
		await expect(search('searchCompanies')).rejects.toThrow(/list companies/);
		await expect(search('searchEndUsers', undefined, undefined, 'wrong-token')).rejects.toThrow(/401|refused|token/i);
	});
});

describe('Planhat locators offer From List', () => {
	const node = loadPackage().nodeTypes.get('n8n-nodes-chat-crm-sync.planhat')!.description as INodeTypeDescription;
	const locators = node.properties.filter((p) => p.type === 'resourceLocator');

	it('every company, end user and conversation locator has From List first and keeps By Planhat ID as default', () => {
		expect(locators.map((p) => p.name).sort()).toEqual(
			['companyId', 'companyId', 'companyId', 'conversationId', 'conversationId', 'conversationId', 'endUserId'].sort(),
		);
		const methods = Object.keys((loadPackage().nodeTypes.get('n8n-nodes-chat-crm-sync.planhat') as INodeType).methods?.listSearch ?? {});
		for (const p of locators as INodeProperties[]) {
			expect(p.default).toEqual({ mode: 'id', value: '' });
			const [list, ...rest] = p.modes!;
			expect(list).toMatchObject({ name: 'list', type: 'list', typeOptions: { searchable: true } });
			expect(methods).toContain(list.typeOptions!.searchListMethod);
			expect(rest.map((m) => m.name)).toEqual(['id', 'externalId', 'sourceId']);
		}
	});

	it('a value picked from the list, and one given by an expression, reach Planhat as the _id', async () => {
		const stored = standIn.addConversation({ companyId: COMPANY_A, subject: 'Picked' });
		const picked = await runNode({
			type: 'planhat',
			parameters: { resource: 'conversation', operation: 'get', conversationId: { __rl: true, mode: 'list', value: stored._id, cachedResultName: 'Picked' } },
			credentials: credentialsFor(standIn),
		});
		expect(picked.json).toEqual([expect.objectContaining({ _id: stored._id, subject: 'Picked' })]);
		const byExpression = await runNode({
			type: 'planhat',
			parameters: { resource: 'company', operation: 'get', companyId: { __rl: true, mode: 'list', value: '={{ $json.company }}' } },
			items: [{ company: COMPANY_B }],
			credentials: credentialsFor(standIn),
		});
		expect(byExpression.json).toEqual([expect.objectContaining({ _id: COMPANY_B })]);
		expect(handled(standIn, 'GET').map((r) => r.path)).toEqual([`/conversations/${stored._id}`, `/companies/${COMPANY_B}`]);
	});
});

describe('Planhat version 2: the optional Company fields are locators too', () => {
	const node = loadPackage().nodeTypes.get('n8n-nodes-chat-crm-sync.planhat')!.description as INodeTypeDescription;

	it('version [1, 2]: End User > Create and Conversation > Update have a text box in 1 and a locator in 2', () => {
		expect(node.version).toEqual([1, 2]);
		expect(node.defaultVersion).toBe(2);
		for (const collection of ['additionalFields', 'updateFields']) {
			const options = node.properties
				.filter((p) => p.name === collection)
				.flatMap((p) => (p.options ?? []) as INodeProperties[])
				.filter((o) => o.name === 'companyId');
			expect(options.map((o) => [o.type, o.displayOptions?.show?.['@version']]).sort((a, b) => String(b[0]).localeCompare(String(a[0])))).toEqual([
				['string', [1]],
				['resourceLocator', [{ _cnd: { gte: 2 } }]],
			]);
		}
	});

	it('End User > Create with a company picked from the list, Conversation > Update by external ID, on the wire', async () => {
		const created = await runNode({
			type: 'planhat',
			typeVersion: 2,
			parameters: {
				resource: 'endUser',
				operation: 'create',
				email: 'new@elsewhere.org',
				additionalFields: { companyId: { __rl: true, mode: 'list', value: COMPANY_B, cachedResultName: 'Daimler North America' } },
			},
			credentials: credentialsFor(standIn),
		});
		expect(created.status).toBe('success');
		expect(handled(standIn, 'POST')[0].json).toEqual({ email: 'new@elsewhere.org', companyId: COMPANY_B });

		const stored = standIn.addConversation({ companyId: COMPANY_A, subject: 'Move me' });
		const moved = await runNode({
			type: 'planhat',
			typeVersion: 2,
			parameters: {
				resource: 'conversation',
				operation: 'update',
				conversationId: { __rl: true, mode: 'list', value: '={{ $json.id }}' },
				updateFields: { subject: 'Moved', companyId: { __rl: true, mode: 'externalId', value: 'dna' } },
			},
			items: [{ id: stored._id }],
			credentials: credentialsFor(standIn),
		});
		expect(moved.status).toBe('success');
		expect(handled(standIn, 'PUT')[0]).toMatchObject({ path: `/conversations/${stored._id}`, json: { subject: 'Moved', companyId: 'extid-dna' } });
		expect(moved.json[0]).toMatchObject({ companyId: COMPANY_B, subject: 'Moved' });
	});

	it('an empty company locator is left out (Planhat matches the email domain)', async () => {
		const run = await runNode({
			type: 'planhat',
			typeVersion: 2,
			parameters: { resource: 'endUser', operation: 'create', email: 'x@tenet.com', additionalFields: { companyId: { __rl: true, mode: 'list', value: '' } } },
			credentials: credentialsFor(standIn),
		});
		expect(run.status).toBe('success');
		expect(handled(standIn, 'POST')[0].json).toEqual({ email: 'x@tenet.com' });
		expect(run.json[0]).toMatchObject({ companyId: COMPANY_A });
	});
});
