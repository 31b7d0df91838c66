/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code runs in Node.js, not in n8n's node sandbox */
/**
 * The three triggers at type version 1 (workflows saved before 1.1) and 1.1 (new nodes), side by
 * side in one real n8n per line. For version 1 n8n reads and parses every request body before
 * the trigger runs; from 1.1 it parses only JSON, text, form and XML bodies and the trigger reads
 * any other body itself. Every request below goes to both versions: the answers (status and
 * body), the executions started and what they output must be the same, and each case also has
 * its exact expected status and number of executions.
 */
import * as http from 'http';
import { HF_E2E_TOKEN, HF_E2E_WEBHOOK_KEY, PF_E2E_INTEGRATION_TOKEN, PF_E2E_PLANFIX_TOKEN, PH_E2E_API_TOKEN, PH_E2E_WEBHOOK_SECRET } from '../fixture-secrets';
import { N8N_LINES, nodeType, startN8n, type N8nInstance } from './lib/n8n';

const VERSIONS = [1, 1.1] as const;

interface TriggerSpec {
	key: string;
	type: string;
	credential: string;
	suffix: string;
	parameters: Record<string, unknown>;
}

const TRIGGERS: TriggerSpec[] = [
	{ key: 'ph', type: 'planhatTrigger', credential: 'planhatApi', suffix: 'webhook', parameters: {} },
	{ key: 'hf', type: 'haveFunnelsTrigger', credential: 'haveFunnelsApi', suffix: 'webhook', parameters: { events: ['*'] } },
	{ key: 'pf', type: 'planfixWebchatTrigger', credential: 'planfixWebchatApi', suffix: 'planfix', parameters: {} },
];

const webhookId = (t: TriggerSpec, version: number) => `ver-${t.key}-${String(version).replace('.', '')}`;
const workflowId = (t: TriggerSpec, version: number) => `verWf${t.key}${String(version).replace('.', '')}`;
const webhookPath = (t: TriggerSpec, version: number) => `/webhook/${webhookId(t, version)}/${t.suffix}`;

function workflows() {
	return TRIGGERS.flatMap((t) =>
		VERSIONS.map((version) => ({
			id: workflowId(t, version),
			name: `${t.type} version ${version}`,
			active: true,
			nodes: [
				{
					id: `${workflowId(t, version)}-trigger`,
					name: 'Trigger',
					type: nodeType(t.type),
					typeVersion: version,
					position: [0, 0],
					webhookId: webhookId(t, version),
					parameters: t.parameters,
					credentials: { [t.credential]: { id: `${t.key}Cred`, name: t.key } },
				},
			],
			connections: {},
		})),
	);
}

/** One request: a body as bytes with the Content-Type given (none when null), plus headers. */
interface Case {
	name: string;
	body: string;
	contentType: string | null;
	headers?: Record<string, string>;
	/** The answer both versions must give. */
	expectStatus: number;
	/** How many executions the request starts on each version. */
	starts: number;
}

const PH = { 'x-planhat-secret': PH_E2E_WEBHOOK_SECRET };
const phEvent = JSON.stringify({ event: 'conversation.created', data: { _id: 'c1', subject: 'Hi' } });
const hfEvent = (key: string) =>
	JSON.stringify({ function: 'message-sent', key, data: { user_id: '4', conversation_user_id: '4', message: 'Hi' }, 'sender-url': 'https://shop.example' });
const pfForm = (token: string) =>
	new URLSearchParams({ cmd: 'newMessage', providerId: 'n8n-chat', chatId: 'chat-1', message: 'Hello', userName: 'Ann', token }).toString();
