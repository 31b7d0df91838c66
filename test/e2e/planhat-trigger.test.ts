/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test code runs in Node.js, not in n8n's node sandbox */
/**
 * Planhat Trigger in a real n8n (both lines): the shared secret in a header is checked first (401
 * and no execution when wrong or missing), malformed bodies get 400, and the event filter answers
 * 200 without starting anything.
 */
import { PH_E2E_API_TOKEN, PH_E2E_WEBHOOK_SECRET } from '../fixture-secrets';
import { createPlanhatStandIn, type PlanhatStandIn } from '../stand-ins/planhat';
import { N8N_LINES, nodeType, startN8n, type N8nInstance } from './lib/n8n';

const SECRET = PH_E2E_WEBHOOK_SECRET;
const ALL = '/webhook/planhat-all/webhook';
const FILTERED = '/webhook/planhat-filtered/webhook';
const SYNC = '/webhook/planhat-sync/webhook';
const API_TOKEN = PH_E2E_API_TOKEN;
const COMPANY_ID = '61006bc89a3e0b702ed8ea49';

function triggerWorkflow(id: string, webhookId: string, parameters: Record<string, unknown>) {
	return {
		id,
		name: `Planhat trigger ${webhookId}`,
		active: true,
		nodes: [
			{
				id: `${id}-trigger`,
				name: 'Planhat Trigger',
				type: nodeType('planhatTrigger'),
				typeVersion: 1.1,
				position: [0, 0],
				webhookId,
				parameters,
				credentials: { planhatApi: { id: 'cred1', name: 'Planhat' } },
			},
		],
		connections: {},
	};
}

/** Trigger → Planhat node: logs every received Planhat event as a note on the company. */
function syncWorkflow() {
	const workflow = triggerWorkflow('planhatTriggerSync1', 'planhat-sync', {});
	workflow.nodes.push({
		id: 'planhatTriggerSync1-node',
		name: 'Planhat',
		type: nodeType('planhat'),
		typeVersion: 1,
		position: [200, 0],
		parameters: {
			resource: 'conversation',
			operation: 'create',
			companyId: { __rl: true, mode: 'externalId', value: '={{ $json.data.companyExternalId }}' },
			additionalFields: { subject: '={{ "Planhat event: " + $json.event }}', type: 'note' },
		},
		credentials: { planhatApi: { id: 'cred1', name: 'Planhat' } },
	} as never);
	(workflow.connections as Record<string, unknown>)['Planhat Trigger'] = {
		main: [[{ node: 'Planhat', type: 'main', index: 0 }]],
	};
	return workflow;
}

