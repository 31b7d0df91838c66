/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code runs in Node.js, not in n8n's node sandbox */
/**
 * The Planfix Webchat Trigger in a real n8n (1.x and 2.x), fed by the Planfix stand-in's agent
 * (cmd=newMessage form posts with the integration token): token checks before any execution,
 * 400 on malformed bodies, attachments normalised, the first-message case, and both response
 * modes — "Immediately" and "When Last Node Finishes" (the deferred answer built by the workflow,
 * which here also runs the Planfix Webchat action node against the stand-in). Also n8n's own
 * credential test of the Planfix credential.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';
import { PF_E2E_INTEGRATION_TOKEN, PF_E2E_PLANFIX_TOKEN } from '../fixture-secrets';
import { createPlanfixStandIn, type AgentRecord, type PlanfixStandIn } from '../stand-ins/planfix';
import { N8N_LINES, nodeType, startN8n, type N8nInstance } from './lib/n8n';

const PLANFIX_TOKEN = PF_E2E_PLANFIX_TOKEN;
const INTEGRATION_TOKEN = PF_E2E_INTEGRATION_TOKEN;
const PROVIDER = 'n8n-chat';
const CREDENTIAL = { planfixWebchatApi: { id: 'pfCred0001', name: 'Planfix' } };

function triggerNode(webhookId: string, parameters: Record<string, unknown>) {
	return {
		id: `${webhookId}-trigger`,
		name: 'Planfix Trigger',
		type: nodeType('planfixWebchatTrigger'),
		typeVersion: 1.1,
		position: [0, 0],
		webhookId,
		parameters,
		credentials: CREDENTIAL,
	};
}

const immediateWorkflow = {
	id: 'pfImmediateWf001',
	name: 'Planfix immediate',
	active: true,
	nodes: [triggerNode('pf-now', { responseMode: 'onReceived', contactIdSource: 'fixed', contactId: 'contact-from-parameter' })],
	connections: {},
};

const defaultWorkflow = {
	id: 'pfDefaultWf0001',
	name: 'Planfix defaults',
	active: true,
	nodes: [triggerNode('pf-default', {})],
	connections: {},
};

const fieldWorkflow = {
	id: 'pfFieldWf000001',
	name: 'Planfix contact ID from a field',
	active: true,
	nodes: [triggerNode('pf-field', { responseMode: 'onReceived', contactIdSource: 'field', contactIdField: 'userName' })],
	connections: {},
};

const deferredWorkflow = {
	id: 'pfDeferredWf001',
	name: 'Planfix deferred',
	active: true,
	nodes: [
		triggerNode('pf-last', { responseMode: 'lastNode' }),
		{
			id: 'pf-status',
			name: 'Mark Sent',
			type: nodeType('planfixWebchat'),
			typeVersion: 1,
			position: [220, 0],
			parameters: { resource: 'message', operation: 'updateStatus', messageId: '={{ $json.messageId }}', messageStatus: 'sent' },
			credentials: CREDENTIAL,
		},
		{
			id: 'pf-answer',
			name: 'Answer',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [440, 0],
			parameters: {
				mode: 'manual',
				assignments: {
					assignments: [
						{
							id: 'a1',
							name: 'chatId',
							type: 'string',
							value: "={{ $('Planfix Trigger').item.json.chatId || 'chat-' + $('Planfix Trigger').item.json.contactPhone }}",
						},
						{
							id: 'a2',
							name: 'contactId',
							type: 'string',
							value: "={{ 'contact-' + ($('Planfix Trigger').item.json.contactPhone || $('Planfix Trigger').item.json.chatId) }}",
						},
					],
				},
				options: {},
			},
		},
	],
	connections: {
		'Planfix Trigger': { main: [[{ node: 'Mark Sent', type: 'main', index: 0 }]] },
		'Mark Sent': { main: [[{ node: 'Answer', type: 'main', index: 0 }]] },
	},
};

const NOW = '/webhook/pf-now/planfix';
const LAST = '/webhook/pf-last/planfix';

function expectNoTokens(text: string) {
	for (const secret of [PLANFIX_TOKEN, INTEGRATION_TOKEN]) {
		expect(text).not.toContain(secret);
		expect(text).not.toContain(encodeURIComponent(secret));
	}
}

describe.each(N8N_LINES)('Planfix Webchat Trigger in real n8n %s', (line) => {
	let n8n: N8nInstance;
	let pf: PlanfixStandIn;

	beforeAll(async () => {
		pf = createPlanfixStandIn({ planfixToken: PLANFIX_TOKEN, integrationToken: INTEGRATION_TOKEN });
		await pf.start();
		n8n = await startN8n({
			line,
			credentials: [
				{
					id: 'pfCred0001',
					name: 'Planfix',
					type: 'planfixWebchatApi',
					data: { apiUrl: pf.apiUrl, providerId: PROVIDER, planfixToken: PLANFIX_TOKEN, integrationToken: INTEGRATION_TOKEN },
				},
			],
			workflows: [immediateWorkflow, deferredWorkflow, defaultWorkflow, fieldWorkflow],
		});
	}, 240_000);

	afterAll(async () => {
		await n8n?.stop();
		await pf?.stop();
	});

	/** Runs `act` and returns the executions it added (waiting for `expected` of them). */
	async function newExecutions(expected: number, act: () => Promise<unknown>) {
		const before = (await n8n.executions()).length;
		await act();
		if (expected === 0) {
			await new Promise((r) => setTimeout(r, 1500));
			const after = await n8n.executions();
			return after.slice(before);
		}
		const rows = await n8n.waitForExecutions(before + expected);
		return rows.slice(before);
	}

	it('answers a reply at once with the chat ID and the contact ID parameter; attachments become [{name,url}]', async () => {
		pf.agent.configure({ url: n8n.baseUrl + NOW, token: INTEGRATION_TOKEN });
		let record!: AgentRecord;
		const execs = await newExecutions(1, async () => {
			record = await pf.agent.reply({
				providerId: PROVIDER,
				chatId: 'EFHASFN1239351',
				message: 'Hello, how can I help you?',
				messageId: '4188849',
				attachments: [
					{ name: 'file1.doc', url: 'https://account_name.planfix.com/file/aadkapdoa5456454' },
					{ name: 'file2.doc', url: 'https://account_name.planfix.com/file/aadkapdoa5456455' },
				],
			});
		});
		expect(record.status).toBe(200);
		expect(record.json).toEqual({ chatId: 'EFHASFN1239351', contactId: 'contact-from-parameter' });
		expect(record.answer).toEqual({ chatId: 'EFHASFN1239351', contactId: 'contact-from-parameter' });
		expect(execs).toHaveLength(1);
		expect(execs[0].status).toBe('success');
		const [item] = execs[0].nodes['Planfix Trigger'] as Array<Record<string, unknown>>;
		expect(item).toEqual({
			cmd: 'newMessage',
			providerId: PROVIDER,
			chatId: 'EFHASFN1239351',
			message: 'Hello, how can I help you?',
			messageId: '4188849',
			userName: 'Peter',
			userLastName: 'Peterson',
			userIco: 'https://account_name.planfix.com/?action=getuserpic&id=77',
			attachments: [
				{ name: 'file1.doc', url: 'https://account_name.planfix.com/file/aadkapdoa5456454' },
				{ name: 'file2.doc', url: 'https://account_name.planfix.com/file/aadkapdoa5456455' },
			],
			isFirstMessage: false,
		});
		expect(item).not.toHaveProperty('token');
		expectNoTokens(execs[0].dataText);
	});

	it('normalises a single attachment (two strings from the form parser) to a one-element list', async () => {
		pf.agent.configure({ url: n8n.baseUrl + NOW, token: INTEGRATION_TOKEN });
		const execs = await newExecutions(1, () =>
			pf.agent.reply({ providerId: PROVIDER, chatId: 'C-1', message: '', attachments: [{ name: 'only.pdf', url: 'https://pf.test/f/1' }] }),
		);
		const [item] = execs[0].nodes['Planfix Trigger'] as Array<Record<string, unknown>>;
		expect(item.attachments).toEqual([{ name: 'only.pdf', url: 'https://pf.test/f/1' }]);
		expect(item.message).toBe('');
	});

	it('flags a first message (no chat ID) and, answering at once, uses the contact phone as chat ID', async () => {
		pf.agent.configure({ url: n8n.baseUrl + NOW, token: INTEGRATION_TOKEN });
		let record!: AgentRecord;
		const execs = await newExecutions(1, async () => {
			record = await pf.agent.firstMessage({ providerId: PROVIDER, contactPhone: '190512345670', message: 'Hello, what are you interested in?' });
		});
		expect(record.answer).toEqual({ chatId: '190512345670', contactId: 'contact-from-parameter' });
		const [item] = execs[0].nodes['Planfix Trigger'] as Array<Record<string, unknown>>;
		expect(item).toMatchObject({ isFirstMessage: true, contactPhone: '190512345670', attachments: [] });
		expect(item).not.toHaveProperty('chatId');
	});

	it('by default answers at once with the chat ID as contact ID', async () => {
		pf.agent.configure({ url: n8n.baseUrl + '/webhook/pf-default/planfix', token: INTEGRATION_TOKEN });
		const record = await pf.agent.reply({ providerId: PROVIDER, chatId: 'C-9', message: 'x' });
		expect(record.json).toEqual({ chatId: 'C-9', contactId: 'C-9' });
	});

	it('can take the contact ID of the immediate answer from a request field', async () => {
		pf.agent.configure({ url: n8n.baseUrl + '/webhook/pf-field/planfix', token: INTEGRATION_TOKEN });
		const record = await pf.agent.reply({ providerId: PROVIDER, chatId: 'C-10', message: 'x', userName: 'Olga' });
		expect(record.json).toEqual({ chatId: 'C-10', contactId: 'Olga' });
	});

	it.each([
		['a wrong token', 'not-the-token'],
		['no token', null],
	])('answers %s with 401 and starts no execution', async (_name, token) => {
		pf.agent.configure({ url: n8n.baseUrl + NOW });
		let record!: AgentRecord;
		const execs = await newExecutions(0, async () => {
			record = await pf.agent.reply({ providerId: PROVIDER, chatId: 'C-2', message: 'x', token });
		});
		expect(record.status).toBe(401);
		expect(record.json).toEqual({ error: 'Invalid token' });
		expect(execs).toHaveLength(0);
	});

	it.each([
		['an unknown cmd', [['cmd', 'deleteChat'], ['providerId', PROVIDER], ['chatId', 'C'], ['message', 'm']]],
		['a missing message', [['cmd', 'newMessage'], ['providerId', PROVIDER], ['chatId', 'C']]],
		['no chat ID and no contact phone', [['cmd', 'newMessage'], ['providerId', PROVIDER], ['message', 'm']]],
		['a missing providerId', [['cmd', 'newMessage'], ['chatId', 'C'], ['message', 'm']]],
		['unpaired attachments', [['cmd', 'newMessage'], ['providerId', PROVIDER], ['chatId', 'C'], ['message', 'm'], ['attachments[name]', 'a'], ['attachments[name]', 'b'], ['attachments[url]', 'u']]],
		['a repeated chat ID', [['cmd', 'newMessage'], ['providerId', PROVIDER], ['chatId', 'C'], ['chatId', 'D'], ['message', 'm']]],
	])('answers %s with 400 and starts no execution', async (_name, pairs) => {
		const execs = await newExecutions(0, async () => {
			const res = await n8n.post(NOW, { form: [...(pairs as Array<[string, string]>), ['token', INTEGRATION_TOKEN]] });
			expect(res.status).toBe(400);
			expect(res.json).toEqual({ error: 'Invalid parameters' });
		});
		expect(execs).toHaveLength(0);
	});

	it('answers a malformed (non-form) body with 400, and checks the token before the body', async () => {
		const execs = await newExecutions(0, async () => {
			// Broken JSON never reaches the trigger: n8n's own body parser answers 422 (1.x and 2.x).
			const bad = await n8n.post(NOW, { raw: '{"cmd": "newMessage", "token": "x"', contentType: 'application/json' });
			expect(bad.status).toBe(422);
			const noToken = await n8n.post(NOW, { json: { cmd: 'newMessage' } });
			expect(noToken.status).toBe(401);
			const wrongShape = await n8n.post(NOW, { json: { token: INTEGRATION_TOKEN, cmd: 'newMessage', providerId: PROVIDER, chatId: ['a'], message: 'm' } });
			expect(wrongShape.status).toBe(400);
			expect(wrongShape.json).toEqual({ error: 'Invalid parameters' });
		});
		expect(execs).toHaveLength(0);
	});

	it('answers after the workflow ran ("When Last Node Finishes") with the IDs the workflow made for a first message', async () => {
		pf.agent.configure({ url: n8n.baseUrl + LAST, token: INTEGRATION_TOKEN });
		let record!: AgentRecord;
		const execs = await newExecutions(1, async () => {
			record = await pf.agent.firstMessage({ providerId: PROVIDER, contactPhone: '79051234567', message: 'Hi from Planfix', messageId: '5550001' });
		});
		expect(record.status).toBe(200);
		expect(record.json).toEqual({ chatId: 'chat-79051234567', contactId: 'contact-79051234567' });
		// The stand-in (Planfix) bound the new chat to the answered IDs and opened its task.
		expect(pf.chat(PROVIDER, 'chat-79051234567')).toMatchObject({ contactId: 'contact-79051234567' });
		expect(pf.taskForChat(PROVIDER, 'chat-79051234567')).toBeDefined();
		// The Planfix Webchat node ran inside n8n and reported the status over the form API.
		expect(pf.state.statuses.get('5550001')).toMatchObject({ status: 'sent' });
		const statusCall = pf.apiCalls().find((r) => r.form?.fields.messageId === '5550001');
		expect(statusCall!.form!.pairs).toEqual([
			['cmd', 'messageStatus'],
			['providerId', PROVIDER],
			['messageId', '5550001'],
			['messageStatus', 'sent'],
			['planfix_token', PLANFIX_TOKEN],
		]);
		expect(execs[0].status).toBe('success');
		expect(execs[0].nodes['Mark Sent']).toEqual([{ messageId: '5550001', messageStatus: 'sent' }]);
		expectNoTokens(execs[0].dataText);
	});

	it('answers a reply in deferred mode with the chat ID of the request', async () => {
		pf.agent.configure({ url: n8n.baseUrl + LAST, token: INTEGRATION_TOKEN });
		const record = await pf.agent.reply({ providerId: PROVIDER, chatId: 'EXISTING-7', message: 'ok' });
		expect(record.json).toEqual({ chatId: 'EXISTING-7', contactId: 'contact-EXISTING-7' });
	});

	it('rejects a wrong token in deferred mode too', async () => {
		pf.agent.configure({ url: n8n.baseUrl + LAST });
		const record = await pf.agent.reply({ providerId: PROVIDER, chatId: 'EXISTING-7', message: 'ok', token: 'nope' });
		expect(record.status).toBe(401);
	});

	it("n8n's credential test tells a valid Planfix token from an invalid one", async () => {
		const data = { apiUrl: pf.apiUrl, providerId: PROVIDER, planfixToken: PLANFIX_TOKEN, integrationToken: INTEGRATION_TOKEN };
		const good = await n8n.testCredential({ id: 'pfCred0001', name: 'Planfix', type: 'planfixWebchatApi', data });
		expect(good).toEqual({ status: 'OK', message: 'Connection successful!' });
		const bad = await n8n.testCredential({ id: 'pfCred0001', name: 'Planfix', type: 'planfixWebchatApi', data: { ...data, planfixToken: 'wrong-token' } });
		expect(bad).toEqual({ status: 'Error', message: 'Planfix rejected the token — check the Planfix token in the credential' });
		const tilde = await n8n.testCredential({ id: 'pfCred0001', name: 'Planfix', type: 'planfixWebchatApi', data: { ...data, providerId: 'a~b' } });
		expect(tilde.status).toBe('Error');
		expect(tilde.message).toContain('Provider ID');
		const calls = pf.apiCalls().filter((r) => r.form?.fields.chatId === 'n8n-credential-test');
		expect(calls.map((r) => [r.status, r.form!.fields.cmd])).toEqual([
			[400, 'getTask'],
			[401, 'getTask'],
			[400, 'getTask'],
		]);
	});

	it("n8n's credential test says so when the Chat API URL leads elsewhere (a 404, a web page); an unreachable host shows n8n's network error", async () => {
		const data = { apiUrl: pf.apiUrl, providerId: PROVIDER, planfixToken: PLANFIX_TOKEN, integrationToken: INTEGRATION_TOKEN };
		const credential = { id: 'pfCred0001', name: 'Planfix', type: 'planfixWebchatApi' };
		// some other web server: a 404 page, or a 200 page (the account's website)
		const website = http.createServer((req, res) => {
			res.writeHead(req.url?.startsWith('/home') ? 200 : 404, { 'Content-Type': 'text/html' });
			res.end('<html><body>Not the chat API</body></html>');
		});
		await new Promise<void>((resolve) => website.listen(0, '127.0.0.1', resolve));
		const port = (website.address() as AddressInfo).port;
		const wrongUrl = expect.stringContaining('The Planfix Chat API URL does not lead to the Planfix API for chats');
		try {
			expect(await n8n.testCredential({ ...credential, data: { ...data, apiUrl: `http://127.0.0.1:${port}/webchat/api` } })).toEqual({ status: 'Error', message: wrongUrl });
			expect(await n8n.testCredential({ ...credential, data: { ...data, apiUrl: `http://127.0.0.1:${port}/home` } })).toEqual({ status: 'Error', message: wrongUrl });
		} finally {
			website.close();
		}
		// the stand-in's own server on a path that is not the chat API
		expect(await n8n.testCredential({ ...credential, data: { ...data, apiUrl: pf.apiUrl.replace(/\/webchat\/api$/, '/api') } })).toEqual({ status: 'Error', message: wrongUrl });
		const noHost = await n8n.testCredential({ ...credential, data: { ...data, apiUrl: 'http://127.0.0.1:9/webchat/api' } });
		expect(noHost).toEqual({ status: 'Error', message: line === '2.x' ? 'ECONNREFUSED' : 'The service refused the connection - perhaps it is offline' });
		for (const result of [noHost]) expect(JSON.stringify(result)).not.toContain(PLANFIX_TOKEN);
	});

	it('keeps both tokens out of the n8n log and every stored execution', async () => {
		const all = await n8n.executions();
		expect(all.length).toBeGreaterThan(0);
		for (const row of all) expectNoTokens(row.dataText);
		expectNoTokens(n8n.log());
	});
});
