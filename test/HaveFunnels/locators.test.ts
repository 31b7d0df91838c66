/**
 * Resource locators of the HaveFunnels node (version 2): the list-search methods behind "From
 * List" called as n8n's editor calls them (n8n-core's LoadOptionsContext, through the rig) against
 * the stand-in, and version-2 parameters (From List, By ID, expressions) on the wire. Version 1
 * keeps plain ID boxes: every other HaveFunnels test runs version 1.
 */
import type { IDataObject, INode, INodeParameters, INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { loadPackage, runListSearch, runNode } from '../rig';
import { createHaveFunnelsStandIn } from '../stand-ins/havefunnels';
import { sentForm, TOKEN, type StandIn } from './helpers';

let hf: StandIn;
beforeEach(async () => {
	hf = await createHaveFunnelsStandIn({ token: TOKEN, seedCustomers: true }).start();
});
afterEach(async () => hf?.stop());

const credentials = () => ({ haveFunnelsApi: { url: hf.installationUrl, apiToken: TOKEN } });
const search = (method: string, filter?: string, paginationToken?: string) =>
	runListSearch({ type: 'haveFunnels', typeVersion: 2, method, filter, paginationToken, credentials: credentials() });

describe('HaveFunnels list search: users', () => {
	it('names and emails, filtered by HaveFunnels itself (search), the newest first', async () => {
		const found = await search('searchUsers', 'john');
		expect(found).toEqual({ results: [{ name: expect.stringMatching(/^John Doe/), value: '4' }] });
		expect(sentForm(hf, 'get-users')).toEqual(
			expect.arrayContaining([
				['pagination', '1'],
				['search', 'john'],
			]),
		);
		const nobody = await search('searchUsers', 'zzz-nobody');
		expect(nobody).toEqual({ results: [] });
	});

	it('100 a page: the token is the next page number, the last page has none', async () => {
		for (let n = 0; n < 120; n++) hf.addUser({ first_name: 'Bulk', last_name: String(n), email: `bulk${n}@example.com`, user_type: 'lead' });
		const total = hf.state.users.size as number;
		const first = await search('searchUsers');
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('2');
		const second = await search('searchUsers', undefined, first.paginationToken);
		expect(second.results).toHaveLength(total - 100);
		expect(second.paginationToken).toBeUndefined();
		const ids = [...first.results, ...second.results].map((r) => r.value);
		expect(new Set(ids).size).toBe(total);
		expect(first.results.find((r) => r.value === '4')?.name ?? second.results.find((r) => r.value === '4')?.name).toMatch(/John Doe/);
		const bulk = await search('searchUsers', 'bulk11@');
		expect(bulk.results.map((r) => r.name)).toEqual(['Bulk 11 (bulk11@example.com)']);
	});

	it('an error of HaveFunnels is raised with what it said (the editor shows it)', async () => {
		hf.forceResponse('get-users', { body: { success: false, response: 'Invalid token' } });
		await expect(search('searchUsers')).rejects.toThrow();
		await expect(
			runListSearch({ type: 'haveFunnels', typeVersion: 2, method: 'searchUsers', credentials: { haveFunnelsApi: { url: hf.installationUrl, apiToken: 'wrong' } } }),
		).rejects.toThrow();
	});
});

describe('HaveFunnels list search: conversations', () => {
	const addConversations = (count: number) => {
		for (let n = 0; n < count; n++) {
			const c = hf.addConversation({ user_id: 4, title: '' });
			hf.addMessage({ conversation_id: c.id, user_id: 4, message: `Question number ${n}` });
		}
	};

	it('the inbox 100 a page, each as "#id user: last message"; the token is the next page', async () => {
		addConversations(105);
		const first = await search('searchConversations');
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('2');
		expect(first.results[0].name).toMatch(/^#\d+ John Doe: /);
		const second = await search('searchConversations', undefined, '2');
		expect(second.results).toHaveLength(6); // 105 + the seeded conversation 1
		expect(second.paginationToken).toBeUndefined();
		expect(hf.calls('get-conversations')).toHaveLength(2);
	});

	it('a typed fragment searches messages and users (search-conversations), no pages', async () => {
		addConversations(3);
		const found = await search('searchConversations', 'number 2');
		expect(found.results).toEqual([{ name: expect.stringMatching(/Question number 2$/), value: expect.any(String) }]);
		expect(found.paginationToken).toBeUndefined();
		expect(sentForm(hf, 'search-conversations')).toEqual([
			['function', 'search-conversations'],
			['search', 'number 2'],
		]);
		expect(await search('searchConversations', 'no such words')).toEqual({ results: [] });
	});

	it('an error of HaveFunnels is raised', async () => {
		hf.forceResponse('get-conversations', { body: { success: false, response: 'database error' } });
		await expect(search('searchConversations')).rejects.toThrow();
		expect(hf.calls('get-conversations')).toHaveLength(1);
	});
});

describe('HaveFunnels list search: agents and departments', () => {
	it('agents: only agents and admins (get-users with user_types), searched by HaveFunnels, paged', async () => {
		hf.addUser({ first_name: 'Alice', last_name: 'Agent', email: 'alice@example.com', user_type: 'agent' });
		const all = await search('searchAgents');
		const types = all.results.map((r) => hf.state.users.get(Number(r.value)).user_type as string);
		expect(types.length).toBeGreaterThanOrEqual(2);
		expect(new Set(types)).toEqual(new Set(['agent', 'admin']));
		expect(all.results.map((r) => r.value)).not.toContain('4'); // John Doe is a lead
		expect(Object.fromEntries(hf.calls('get-users')[0].form!.pairs)).toMatchObject({ user_types: '["agent","admin"]', pagination: '1' });
		expect((await search('searchAgents', 'alice')).results).toEqual([{ name: 'Alice Agent (alice@example.com)', value: expect.any(String) }]);
		expect(await search('searchAgents', 'john')).toEqual({ results: [] });
	});

	it('departments: all at once from get-departments, filtered here by name or ID', async () => {
		const departments = [...(hf.state.departments as Map<number, { name: string }>).entries()];
		expect(departments.length).toBeGreaterThan(0);
		const all = await search('searchDepartments');
		expect(all).toEqual({ results: departments.map(([id, d]) => ({ name: d.name, value: String(id) })) });
		const [firstId, first] = departments[0];
		expect((await search('searchDepartments', first.name.slice(0, 3).toUpperCase())).results).toContainEqual({ name: first.name, value: String(firstId) });
		expect((await search('searchDepartments', String(firstId))).results).toContainEqual({ name: first.name, value: String(firstId) });
		expect(await search('searchDepartments', 'no such department')).toEqual({ results: [] });
		hf.forceResponse('get-departments', { body: { success: false, response: 'error' } });
		await expect(search('searchDepartments')).rejects.toThrow();
	});
});

describe('HaveFunnels version 2 parameters', () => {
	const node = loadPackage().nodeTypes.get('n8n-nodes-chat-crm-sync.haveFunnels')!.description as INodeTypeDescription;

	it('is version [1, 2], 2 by default; user, sender, conversation, agent and department IDs are locators in 2, text in 1', () => {
		expect(node.version).toEqual([1, 2]);
		expect(node.defaultVersion).toBe(2);
		const all = (properties: INodeProperties[]): INodeProperties[] =>
			properties.flatMap((p) => [p, ...(p.type === 'collection' ? all((p.options ?? []) as INodeProperties[]) : [])]);
		const named = all(node.properties).filter((p) => ['userId', 'senderId', 'conversationId', 'agentId', 'department', 'departmentId'].includes(p.name));
		const v1 = named.filter((p) => JSON.stringify(p.displayOptions?.show?.['@version']) === '[1]');
		const v2 = named.filter((p) => p.type === 'resourceLocator');
		expect(v1.length).toBeGreaterThan(30);
		expect(v2).toHaveLength(v1.length);
		expect(v1.every((p) => p.type === 'string')).toBe(true);
		for (const p of v2) {
			expect(p.displayOptions?.show?.['@version']).toEqual([{ _cnd: { gte: 2 } }]);
			expect(p.default).toEqual({ mode: 'list', value: '' });
			expect(p.modes!.map((m) => m.name)).toEqual(['list', 'id']);
			expect(['searchUsers', 'searchConversations', 'searchAgents', 'searchDepartments']).toContain(p.modes![0].typeOptions!.searchListMethod);
		}
		expect(named.filter((p) => p.type !== 'string' && p.type !== 'resourceLocator')).toEqual([]);
	});

	it("as n8n loads a node: version-1 values stay plain text, version-2 values stay locators, neither has issues", () => {
		const load = (typeVersion: number, parameters: INodeParameters) => {
			const base: INode = { id: 'a', name: 'Send', type: 'n8n-nodes-chat-crm-sync.haveFunnels', typeVersion, position: [0, 0], parameters };
			const loaded = NodeHelpers.getNodeParameters(node.properties, parameters, true, false, base, node) as INodeParameters;
			return { loaded, issues: NodeHelpers.getNodeParametersIssues(node.properties, { ...base, parameters: loaded }, node) };
		};
		const v1 = load(1, { resource: 'message', operation: 'send', userId: '={{ $json.sender }}', conversationId: '12', message: 'Hi' });
		expect(v1.loaded).toMatchObject({ userId: '={{ $json.sender }}', conversationId: '12' });
		expect(v1.issues).toBeNull();
		const locators = {
			userId: { __rl: true, mode: 'list', value: '2', cachedResultName: 'Bruce' },
			conversationId: { __rl: true, mode: 'id', value: '={{ $json.conversation }}' },
		};
		const v2 = load(2, { resource: 'message', operation: 'send', ...locators, message: 'Hi' });
		expect(v2.loaded).toMatchObject(locators);
		expect(v2.issues).toBeNull();
		// a new version-2 node starts with empty locators, which n8n marks as required
		const fresh = load(2, { resource: 'message', operation: 'send', message: 'Hi' });
		expect(fresh.loaded).toMatchObject({ userId: { mode: 'list', value: '' }, conversationId: { mode: 'list', value: '' } });
		expect(Object.keys(fresh.issues?.parameters ?? {}).sort()).toEqual(['conversationId', 'userId']);
	});

	const run = (parameters: IDataObject, items?: IDataObject[]) =>
		runNode({ type: 'haveFunnels', typeVersion: 2, parameters, items, credentials: credentials() });

	it('From List and By ID values reach HaveFunnels as the plain ID', async () => {
		const picked = await run({ resource: 'user', operation: 'get', userId: { __rl: true, mode: 'list', value: '4', cachedResultName: 'John Doe' } });
		expect(picked.status).toBe('success');
		expect(picked.json[0]).toMatchObject({ id: '4', first_name: 'John' });
		expect(sentForm(hf, 'get-user')).toEqual(expect.arrayContaining([['user_id', '4']]));
		hf.clearRequests();
		const byId = await run({
			resource: 'conversation',
			operation: 'get',
			conversationId: { __rl: true, mode: 'id', value: '1' },
			options: { userId: { __rl: true, mode: 'list', value: '4' } },
		});
		expect(byId.status).toBe('success');
		expect(sentForm(hf, 'get-conversation')).toEqual([
			['function', 'get-conversation'],
			['conversation_id', '1'],
			['user_id', '4'],
		]);
	});

	it('expressions work in locators: the sender and the conversation of Send Message, per item', async () => {
		const sent = await run(
			{
				resource: 'message',
				operation: 'send',
				userId: { __rl: true, mode: 'id', value: '={{ $json.sender }}' },
				conversationId: { __rl: true, mode: 'list', value: '={{ $json.conversation }}' },
				message: '={{ $json.text }}',
			},
			[
				{ sender: hf.agentId, conversation: 1, text: 'First' },
				{ sender: 4, conversation: '1', text: 'Second' },
			],
		);
		expect(sent.status).toBe('success');
		const forms = hf.calls('send-message').map((r) => Object.fromEntries(r.form!.pairs));
		expect(forms).toEqual([
			expect.objectContaining({ user_id: String(hf.agentId), conversation_id: '1', message: 'First' }),
			expect.objectContaining({ user_id: '4', conversation_id: '1', message: 'Second' }),
		]);
	});

	it('agent and department locators: picked values are sent, an emptied optional one still removes the link', async () => {
		const agent = await run({ resource: 'conversation', operation: 'updateAgent', conversationId: { __rl: true, mode: 'list', value: '1' }, agentId: { __rl: true, mode: 'list', value: String(hf.agentId) } });
		expect(agent.status).toBe('success');
		expect(Object.fromEntries(hf.calls('update-conversation-agent')[0].form!.pairs)).toMatchObject({ conversation_id: '1', agent_id: String(hf.agentId) });
		hf.clearRequests();
		const department = await run({ resource: 'conversation', operation: 'updateDepartment', conversationId: { __rl: true, mode: 'id', value: '1' }, department: { __rl: true, mode: 'list', value: '' } });
		expect(department.status).toBe('success');
		expect(Object.fromEntries(hf.calls('update-conversation-department')[0].form!.pairs)).toMatchObject({ conversation_id: '1', department: 'false' });
	});

	it('an empty locator is refused before anything is sent (n8n: required), an empty expression by the node', async () => {
		await expect(run({ resource: 'user', operation: 'get', userId: { __rl: true, mode: 'list', value: '' } })).rejects.toThrow(
			/Parameter "User" is required/,
		);
		const empty = await run({ resource: 'user', operation: 'get', userId: { __rl: true, mode: 'id', value: '={{ $json.none }}' } });
		expect(empty.status).toBe('error');
		expect(empty.error?.message).toBe('User ID is empty');
		expect(hf.calls()).toHaveLength(0);
	});

	it('a version-1 node with plain IDs still sends them (workflows saved before version 2)', async () => {
		const v1 = await runNode({
			type: 'haveFunnels',
			typeVersion: 1,
			parameters: { resource: 'user', operation: 'get', userId: '={{ $json.id }}' },
			items: [{ id: 4 }],
			credentials: credentials(),
		});
		expect(v1.status).toBe('success');
		expect(sentForm(hf, 'get-user')).toEqual(expect.arrayContaining([['user_id', '4']]));
	});
});