describe.each(N8N_LINES)('Planhat Trigger in n8n %s', (line) => {
	let n8n: N8nInstance;
	let expected = 0;
	let standIn: PlanhatStandIn;

	beforeAll(async () => {
		standIn = createPlanhatStandIn({
			token: API_TOKEN,
			companies: [{ _id: COMPANY_ID, name: 'Tenet', externalId: 'tenet-1', domains: ['tenet.com'] }],
		});
		await standIn.start();
		n8n = await startN8n({
			line,
			credentials: [
				{
					id: 'cred1',
					name: 'Planhat',
					type: 'planhatApi',
					data: { apiToken: API_TOKEN, baseUrl: standIn.url, webhookSecret: SECRET },
				},
			],
			workflows: [
				triggerWorkflow('planhatTriggerAll1', 'planhat-all', {}),
				triggerWorkflow('planhatTriggerFlt1', 'planhat-filtered', {
					headerName: 'X-Automation-Key',
					events: 'conversation.created, company.updated',
					eventField: 'type',
				}),
				syncWorkflow(),
			],
		});
		// Production webhooks can register a moment after n8n reports healthy: wait until both
		// answer (a request without the secret gets 401 and never starts an execution).
		const deadline = Date.now() + 30_000;
		for (const path of [ALL, FILTERED, SYNC]) {
			while ((await n8n.post(path, { json: {} })).status === 404 && Date.now() < deadline) {
				await new Promise((r) => setTimeout(r, 500));
			}
		}
	}, 240_000);

	afterAll(async () => {
		await n8n?.stop();
		await standIn?.stop();
	});

	/** Waits a moment, then checks that exactly `expected` executions exist. */
	async function expectExecutions(count: number) {
		await new Promise((r) => setTimeout(r, 700));
		const rows = await n8n.executions();
		expect(rows).toHaveLength(count);
		return rows;
	}

	it('a request with the right secret starts the workflow with the JSON body', async () => {
		const body = { event: 'conversation.created', data: { _id: '6102e3b08084189dcbf0e3f0', subject: 'Hi' } };
		const res = await n8n.post(ALL, { json: body }, { headers: { 'x-planhat-secret': SECRET } });
		expect(res.status).toBe(200);
		expect(res.json).toEqual({ received: true });
		expected += 1;
		const rows = await n8n.waitForExecutions(expected);
		expect(rows).toHaveLength(expected);
		const last = rows[rows.length - 1];
		expect(last.status).toBe('success');
		expect(last.nodes['Planhat Trigger']).toEqual([body]);
		expect(last.dataText).not.toContain(SECRET);
	});

	it('a wrong secret is answered 401 and starts nothing', async () => {
		const res = await n8n.post(ALL, { json: { event: 'x' } }, { headers: { 'x-planhat-secret': `${SECRET}x` } });
		expect(res.status).toBe(401);
		expect(res.json).toEqual({ error: 'Missing or wrong secret in the x-planhat-secret header' });
		await expectExecutions(expected);
	});

	it('a missing secret (or the secret in another header) is answered 401 and starts nothing', async () => {
		const missing = await n8n.post(ALL, { json: { event: 'x' } });
		expect(missing.status).toBe(401);
		const otherHeader = await n8n.post(FILTERED, { json: { type: 'conversation.created' } }, { headers: { 'x-planhat-secret': SECRET } });
		expect(otherHeader.status).toBe(401);
		await expectExecutions(expected);
	});

	it('an empty body, a non-JSON body or JSON that is not an object is answered 400 (broken JSON 422 by n8n) and starts nothing', async () => {
		const headers = { 'x-planhat-secret': SECRET };
		const empty = await n8n.post(ALL, { raw: '', contentType: 'application/json' }, { headers });
		expect(empty.status).toBe(400);
		const text = await n8n.post(ALL, { raw: 'hello planhat', contentType: 'text/plain' }, { headers });
		expect(text.status).toBe(400);
		expect(String((text.json as { error?: string } | undefined)?.error ?? text.text)).toMatch(/JSON/);
		// Declared JSON that does not parse never reaches the node: n8n's own body parser answers 422
		// ("Failed to parse request body") before any trigger code runs, on both lines.
		const broken = await n8n.post(ALL, { raw: '{"event": ', contentType: 'application/json' }, { headers });
		expect(broken.status).toBe(422);
		const array = await n8n.post(ALL, { json: ['not', 'objects'] }, { headers });
		expect(array.status).toBe(400);
		await expectExecutions(expected);
	});

	it('the event filter (custom header and event field) starts only the listed events', async () => {
		const headers = { 'x-automation-key': SECRET };
		const skipped = await n8n.post(FILTERED, { json: { type: 'enduser.created', data: {} } }, { headers });
		expect(skipped.status).toBe(200);
		expect(skipped.json).toEqual({ received: true, ignored: true });
		await expectExecutions(expected);
		const wanted = await n8n.post(FILTERED, { json: { type: 'company.updated', data: { name: 'Tenet' } } }, { headers });
		expect(wanted.status).toBe(200);
		expected += 1;
		const rows = await n8n.waitForExecutions(expected);
		expect(rows).toHaveLength(expected);
		expect(rows[rows.length - 1].nodes['Planhat Trigger']).toEqual([{ type: 'company.updated', data: { name: 'Tenet' } }]);
	});

	it('a received event runs the Planhat node against the stand-in (Bearer token, extid- company)', async () => {
		const res = await n8n.post(
			SYNC,
			{ json: { event: 'company.renewal', data: { companyExternalId: 'tenet-1' } } },
			{ headers: { 'x-planhat-secret': SECRET } },
		);
		expect(res.status).toBe(200);
		expected += 1;
		const rows = await n8n.waitForExecutions(expected);
		const last = rows[rows.length - 1];
		expect(last.status).toBe('success');
		const posts = standIn.requests.filter((r) => r.method === 'POST' && r.path === '/conversations');
		expect(posts).toHaveLength(1);
		expect(posts[0].headers.authorization).toBe(`Bearer ${API_TOKEN}`);
		expect(posts[0].json).toEqual({ companyId: 'extid-tenet-1', subject: 'Planhat event: company.renewal', type: 'note' });
		expect(last.nodes.Planhat).toEqual([expect.objectContaining({ companyId: COMPANY_ID, subject: 'Planhat event: company.renewal' })]);
		expect(last.dataText).not.toContain(API_TOKEN);
	});

	it("n8n's credential test passes with the right token; a wrong token, base URL or host says what to fix", async () => {
		// n8n tests a credential it stores (an unknown id is 403), with the data the editor sends.
		const base = { id: 'cred1', name: 'Planhat', type: 'planhatApi' };
		const good = await n8n.testCredential({ ...base, data: { apiToken: API_TOKEN, baseUrl: standIn.url } });
		expect(good.status).toBe('OK');
		const bad = await n8n.testCredential({ ...base, data: { apiToken: 'nope-nope-nope', baseUrl: standIn.url } });
		// n8n 2.x shows the credential's message for the status code; 1.x its own generic one.
		expect(bad).toEqual({
			status: 'Error',
			message: line === '2.x' ? expect.stringContaining('Planhat refused the API token. Copy it again from Planhat > Settings > Private Apps') : 'Authorization failed - please check your credentials',
		});
		const tests = standIn.requests.filter((r) => r.path === '/companies');
		// n8n may repeat a failed test request; every one after the good test is the wrong token's 401.
		expect(tests[0]).toMatchObject({ query: { limit: '1', select: '_id' }, status: 200 });
		expect(tests[0].headers.authorization).toBe(`Bearer ${API_TOKEN}`);
		expect(tests.length).toBeGreaterThanOrEqual(2);
		expect(tests.slice(1).every((r) => r.status === 401 && r.headers.authorization === 'Bearer nope-nope-nope')).toBe(true);

		const wrongBase = await n8n.testCredential({ ...base, data: { apiToken: API_TOKEN, baseUrl: `${standIn.url}/v9/` } });
		expect(wrongBase).toEqual({
			status: 'Error',
			message: line === '2.x' ? expect.stringContaining('The Base URL does not lead to the Planhat API') : 'The resource you are requesting could not be found',
		});
		expect(standIn.requests.filter((r) => r.path === '/v9/companies').map((r) => r.status)).toContain(404);
		const noHost = await n8n.testCredential({ ...base, data: { apiToken: API_TOKEN, baseUrl: 'http://127.0.0.1:9' } });
		expect(noHost).toEqual({ status: 'Error', message: line === '2.x' ? 'ECONNREFUSED' : 'The service refused the connection - perhaps it is offline' });
		for (const result of [bad, wrongBase, noHost]) expect(JSON.stringify(result)).not.toContain(API_TOKEN);
	});

	it('n8n does not log the secret or the token', () => {
		expect(n8n.log()).not.toContain(SECRET);
		expect(n8n.log()).not.toContain(API_TOKEN);
	});
});