const multipart = (fields: Record<string, string>) => {
	const boundary = 'n8nVersionTestBoundary';
	const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
	return { body: `${parts.join('')}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
};

const CASES: Record<string, Case[]> = {
	ph: [
		{ name: 'JSON with the right secret', body: phEvent, contentType: 'application/json', headers: PH, expectStatus: 200, starts: 1 },
		{ name: 'JSON with a wrong secret', body: phEvent, contentType: 'application/json', headers: { 'x-planhat-secret': 'wrong' }, expectStatus: 401, starts: 0 },
		{ name: 'no secret', body: phEvent, contentType: 'application/json', expectStatus: 401, starts: 0 },
		{ name: 'JSON text without a Content-Type', body: phEvent, contentType: null, headers: PH, expectStatus: 200, starts: 1 },
		{ name: 'JSON text as application/octet-stream', body: phEvent, contentType: 'application/octet-stream', headers: PH, expectStatus: 200, starts: 1 },
		{ name: 'an array of two events', body: `[${phEvent},${phEvent}]`, contentType: 'application/json', headers: PH, expectStatus: 200, starts: 1 },
		{ name: 'plain text', body: 'hello planhat', contentType: 'text/plain', headers: PH, expectStatus: 400, starts: 0 },
		{ name: 'broken JSON', body: '{"event": ', contentType: 'application/json', headers: PH, expectStatus: 422, starts: 0 },
		{ name: 'an empty body without a Content-Type', body: '', contentType: null, headers: PH, expectStatus: 400, starts: 0 },
		{ name: 'not JSON as application/octet-stream', body: 'binary?', contentType: 'application/octet-stream', headers: PH, expectStatus: 400, starts: 0 },
		{ name: 'a form', body: 'event=x', contentType: 'application/x-www-form-urlencoded', headers: PH, expectStatus: 400, starts: 0 },
		{ name: 'multipart', ...multipart({ event: 'x' }), headers: PH, expectStatus: 400, starts: 0 },
		{ name: 'XML', body: '<event>x</event>', contentType: 'application/xml', headers: PH, expectStatus: 400, starts: 0 },
	],
	hf: [
		{ name: 'JSON with the right key', body: hfEvent(HF_E2E_WEBHOOK_KEY), contentType: 'application/json', expectStatus: 200, starts: 1 },
		{ name: 'JSON with a wrong key', body: hfEvent('wrong'), contentType: 'application/json', expectStatus: 401, starts: 0 },
		{ name: 'JSON text without a Content-Type', body: hfEvent(HF_E2E_WEBHOOK_KEY), contentType: null, expectStatus: 200, starts: 1 },
		{ name: 'JSON text as application/octet-stream', body: hfEvent(HF_E2E_WEBHOOK_KEY), contentType: 'application/octet-stream', expectStatus: 200, starts: 1 },
		{ name: 'JSON text as text/plain', body: hfEvent(HF_E2E_WEBHOOK_KEY), contentType: 'text/plain', expectStatus: 200, starts: 1 },
		{ name: 'not JSON without a Content-Type', body: 'function=message-sent', contentType: null, expectStatus: 400, starts: 0 },
		{ name: 'broken JSON', body: '{"function": ', contentType: 'application/json', expectStatus: 422, starts: 0 },
		{ name: 'an empty body without a Content-Type', body: '', contentType: null, expectStatus: 400, starts: 0 },
		{ name: 'a form with the right key', body: `function=message-sent&key=${encodeURIComponent(HF_E2E_WEBHOOK_KEY)}`, contentType: 'application/x-www-form-urlencoded', expectStatus: 200, starts: 1 },
		// n8n puts multipart fields elsewhere than the body's top level: no key found
		{ name: 'multipart with the right key', ...multipart({ function: 'message-sent', key: HF_E2E_WEBHOOK_KEY }), expectStatus: 401, starts: 0 },
	],
	pf: [
		{ name: 'a form with the right token', body: pfForm(PF_E2E_INTEGRATION_TOKEN), contentType: 'application/x-www-form-urlencoded', expectStatus: 200, starts: 1 },
		{ name: 'a form with a wrong token', body: pfForm('wrong'), contentType: 'application/x-www-form-urlencoded', expectStatus: 401, starts: 0 },
		{ name: 'a form without a Content-Type', body: pfForm(PF_E2E_INTEGRATION_TOKEN), contentType: null, expectStatus: 401, starts: 0 },
		{ name: 'a form as application/octet-stream', body: pfForm(PF_E2E_INTEGRATION_TOKEN), contentType: 'application/octet-stream', expectStatus: 401, starts: 0 },
		{ name: 'multipart with the right token', ...multipart({ cmd: 'newMessage', providerId: 'n8n-chat', chatId: 'chat-2', message: 'Hi', token: PF_E2E_INTEGRATION_TOKEN }), expectStatus: 401, starts: 0 },
		{ name: 'JSON with the right token', body: JSON.stringify({ cmd: 'newMessage', providerId: 'n8n-chat', chatId: 'c3', message: 'Hi', token: PF_E2E_INTEGRATION_TOKEN }), contentType: 'application/json', expectStatus: 200, starts: 1 },
		{ name: 'a form without cmd', body: `token=${encodeURIComponent(PF_E2E_INTEGRATION_TOKEN)}&chatId=c`, contentType: 'application/x-www-form-urlencoded', expectStatus: 400, starts: 0 },
		{ name: 'an empty body without a Content-Type', body: '', contentType: null, expectStatus: 401, starts: 0 },
	],
};

/** POSTs raw bytes with exactly the headers given (fetch would add a Content-Type to text). */
function send(baseUrl: string, path: string, c: Case): Promise<{ status: number; text: string }> {
	return new Promise((resolve, reject) => {
		const headers: Record<string, string | number> = { ...(c.headers ?? {}), 'Content-Length': Buffer.byteLength(c.body) };
		if (c.contentType !== null) headers['Content-Type'] = c.contentType;
		const req = http.request(baseUrl + path, { method: 'POST', headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
		});
		req.on('error', reject);
		req.end(c.body);
	});
}

/** An answer as compared: n8n's own errors (422) carry a stack trace whose line numbers differ by path. */
function comparable(answer: { status: number; text: string }): { status: number; body: unknown } {
	try {
		const body = JSON.parse(answer.text) as Record<string, unknown>;
		if (body && typeof body === 'object') delete body.stacktrace;
		return { status: answer.status, body };
	} catch {
		return { status: answer.status, body: answer.text };
	}
}

describe.each(N8N_LINES)('Trigger versions 1 and 1.1 in real n8n %s', (line) => {
	let n8n: N8nInstance;

	beforeAll(async () => {
		n8n = await startN8n({
			line,
			credentials: [
				{ id: 'phCred', name: 'ph', type: 'planhatApi', data: { apiToken: PH_E2E_API_TOKEN, baseUrl: 'http://127.0.0.1:9', webhookSecret: PH_E2E_WEBHOOK_SECRET } },
				{ id: 'hfCred', name: 'hf', type: 'haveFunnelsApi', data: { url: 'http://127.0.0.1:9', apiToken: HF_E2E_TOKEN, webhookSecret: HF_E2E_WEBHOOK_KEY } },
				{
					id: 'pfCred',
					name: 'pf',
					type: 'planfixWebchatApi',
					data: { apiUrl: 'http://127.0.0.1:9', providerId: 'n8n-chat', planfixToken: PF_E2E_PLANFIX_TOKEN, integrationToken: PF_E2E_INTEGRATION_TOKEN },
				},
			],
			workflows: workflows(),
			// 1 MB instead of n8n's 16, so a body over the limit is cheap to send
			env: { N8N_PAYLOAD_SIZE_MAX: '1' },
		});
		// Production webhooks can register a moment after n8n reports healthy.
		for (const t of TRIGGERS) {
			for (const version of VERSIONS) {
				const deadline = Date.now() + 30_000;
				while ((await n8n.post(webhookPath(t, version), { json: {} })).status === 404 && Date.now() < deadline) {
					await new Promise((r) => setTimeout(r, 250));
				}
			}
		}
	}, 240_000);

	afterAll(async () => {
		await n8n?.stop();
	});

	/** Finished executions of one workflow, oldest first, once `count` of them exist. */
	async function finished(id: string, count: number) {
		const deadline = Date.now() + 20_000;
		for (;;) {
			const rows = (await n8n.executions()).filter((r) => r.workflowId === id && !['new', 'running', 'waiting'].includes(r.status));
			if (rows.length >= count || Date.now() > deadline) return rows.sort((a, b) => Number(a.id) - Number(b.id));
			await new Promise((r) => setTimeout(r, 250));
		}
	}

	it('a body over n8n\'s payload limit is refused and starts nothing, on both versions (1.1: 413, Planfix 401)', async () => {
		const big = 'x'.repeat(1_200_000);
		const headersOf = (t: TriggerSpec) => (t.key === 'ph' ? PH : {});
		for (const t of TRIGGERS) {
			const before = await Promise.all(VERSIONS.map(async (v) => (await finished(workflowId(t, v), 0)).length));
			const v1 = await send(n8n.baseUrl, webhookPath(t, 1), { name: 'big', body: big, contentType: 'application/octet-stream', headers: headersOf(t), expectStatus: 413, starts: 0 });
			const v11 = await send(n8n.baseUrl, webhookPath(t, 1.1), { name: 'big', body: big, contentType: 'application/octet-stream', headers: headersOf(t), expectStatus: 413, starts: 0 });
			expect(v1.status).toBeGreaterThanOrEqual(400);
			if (t.key === 'pf') {
				// The Planfix Trigger reads only the parsed form: an unread body carries no token.
				expect(v11).toEqual({ status: 401, text: JSON.stringify({ error: 'Invalid token' }) });
			} else {
				expect(v11.status).toBe(413);
				expect(JSON.parse(v11.text)).toEqual({ error: 'The request body is larger than this n8n accepts (N8N_PAYLOAD_SIZE_MAX)' });
			}
			await new Promise((r) => setTimeout(r, 800));
			const after = await Promise.all(VERSIONS.map(async (v) => (await finished(workflowId(t, v), 0)).length));
			expect(after).toEqual(before);
		}
	});

	describe.each(TRIGGERS.map((t) => [t.type, t] as const))('%s', (_, t) => {
		it.each(CASES[t.key].map((c) => [c.name, c] as const))('%s: both versions answer the same and start the same', async (_name, c) => {
			const before = await Promise.all(VERSIONS.map(async (v) => (await finished(workflowId(t, v), 0)).length));
			const answers = [];
			for (const version of VERSIONS) answers.push(comparable(await send(n8n.baseUrl, webhookPath(t, version), c)));
			expect(answers[1]).toEqual(answers[0]);
			expect(answers[0].status).toBe(c.expectStatus);

			// Wait for what started, then compare each version's new executions and their output.
			await new Promise((r) => setTimeout(r, 800));
			const added = await Promise.all(
				VERSIONS.map(async (v, i) => (await finished(workflowId(t, v), before[i] + c.starts)).slice(before[i])),
			);
			expect(added[1].length).toBe(added[0].length);
			expect(added[0].length).toBe(c.starts);
			expect(added[1].map((r) => r.nodes.Trigger)).toEqual(added[0].map((r) => r.nodes.Trigger));
			for (const rows of added) for (const row of rows) expect(row.status).toBe('success');
		});
	});
});
