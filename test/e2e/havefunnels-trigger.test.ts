/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code runs in Node.js, not in n8n's node sandbox */
/**
 * The HaveFunnels Trigger in a real n8n, on both lines: the stand-in sends every documented
 * webhook the way HaveFunnels does (JSON with function/key/data/sender-url), the trigger checks the
 * key (401 and no execution when wrong or missing), refuses malformed bodies (400), answers
 * unselected events with 200 without starting anything, and outputs event, data and sender URL
 * (never the key). Also n8n's own credential test of the HaveFunnels API credential.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';
import { HF_E2E_TOKEN, HF_E2E_WEBHOOK_KEY } from '../fixture-secrets';
import { createHaveFunnelsStandIn, WEBHOOK_EVENTS, WEBHOOK_SAMPLES } from '../stand-ins/havefunnels';
import { N8N_LINES, nodeType, startN8n, type ExecutionRow, type N8nInstance } from './lib/n8n';

const TOKEN = HF_E2E_TOKEN;
const KEY = HF_E2E_WEBHOOK_KEY;
const CREDENTIAL = { id: 'hfCred1', name: 'HaveFunnels', type: 'haveFunnelsApi' };
const TRIGGER = 'HaveFunnels Trigger';

function triggerWorkflow(id: string, webhookId: string, events: string[], next?: Record<string, unknown>) {
	return {
		id,
		name: `HaveFunnels ${webhookId}`,
		active: true,
		nodes: [
			{
				id: `${id}-trigger`,
				name: TRIGGER,
				type: nodeType('haveFunnelsTrigger'),
				typeVersion: 1.1,
				position: [0, 0],
				webhookId,
				parameters: { events },
				credentials: { haveFunnelsApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
			},
			...(next ? [{ position: [200, 0], typeVersion: 1, credentials: { haveFunnelsApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } }, ...next }] : []),
		],
		connections: next ? { [TRIGGER]: { main: [[{ node: next.name, type: 'main', index: 0 }]] } } : {},
	};
}

const ANY = triggerWorkflow('hfAnyEventWf1', 'hf-any', ['*']);
const FILTERED = triggerWorkflow('hfFilteredWf1', 'hf-filtered', ['message-sent', 'new-conversation-received']);
/** Trigger -> HaveFunnels node: the sender of each message is looked up through the API. */
const CHAIN = triggerWorkflow('hfChainWf1', 'hf-chain', ['message-sent'], {
	id: 'hfChainWf1-get',
	name: 'Get Sender',
	type: nodeType('haveFunnels'),
	parameters: { resource: 'user', operation: 'get', userId: '={{ $json.data.user_id }}', includeExtra: true },
});
/** Respond "When Last Node Finishes": HaveFunnels' synchronous webhook call waits for the run. */
const LAST_NODE = triggerWorkflow('hfLastNodeWf1', 'hf-last', ['message-sent'], {
	id: 'hfLastNodeWf1-get',
	name: 'Get Sender',
	type: nodeType('haveFunnels'),
	parameters: { resource: 'user', operation: 'get', userId: '={{ $json.data.user_id }}' },
});
(LAST_NODE.nodes[0] as { parameters: Record<string, unknown> }).parameters.responseMode = 'lastNode';
const ANY_PATH = '/webhook/hf-any/webhook';
const FILTERED_PATH = '/webhook/hf-filtered/webhook';

/** What the trigger leaves of a sample: user tokens and passwords redacted, the rest as sent. */
function redacted(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(redacted);
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value).map(([k, v]) => [k, ['token', 'password', 'password-check'].includes(k) && v ? '[redacted]' : redacted(v)]),
		);
	}
	return value;
}

