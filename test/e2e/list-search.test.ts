/**
 * "From List" in a real n8n (both lines), through the endpoint the editor calls when a list opens
 * or the user types into its search box (POST /rest/dynamic-node-parameters/resource-locator-results):
 * every From List field of the HaveFunnels and Planhat nodes (version 2, read from their
 * descriptions) finds the stand-ins' records by a typed fragment; lists page; a fragment that
 * matches nothing gives an empty list; a refused token gives the node's message. The same in the
 * editor itself, in a browser: `npm run check:editor` (scripts/editor.js, not part of npm test).
 */
import type { INodeProperties } from 'n8n-workflow';
import { HaveFunnels } from '../../nodes/HaveFunnels/HaveFunnels.node';
import { Planhat } from '../../nodes/Planhat/Planhat.node';
import { HF_E2E_TOKEN, PH_E2E_API_TOKEN } from '../fixture-secrets';
import { createHaveFunnelsStandIn } from '../stand-ins/havefunnels';
import { createPlanhatStandIn } from '../stand-ins/planhat';
import { N8N_LINES, nodeType, startN8n, type N8nInstance } from './lib/n8n';

type NodeKey = 'haveFunnels' | 'planhat';

const CREDENTIALS = {
	haveFunnels: { haveFunnelsApi: { id: 'hfListCred1', name: 'HaveFunnels' } },
	planhat: { planhatApi: { id: 'phListCred1', name: 'Planhat' } },
};

/** What the user types into each list's search box, and the record it must find. */
const PROBES: Record<NodeKey, Record<string, { type: string; expect: string }>> = {
	haveFunnels: {
		searchUsers: { type: 'alic', expect: 'Alice Smith (alice@acme.test)' },
		searchAgents: { type: 'bruce', expect: 'Bruce Peterson (bruce@havefunnels.test)' },
		searchConversations: { type: 'refund', expect: '#900 Alice Smith: Refund for order 1001' },
		searchDepartments: { type: 'SUP', expect: 'Support' },
	},
	planhat: {
		searchCompanies: { type: 'acm', expect: 'Acme Ltd' },
		searchEndUsers: { type: 'alice@', expect: 'Alice Smith (alice@acme.test)' },
		searchConversations: { type: 'renewal', expect: 'Renewal call' },
	},
};

interface LocatorField {
	node: NodeKey;
	label: string;
	method: string;
	parameters: Record<string, unknown>;
}

/** Every From List field of version 2 of a node (its description, as built into dist/), with parameters that show it. */
function fromListFields(node: NodeKey): LocatorField[] {
	const { description } = node === 'haveFunnels' ? new HaveFunnels() : new Planhat();
	const fields: LocatorField[] = [];
	const shownBy = (p: INodeProperties) => {
		const values: Record<string, unknown> = {};
		for (const [name, allowed] of Object.entries(p.displayOptions?.show ?? {})) {
			if (name !== '@version' && Array.isArray(allowed)) values[name] = allowed.find((v) => typeof v !== 'object');
		}
		return values;
	};
	const listMethod = (p: INodeProperties) => p.modes?.find((m) => m.name === 'list')?.typeOptions?.searchListMethod;
	const inVersion2 = (p: INodeProperties) => {
		const versions = p.displayOptions?.show?.['@version'];
		return !versions || versions.some((v) => typeof v === 'object' || Number(v) >= 2);
	};
	for (const p of description.properties.filter(inVersion2)) {
		if (p.type === 'resourceLocator' && listMethod(p)) {
			fields.push({ node, label: `${JSON.stringify(shownBy(p))} ${p.name}`, method: listMethod(p)!, parameters: shownBy(p) });
		}
		if (p.type === 'collection') {
			for (const o of (p.options ?? []) as INodeProperties[]) {
				if (o.type === 'resourceLocator' && listMethod(o)) {
					fields.push({ node, label: `${JSON.stringify(shownBy(p))} ${p.name}.${o.name}`, method: listMethod(o)!, parameters: shownBy(p) });
				}
			}
		}
	}
	return fields;
}

interface ListResult {
	results: Array<{ name: string; value: string }>;
	paginationToken?: string;
}

