/**
 * The transport as seen through the node: retries (429 with Retry-After, 5xx bounded), errors that
 * say what happened, and the token never in output or errors.
 */
import { runNode } from '../rig';
import { COMPANY_A, credentialsFor, handled, startStandIn, TOKEN } from './helpers';
import type { Conversation, PlanhatStandIn } from '../stand-ins/planhat';

let standIn: PlanhatStandIn;
let stored: Conversation;
beforeEach(async () => {
	standIn = await startStandIn();
	stored = standIn.addConversation({ companyId: COMPANY_A, subject: 'S', externalId: 'x-1' });
});
afterEach(async () => {
	await standIn.stop();
});

const get = (credentials = credentialsFor(standIn), continueOnFail = false) =>
	runNode({
		type: 'planhat',
		parameters: { resource: 'conversation', operation: 'get', conversationId: { __rl: true, mode: 'id', value: stored._id } },
		credentials,
		continueOnFail,
	});

const create = () =>
	runNode({
		type: 'planhat',
		parameters: { resource: 'conversation', operation: 'create', companyId: { __rl: true, mode: 'id', value: COMPANY_A } },
		credentials: credentialsFor(standIn),
	});

describe('Planhat transport', () => {
	it('retries a 429 after the Retry-After delay, for a create too, and creates once', async () => {
		standIn.inject({ status: 429, retryAfter: 1 });
		const started = Date.now();
		const run = await create();
		expect(run.status).toBe('success');
		const elapsed = Date.now() - started;
		expect(elapsed).toBeGreaterThanOrEqual(1000);
		expect(standIn.requests.map((r) => r.status)).toEqual([429, 200]);
		expect(standIn.conversations).toHaveLength(2);
	});

	it('honours the configured rate limit of the stand-in (429 + Retry-After: 1) until it clears', async () => {
		standIn.setRateLimit({ limit: 1, windowMs: 1000 });
		const run = await runNode({
			type: 'planhat',
			parameters: { resource: 'conversation', operation: 'get', conversationId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			credentials: credentialsFor(standIn),
			items: [{ id: stored._id }, { id: stored._id }],
		});
		expect(run.status).toBe('success');
		expect(run.json).toHaveLength(2);
		expect(handled(standIn, 'GET')).toHaveLength(2);
		expect(standIn.requests.filter((r) => r.rateLimited).length).toBeGreaterThanOrEqual(1);
	});

	it('gives up on 429 after 4 attempts with a message that says what to change', async () => {
		standIn.inject({ status: 429, retryAfter: 0, times: 10 });
		const run = await get();
		expect(run.status).toBe('error');
		expect(standIn.requests).toHaveLength(4);
		expect(run.error?.message).toBe(
			`Planhat's rate limit was still exceeded after 4 attempts to get conversation ${stored._id} (429 Too Many Requests)`,
		);
		expect(run.error?.description).toMatch(/200 calls a minute/);
	});

	it('does not wait for a Retry-After longer than a minute', async () => {
		standIn.inject({ status: 429, retryAfter: 3600 });
		const started = Date.now();
		const run = await get();
		expect(Date.now() - started).toBeLessThan(5000);
		expect(run.status).toBe('error');
		expect(standIn.requests).toHaveLength(1);
	});

	it('retries a 5xx on a read with bounded backoff, then succeeds', async () => {
		standIn.inject({ status: 503, times: 2 });
		const run = await get();
		expect(run.status).toBe('success');
		expect(standIn.requests.map((r) => r.status)).toEqual([503, 503, 200]);
	});

	it('stops after 4 attempts on a persistent 5xx', async () => {
		standIn.inject({ status: 500, times: 10, body: { error: 'db down' } });
		const run = await get();
		expect(run.status).toBe('error');
		expect(standIn.requests).toHaveLength(4);
		expect(run.error?.message).toBe(
			`Planhat had a server error (500) when trying to get conversation ${stored._id}, 4 attempts: db down`,
		);
		expect(run.error?.httpCode).toBe('500');
	});

	it('retries a dropped connection on a read', async () => {
		standIn.inject({ drop: true });
		const run = await get();
		expect(run.status).toBe('success');
		expect(standIn.requests).toHaveLength(2);
	});

	it('a wrong token: 401 with a message about the credential, no token anywhere, not retried', async () => {
		const wrong = 'wrong-token-9d8c7b6a5f';
		const run = await get(credentialsFor(standIn, wrong));
		expect(run.status).toBe('error');
		expect(standIn.requests).toHaveLength(1);
		expect(standIn.requests[0].headers.authorization).toBe(`Bearer ${wrong}`);
		expect(run.error?.message).toBe(
			`Planhat did not accept the API token (401 Unauthorized) when trying to get conversation ${stored._id}`,
		);
		expect(JSON.stringify(run.raw)).not.toContain(wrong);
		const cont = await get(credentialsFor(standIn, wrong), true);
		expect(JSON.stringify(cont.json)).not.toContain(wrong);
		expect(String(cont.json[0].error)).toMatch(/401 Unauthorized/);
	});

	it('the token never appears in output or errors, even when Planhat echoes it', async () => {
		standIn.inject({ status: 400, body: { error: `bad header Authorization: Bearer ${TOKEN} for ${TOKEN}` } });
		const run = await get();
		expect(run.status).toBe('error');
		expect(JSON.stringify(run.raw)).not.toContain(TOKEN);
		expect(run.error?.message).toContain('[redacted]');
		const ok = await get();
		expect(JSON.stringify(ok.raw)).not.toContain(TOKEN);
	});

	it('an unreachable base URL says so and which address was used', async () => {
		const url = standIn.url;
		await standIn.stop();
		const run = await runNode({
			type: 'planhat',
			parameters: { resource: 'conversation', operation: 'get', conversationId: { __rl: true, mode: 'id', value: stored._id } },
			credentials: { planhatApi: { apiToken: TOKEN, baseUrl: `${url}/` } },
		});
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(new RegExp(`^Could not reach Planhat at ${url} to get conversation .* \\(4 attempts\\)`));
		expect(run.error?.description).toMatch(/ECONNREFUSED.*Check the Base URL/);
		expect(JSON.stringify(run.raw)).not.toContain(TOKEN);
		await standIn.start();
	});

	it('uses the credential base URL (regional hosts) with a trailing slash trimmed', async () => {
		const run = await get({ planhatApi: { apiToken: TOKEN, baseUrl: `${standIn.url}/` } });
		expect(run.status).toBe('success');
		expect(handled(standIn)[0].path).toBe(`/conversations/${stored._id}`);
	});
});
