import { runNode } from '../rig';
import { bodyOf, COMPANY_A, credentialsFor, handled, startStandIn, TOKEN, USER_ID } from './helpers';
import type { PlanhatStandIn } from '../stand-ins/planhat';

let standIn: PlanhatStandIn;
beforeEach(async () => {
	standIn = await startStandIn();
});
afterEach(async () => {
	await standIn.stop();
});

const base = { type: 'planhat', parameters: { resource: 'conversation', operation: 'create' } };

describe('Planhat › Conversation › Create', () => {
	it('POSTs the mapped fields as JSON with the Bearer token and outputs the created conversation', async () => {
		const run = await runNode({
			...base,
			parameters: {
				...base.parameters,
				companyId: { __rl: true, mode: 'id', value: COMPANY_A },
				additionalFields: {
					subject: '={{ $json.subject }}',
					description: '<p>Hello</p>',
					type: 'note',
					date: '2021-07-29T15:29:34.330Z',
					users: USER_ID,
					activityTags: 'chat, vip',
					starred: true,
					externalId: '={{ $json.chatId }}',
					customFields: { field: [{ name: 'Channel', value: 'webchat' }] },
				},
			},
			credentials: credentialsFor(standIn),
			items: [
				{ subject: 'First', chatId: 'c-1' },
				{ subject: 'Second', chatId: 'c-2' },
			],
		});
		expect(run.status).toBe('success');
		const posts = handled(standIn, 'POST', '/conversations');
		expect(posts).toHaveLength(2);
		expect(posts[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
		expect(posts[0].contentType).toContain('application/json');
		expect(posts[0].json).toEqual({
			companyId: COMPANY_A,
			subject: 'First',
			description: '<p>Hello</p>',
			type: 'note',
			date: '2021-07-29T15:29:34.330Z',
			users: [{ id: USER_ID }],
			activityTags: ['chat', 'vip'],
			starred: true,
			externalId: 'c-1',
			custom: { Channel: 'webchat' },
		});
		expect(bodyOf(posts[1]).externalId).toBe('c-2');
		expect(run.json.map((c) => c.subject)).toEqual(['First', 'Second']);
		expect(run.json[0]).toMatchObject({ companyId: COMPANY_A, companyName: 'Tenet', snippet: 'Hello', starred: true });
		expect(run.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(standIn.conversations).toHaveLength(2);
	});

	it('sends extid- / srcid- for a company given by external or source ID', async () => {
		for (const [mode, value, sent] of [
			['externalId', 'tenet-1', 'extid-tenet-1'],
			['sourceId', 'crm-tenet', 'srcid-crm-tenet'],
		]) {
			const run = await runNode({
				...base,
				parameters: { ...base.parameters, companyId: { __rl: true, mode, value } },
				credentials: credentialsFor(standIn),
			});
			expect(run.status).toBe('success');
			expect(bodyOf(handled(standIn, 'POST').pop()!).companyId).toBe(sent);
			expect(run.json[0].companyId).toBe(COMPANY_A);
		}
	});

	it('refuses a reserved type before sending anything', async () => {
		const run = await runNode({
			...base,
			parameters: {
				...base.parameters,
				companyId: { __rl: true, mode: 'id', value: COMPANY_A },
				additionalFields: { type: 'Email' },
			},
			credentials: credentialsFor(standIn),
		});
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/type "Email" is reserved/);
		expect(standIn.requests).toHaveLength(0);
	});

	it('an unknown type is created as note (Planhat quirk, passed through)', async () => {
		const run = await runNode({
			...base,
			parameters: {
				...base.parameters,
				companyId: { __rl: true, mode: 'id', value: COMPANY_A },
				additionalFields: { type: 'coffee' },
			},
			credentials: credentialsFor(standIn),
		});
		expect(bodyOf(handled(standIn, 'POST')[0]).type).toBe('coffee');
		expect(run.json[0].type).toBe('note');
	});

	it('a 400 from Planhat stops the node with its reason; with Continue On Fail the item carries the error', async () => {
		const parameters = { ...base.parameters, companyId: { __rl: true, mode: 'externalId', value: 'nobody' } };
		const run = await runNode({ ...base, parameters, credentials: credentialsFor(standIn) });
		expect(run.status).toBe('error');
		expect(run.error?.message).toBe(
			'Planhat rejected the request to create a conversation (400 Bad Request): Company not found: extid-nobody',
		);
		expect(run.error?.httpCode).toBe('400');
		const cont = await runNode({ ...base, parameters, credentials: credentialsFor(standIn), continueOnFail: true, items: [{}, {}] });
		expect(cont.status).toBe('success');
		expect(cont.json).toHaveLength(2);
		expect(String(cont.json[1].error)).toMatch(/Company not found: extid-nobody/);
		expect(cont.items[1].pairedItem).toEqual({ item: 1 });
	});

	it('a 5xx on create is not retried (it could create the conversation twice)', async () => {
		standIn.inject({ status: 502, times: 1 });
		const run = await runNode({
			...base,
			parameters: { ...base.parameters, companyId: { __rl: true, mode: 'id', value: COMPANY_A } },
			credentials: credentialsFor(standIn),
		});
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/server error \(502\) when trying to create a conversation/);
		expect(standIn.requests).toHaveLength(1);
	});
});