describe.each(N8N_LINES)('From List in real n8n %s', (line) => {
	let n8n: N8nInstance;
	const hf = createHaveFunnelsStandIn({ token: HF_E2E_TOKEN });
	const ph = createPlanhatStandIn({
		token: PH_E2E_API_TOKEN,
		companies: [
			{ _id: '64b7f0a1c2d3e4f5a6b7c8d9', name: 'Acme Ltd', externalId: 'crm-acme' },
			{ _id: '64b7f0a1c2d3e4f5a6b7c8da', name: 'Globex' },
		],
		endusers: [{ _id: '64b7f0a1c2d3e4f5a6b7c801', firstName: 'Alice', lastName: 'Smith', email: 'alice@acme.test', companyId: '64b7f0a1c2d3e4f5a6b7c8d9' }],
	});

	/** What the editor asks n8n for when a list opens or the user types. */
	async function listSearch(node: NodeKey, methodName: string, filter?: string, paginationToken?: string, parameters: Record<string, unknown> = {}) {
		return await n8n.rest('POST', '/rest/dynamic-node-parameters/resource-locator-results', {
			nodeTypeAndVersion: { name: nodeType(node), version: 2 },
			path: 'parameters.field',
			methodName,
			...(filter === undefined ? {} : { filter }),
			...(paginationToken === undefined ? {} : { paginationToken }),
			currentNodeParameters: parameters,
			credentials: CREDENTIALS[node],
		});
	}

	async function results(node: NodeKey, methodName: string, filter?: string, paginationToken?: string, parameters?: Record<string, unknown>) {
		const res = await listSearch(node, methodName, filter, paginationToken, parameters);
		const data = (res.json as { data?: ListResult } | undefined)?.data;
		if (res.status !== 200 || !data) throw new Error(`${methodName} "${filter ?? ''}": HTTP ${res.status} ${res.text.slice(0, 300)}`);
		return data;
	}

	beforeAll(async () => {
		await hf.start();
		await ph.start();
		const alice = hf.addUser({ first_name: 'Alice', last_name: 'Smith', email: 'alice@acme.test', user_type: 'user' });
		hf.addConversation({ id: 900, user_id: alice.id, title: 'Refund for order 1001' });
		hf.addMessage({ conversation_id: 900, user_id: alice.id, message: 'I was charged twice, I need a refund.' });
		// enough customers for a second page of users (HaveFunnels pages 100 at a time)
		for (let i = 1; i <= 120; i++) hf.addUser({ first_name: 'Visitor', last_name: String(i), email: `visitor${i}@example.test`, user_type: 'visitor' });
		ph.addConversation({ subject: 'Renewal call', companyId: '64b7f0a1c2d3e4f5a6b7c8d9', companyName: 'Acme Ltd', type: 'note' });
		ph.seedConversations(130, { prefix: 'Seeded' });
		n8n = await startN8n({
			line,
			credentials: [
				{ id: 'hfListCred1', name: 'HaveFunnels', type: 'haveFunnelsApi', data: { url: hf.installationUrl, apiToken: HF_E2E_TOKEN } },
				{ id: 'phListCred1', name: 'Planhat', type: 'planhatApi', data: { apiToken: PH_E2E_API_TOKEN, baseUrl: ph.url } },
				{ id: 'hfListCred2', name: 'HaveFunnels wrong token', type: 'haveFunnelsApi', data: { url: hf.installationUrl, apiToken: 'wrong-token-000' } },
			],
		});
	}, 240_000);

	afterAll(async () => {
		await n8n?.stop();
		await hf.stop();
		await ph.stop();
	});

	const fields = [...fromListFields('haveFunnels'), ...fromListFields('planhat')];

	it('the nodes have From List fields for users, agents, conversations, departments, companies and end users', () => {
		expect(fields.length).toBeGreaterThan(50);
		expect(new Set(fields.map((f) => `${f.node}.${f.method}`))).toEqual(
			new Set(Object.entries(PROBES).flatMap(([node, methods]) => Object.keys(methods).map((m) => `${node}.${m}`))),
		);
	});

	it('every From List field finds the stand-in record by a typed fragment', async () => {
		const missed: string[] = [];
		for (const field of fields) {
			const probe = PROBES[field.node][field.method];
			const { results: items } = await results(field.node, field.method, probe.type, undefined, field.parameters);
			if (!items.some((item) => item.name.includes(probe.expect))) missed.push(`${field.node} ${field.label} "${probe.type}": ${JSON.stringify(items)}`);
		}
		expect(missed).toEqual([]);
	});

	it('HaveFunnels users page 100 at a time; a typed fragment narrows the list; no match is an empty list', async () => {
		const first = await results('haveFunnels', 'searchUsers');
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('2');
		const second = await results('haveFunnels', 'searchUsers', undefined, first.paginationToken);
		expect(second.paginationToken).toBeUndefined();
		const ids = [...first.results, ...second.results].map((r) => r.value);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids.length).toBeGreaterThanOrEqual(124);
		const narrowed = await results('haveFunnels', 'searchUsers', 'visitor12');
		expect(narrowed.results.map((r) => r.name).sort()).toEqual(['Visitor 12 (visitor12@example.test)', 'Visitor 120 (visitor120@example.test)']);
		expect(await results('haveFunnels', 'searchUsers', 'nobody-by-this-name')).toEqual({ results: [] });
		expect(await results('haveFunnels', 'searchDepartments', 'nobody-by-this-name')).toEqual({ results: [] });
	});

	it('Planhat conversations page with an offset; a typed fragment narrows the list; no match is an empty list', async () => {
		const first = await results('planhat', 'searchConversations');
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('100');
		const second = await results('planhat', 'searchConversations', undefined, first.paginationToken);
		expect(second.results).toHaveLength(31);
		expect(second.paginationToken).toBeUndefined();
		expect((await results('planhat', 'searchCompanies', 'glob')).results.map((r) => [r.name, r.value])).toEqual([['Globex', '64b7f0a1c2d3e4f5a6b7c8da']]);
		expect(await results('planhat', 'searchEndUsers', 'nobody-by-this-name')).toEqual({ results: [] });
	});

	it('a list whose credential has a refused token answers with the node message, not an empty list', async () => {
		const res = await n8n.rest('POST', '/rest/dynamic-node-parameters/resource-locator-results', {
			nodeTypeAndVersion: { name: nodeType('haveFunnels'), version: 2 },
			path: 'parameters.userId',
			methodName: 'searchUsers',
			currentNodeParameters: { resource: 'user', operation: 'get' },
			credentials: { haveFunnelsApi: { id: 'hfListCred2', name: 'HaveFunnels wrong token' } },
		});
		expect(res.status).toBeGreaterThanOrEqual(400);
		expect(res.text).not.toContain('wrong-token-000');
		expect(res.text).not.toContain(HF_E2E_TOKEN);
		expect(res.text).toMatch(/token/i);
	});
});