describe.each(N8N_LINES)('HaveFunnels Trigger in real n8n %s', (line) => {
	let n8n: N8nInstance;
	const hf = createHaveFunnelsStandIn({ token: TOKEN, seedCustomers: true });

	beforeAll(async () => {
		await hf.start();
		n8n = await startN8n({
			line,
			credentials: [{ ...CREDENTIAL, data: { url: hf.installationUrl, apiToken: TOKEN, webhookSecret: KEY } }],
			workflows: [ANY, FILTERED, CHAIN, LAST_NODE],
		});
		// n8n may still be registering the webhooks: wait until each answers (401: no key, nothing runs)
		for (const webhookId of ['hf-any', 'hf-filtered', 'hf-chain', 'hf-last']) {
			const deadline = Date.now() + 30_000;
			while ((await n8n.post(`/webhook/${webhookId}/webhook`, { json: {} })).status === 404 && Date.now() < deadline) {
				await new Promise((r) => setTimeout(r, 250));
			}
		}
	}, 240_000);

	afterAll(async () => {
		await n8n?.stop();
		await hf.stop();
	});

	/** Executions of one workflow, once `count` of them have finished. */
	async function executionsOf(workflowId: string, count: number): Promise<ExecutionRow[]> {
		const deadline = Date.now() + 20_000;
		for (;;) {
			const rows = (await n8n.executions()).filter((r) => r.workflowId === workflowId);
			const done = rows.filter((r) => !['new', 'running', 'waiting'].includes(r.status));
			if (done.length >= count || Date.now() > deadline) return done;
			await new Promise((r) => setTimeout(r, 250));
		}
	}

	/** Waits a moment and says how many executions the workflows have (to prove none started). */
	async function settledCount(): Promise<number> {
		await new Promise((r) => setTimeout(r, 1500));
		return (await n8n.executions()).length;
	}

	it('every documented event sent by HaveFunnels starts one execution with event, data and sender URL', async () => {
		hf.setWebhook({ url: n8n.baseUrl + ANY_PATH, key: KEY });
		hf.clearWebhooks();
		for (const event of WEBHOOK_EVENTS) await hf.emitEvent(event);
		expect(hf.webhooks.map((w) => [w.event, w.status])).toEqual(WEBHOOK_EVENTS.map((e) => [e, 200]));
		expect(hf.webhooks.map((w) => w.responseText)).toEqual(WEBHOOK_EVENTS.map(() => '{"received":true}'));

		const rows = await executionsOf(ANY.id, WEBHOOK_EVENTS.length);
		expect(rows).toHaveLength(WEBHOOK_EVENTS.length);
		const outputs = rows.map((r) => {
			expect(r.status).toBe('success');
			expect(r.dataText).not.toContain(KEY);
			expect(r.nodes[TRIGGER]).toHaveLength(1);
			return r.nodes[TRIGGER][0] as Record<string, unknown>;
		});
		expect(outputs.map((o) => o.event).sort()).toEqual([...WEBHOOK_EVENTS].sort());
		for (const output of outputs) {
			const event = output.event as keyof typeof WEBHOOK_SAMPLES;
			expect(output.data).toEqual(redacted(WEBHOOK_SAMPLES[event]));
			expect(output.senderUrl).toBe(hf.installationUrl);
			expect(output).not.toHaveProperty('key');
		}
		// the customer/agent flag: message-sent by the conversation's user, new messages from a user
		const byEvent = Object.fromEntries(outputs.map((o) => [o.event, o]));
		expect(byEvent['message-sent'].senderIsCustomer).toBe(true);
		expect(byEvent['new-messages-received'].senderIsCustomer).toBe(true);
		expect(byEvent['bot-message'].senderIsCustomer).toBe(false);
		expect(byEvent['login']).not.toHaveProperty('senderIsCustomer');
		expect(byEvent['registration'].data).toMatchObject({ user: { password: '[redacted]', 'password-check': '[redacted]' } });
	});

	it('an agent reply sent through the API arrives as message-sent with senderIsCustomer false', async () => {
		hf.setWebhook({ url: n8n.baseUrl + ANY_PATH, key: KEY, events: ['message-sent'] });
		const before = (await executionsOf(ANY.id, 0)).length;
		const answer = await fetch(`${hf.installationUrl}/include/api.php`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ token: TOKEN, function: 'send-message', user_id: '2', conversation_id: '1', message: 'On it!' }).toString(),
		});
		expect(answer.status).toBe(200);
		const rows = await executionsOf(ANY.id, before + 1);
		const output = rows[rows.length - 1].nodes[TRIGGER][0] as Record<string, unknown>;
		expect(output).toMatchObject({ event: 'message-sent', senderIsCustomer: false });
		expect(output.data).toMatchObject({ user_id: '2', conversation_user_id: '4', conversation_id: '1', message: 'On it!' });
	});

	it('with Respond "When Last Node Finishes" HaveFunnels gets its answer only after the workflow ran', async () => {
		hf.setWebhook({ url: `${n8n.baseUrl}/webhook/hf-last/webhook`, key: KEY, events: ['message-sent'] });
		hf.clearWebhooks();
		const lookupsBefore = hf.calls('get-user').length;
		const answer = await fetch(`${hf.installationUrl}/include/api.php`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ token: TOKEN, function: 'send-message', user_id: '4', conversation_id: '1', message: 'In order, please' }).toString(),
		});
		expect(answer.status).toBe(200);
		expect(hf.webhooks).toHaveLength(1);
		const webhook = hf.webhooks[0];
		expect(webhook).toMatchObject({ event: 'message-sent', status: 200, responseText: '' });
		// the workflow's own API call reached HaveFunnels before the webhook call was answered
		const lookups = hf.calls('get-user').slice(lookupsBefore);
		expect(lookups).toHaveLength(1);
		expect(lookups[0].at).toBeLessThanOrEqual(webhook.at + (webhook.durationMs as number));
		const rows = await executionsOf(LAST_NODE.id, 1);
		expect(rows[0].status).toBe('success');
		expect(rows[0].nodes['Get Sender']).toEqual([expect.objectContaining({ id: '4' })]);
	});

	it.each([
		['a wrong key', { function: 'message-sent', key: 'not-the-key', data: { user_id: '4' } }],
		['a missing key', { function: 'message-sent', data: { user_id: '4' } }],
		['an empty key', { function: 'message-sent', key: '', data: { user_id: '4' } }],
		['a key of another type', { function: 'message-sent', key: ['x'], data: {} }],
	])('%s gets 401 and starts nothing', async (_, body) => {
		const before = (await n8n.executions()).length;
		const res = await n8n.post(ANY_PATH, { json: body });
		expect(res.status).toBe(401);
		expect(res.text).not.toContain(KEY);
		expect(await settledCount()).toBe(before);
	});

	it.each([
		['a body that is not JSON', { raw: 'function=message-sent&key=x', contentType: 'text/plain' }],
		['a JSON array', { json: [{ function: 'message-sent', key: KEY }] }],
		['a JSON object without function', { json: { key: KEY, data: { user_id: '4' } } }],
		['an empty function', { json: { function: ' ', key: KEY } }],
	])('%s gets 400 and starts nothing', async (_, body) => {
		const before = (await n8n.executions()).length;
		const res = await n8n.post(ANY_PATH, body);
		expect(res.status).toBe(400);
		expect(await settledCount()).toBe(before);
	});

	it("broken JSON sent as application/json is refused by n8n's own body parser (422) and starts nothing", async () => {
		const before = (await n8n.executions()).length;
		const res = await n8n.post(ANY_PATH, { raw: '{"function": "message-sent", "key": ', contentType: 'application/json' });
		expect(res.status).toBe(422);
		expect(await settledCount()).toBe(before);
	});

	it('an event that is not selected gets 200 and starts nothing; a selected one (or its alias) starts', async () => {
		hf.setWebhook({ url: n8n.baseUrl + FILTERED_PATH, key: KEY, events: [] });
		hf.clearWebhooks();
		const before = (await n8n.executions()).length;
		await hf.emitEvent('login');
		await hf.emitEvent('conversation-status-updated');
		expect(hf.webhooks.map((w) => w.status)).toEqual([200, 200]);
		expect(await settledCount()).toBe(before);

		await hf.emitEvent('message-sent');
		await hf.emitEvent('new-conversation');
		const rows = await executionsOf(FILTERED.id, 2);
		expect(rows.map((r) => (r.nodes[TRIGGER][0] as { event: string }).event).sort()).toEqual(['message-sent', 'new-conversation']);
	});

	it('a message-sent webhook runs the HaveFunnels node, which reads the sender through the API', async () => {
		hf.setWebhook({ url: `${n8n.baseUrl}/webhook/hf-chain/webhook`, key: KEY, events: [] });
		hf.clearRequests();
		await hf.emitEvent('message-sent', { user_id: '4', conversation_user_id: '4', conversation_id: '1', message_id: '1', message: 'Hello! I need help.' });
		const [row] = await executionsOf(CHAIN.id, 1);
		expect(row.status).toBe('success');
		expect(row.nodes['Get Sender']).toEqual([expect.objectContaining({ id: '4', email: 'john@example.com', token: '[redacted]' })]);
		const [call] = hf.calls('get-user');
		expect(call.form?.pairs).toEqual([['function', 'get-user'], ['user_id', '4'], ['extra', 'true'], ['token', TOKEN]]);
		expect(row.dataText).not.toContain(TOKEN);
	});

	it("n8n's credential test passes with the right token; a wrong token, URL or host says what to fix", async () => {
		const data = { url: hf.installationUrl, apiToken: TOKEN, webhookSecret: KEY };
		expect(await n8n.testCredential({ ...CREDENTIAL, data })).toMatchObject({ status: 'OK' });
		const wrong = await n8n.testCredential({ ...CREDENTIAL, data: { ...data, apiToken: 'wrong-token-000' } });
		// recent versions answer a wrong token with 401
		expect(wrong).toEqual({ status: 'Error', message: 'HaveFunnels refused the API token. Copy it again from Account > Installation > API token.' });
		// an address that is some other web server: a 404 page, or a 200 page (a website's home)
		const website = http.createServer((req, res) => {
			res.writeHead(req.url?.startsWith('/home') ? 200 : 404, { 'Content-Type': 'text/html' });
			res.end('<html><body>Not HaveFunnels</body></html>');
		});
		await new Promise<void>((resolve) => website.listen(0, '127.0.0.1', resolve));
		const port = (website.address() as AddressInfo).port;
		let wrongUrl: { status: string; message: string };
		let websiteUrl: { status: string; message: string };
		try {
			wrongUrl = await n8n.testCredential({ ...CREDENTIAL, data: { ...data, url: `http://127.0.0.1:${port}/script` } });
			websiteUrl = await n8n.testCredential({ ...CREDENTIAL, data: { ...data, url: `http://127.0.0.1:${port}/home` } });
		} finally {
			website.close();
		}
		expect(wrongUrl).toEqual({ status: 'Error', message: expect.stringContaining('The Installation URL does not lead to a HaveFunnels API') });
		expect(websiteUrl).toEqual({ status: 'Error', message: expect.stringContaining('The Installation URL does not lead to a HaveFunnels API') });
		const noHost = await n8n.testCredential({ ...CREDENTIAL, data: { ...data, url: 'http://127.0.0.1:9' } });
		expect(noHost).toEqual({ status: 'Error', message: line === '2.x' ? 'ECONNREFUSED' : 'The service refused the connection - perhaps it is offline' });
		for (const result of [wrong, wrongUrl, noHost]) expect(JSON.stringify(result)).not.toContain(TOKEN);
		hf.setLegacyErrors(true);
		try {
			const legacy = await n8n.testCredential({ ...CREDENTIAL, data: { ...data, apiToken: 'wrong-token-000' } });
			expect(legacy).toEqual({ status: 'Error', message: 'HaveFunnels refused the API token. Copy it again from Account > Installation > API token.' });
		} finally {
			hf.setLegacyErrors(false);
		}
	});

	it('n8n logged neither the webhook key nor the API token', () => {
		expect(n8n.log()).not.toContain(KEY);
		expect(n8n.log()).not.toContain(TOKEN);
	});
});
