import { runNode } from '../rig';
import { COMPANY_A, COMPANY_B, credentialsFor, handled, startStandIn } from './helpers';
import type { Conversation, PlanhatStandIn } from '../stand-ins/planhat';

let standIn: PlanhatStandIn;
let stored: Conversation;
beforeEach(async () => {
	standIn = await startStandIn();
	stored = standIn.addConversation({
		companyId: COMPANY_A,
		subject: 'Original',
		externalId: 'chat/42',
		sourceId: 'src 7',
		type: 'note',
	});
});
afterEach(async () => {
	await standIn.stop();
});

const locators = () => [
	{ mode: 'id', value: stored._id, path: `/conversations/${stored._id}` },
	{ mode: 'externalId', value: 'chat/42', path: '/conversations/extid-chat%2F42' },
	{ mode: 'sourceId', value: 'src 7', path: '/conversations/srcid-src%207' },
];

describe('Planhat › Conversation › Get', () => {
	it.each([0, 1, 2])('gets by locator mode #%i (Planhat ID, extid-, srcid-), path segment encoded', async (n) => {
		const loc = locators()[n];
		const run = await runNode({
			type: 'planhat',
			parameters: {
				resource: 'conversation',
				operation: 'get',
				conversationId: { __rl: true, mode: loc.mode, value: loc.value },
			},
			credentials: credentialsFor(standIn),
		});
		expect(run.status).toBe('success');
		const [request] = handled(standIn, 'GET');
		expect(request.path).toBe(loc.path);
		expect(run.json).toEqual([expect.objectContaining({ _id: stored._id, subject: 'Original' })]);
	});

	it('a missing conversation stops the node with a 404 that says what to check', async () => {
		const run = await runNode({
			type: 'planhat',
			parameters: { resource: 'conversation', operation: 'get', conversationId: { __rl: true, mode: 'externalId', value: 'nope' } },
			credentials: credentialsFor(standIn),
		});
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/^Planhat found nothing to get conversation extid-nope \(404 Not Found\)/);
		expect(run.error?.description).toMatch(/external ID \(sent as extid-…\)/);
		expect(run.error?.httpCode).toBe('404');
	});

	it('an ID that resolves to nothing is refused before any request', async () => {
		const run = await runNode({
			type: 'planhat',
			parameters: {
				resource: 'conversation',
				operation: 'get',
				conversationId: { __rl: true, mode: 'externalId', value: '={{ $json.missing }}' },
			},
			credentials: credentialsFor(standIn),
		});
		expect(run.status).toBe('error');
		expect(run.error?.message).toBe('The conversation is empty');
		expect(standIn.requests).toHaveLength(0);
	});
});

describe('Planhat › Conversation › Update', () => {
	it('PUTs only the given fields to the keyable path and outputs the updated conversation', async () => {
		const run = await runNode({
			type: 'planhat',
			parameters: {
				resource: 'conversation',
				operation: 'update',
				conversationId: { __rl: true, mode: 'externalId', value: '={{ $json.chat }}' },
				updateFields: { subject: 'Renamed', pinned: true, archived: false, companyId: 'extid-dna', endusers: 'e1,e2' },
			},
			credentials: credentialsFor(standIn),
			items: [{ chat: 'chat/42' }],
		});
		expect(run.status).toBe('success');
		const [request] = handled(standIn, 'PUT');
		expect(request.path).toBe('/conversations/extid-chat%2F42');
		expect(request.json).toEqual({
			subject: 'Renamed',
			pinned: true,
			archived: false,
			companyId: 'extid-dna',
			endusers: [{ id: 'e1' }, { id: 'e2' }],
		});
		expect(run.json[0]).toMatchObject({ _id: stored._id, subject: 'Renamed', pinned: true, companyId: COMPANY_B });
		expect(standIn.getConversation(stored._id)!.subject).toBe('Renamed');
	});

	it('refuses an update with no fields and a reserved type, sending nothing', async () => {
		for (const updateFields of [{}, { type: 'call' }]) {
			const run = await runNode({
				type: 'planhat',
				parameters: {
					resource: 'conversation',
					operation: 'update',
					conversationId: { __rl: true, mode: 'id', value: stored._id },
					updateFields,
				},
				credentials: credentialsFor(standIn),
			});
			expect(run.status).toBe('error');
			expect(run.error?.message).toMatch(/Nothing to update|reserved/);
		}
		expect(standIn.requests).toHaveLength(0);
	});
});

describe('Planhat › Conversation › Delete', () => {
	it.each([
		['source ID', 'sourceId', 'src 7', '/conversations/srcid-src%207'],
		['external ID', 'externalId', 'chat/42', '/conversations/extid-chat%2F42'],
	])('by %s: one GET finds the _id, then DELETEs by _id (Planhat deletes only by _id)', async (_label, mode, value, getPath) => {
		const run = await runNode({
			type: 'planhat',
			parameters: {
				resource: 'conversation',
				operation: 'delete',
				conversationId: { __rl: true, mode, value },
			},
			credentials: credentialsFor(standIn),
		});
		expect(run.status).toBe('success');
		expect(handled(standIn, 'GET').map((r) => r.path)).toEqual([getPath]);
		expect(handled(standIn, 'DELETE').map((r) => r.path)).toEqual([`/conversations/${stored._id}`]);
		expect(run.json).toEqual([expect.objectContaining({ deleted: true, _id: stored._id })]);
		expect(standIn.conversations).toHaveLength(0);
	});

	it('by Planhat ID: DELETEs at once, no GET', async () => {
		const run = await runNode({
			type: 'planhat',
			parameters: { resource: 'conversation', operation: 'delete', conversationId: { __rl: true, mode: 'id', value: stored._id } },
			credentials: credentialsFor(standIn),
		});
		expect(run.status).toBe('success');
		expect(handled(standIn, 'GET')).toHaveLength(0);
		expect(handled(standIn, 'DELETE').map((r) => r.path)).toEqual([`/conversations/${stored._id}`]);
		expect(standIn.conversations).toHaveLength(0);
	});

	it('an unknown external ID fails on the GET and deletes nothing', async () => {
		const run = await runNode({
			type: 'planhat',
			parameters: { resource: 'conversation', operation: 'delete', conversationId: { __rl: true, mode: 'externalId', value: 'nope' } },
			credentials: credentialsFor(standIn),
		});
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/find conversation extid-nope to delete it/);
		expect(handled(standIn, 'DELETE')).toHaveLength(0);
		expect(standIn.conversations).toHaveLength(1);
	});

	it('with Continue On Fail a missing one gives an error item and the others go on', async () => {
		const run = await runNode({
			type: 'planhat',
			parameters: {
				resource: 'conversation',
				operation: 'delete',
				conversationId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			},
			credentials: credentialsFor(standIn),
			continueOnFail: true,
			items: [{ id: 'ffffffffffffffffffffffff' }, { id: stored._id }],
		});
		expect(run.status).toBe('success');
		expect(String(run.json[0].error)).toMatch(/404/);
		expect(run.json[1]).toMatchObject({ deleted: true, _id: stored._id });
		expect(run.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});
