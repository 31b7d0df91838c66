/**
 * A stalled Planhat no longer holds an execution without bound: every attempt of the Planhat
 * transport gives up after 30 seconds. A read that timed out is tried again; a create that timed out
 * is not (Planhat may have stored it, as the stand-in does here once its late answer goes out), and
 * the error says so. Real time: the stand-in answers 31.5 s late.
 */
import { sleep } from 'n8n-workflow';
import { runNode } from '../rig';
import type { PlanhatStandIn } from './fixtures';
import { COMPANY_ID, SECRETS, startPlanhat } from './fixtures';
import { captureLogs, leakedSecrets } from './leaks';

const STALL_MS = 31_500;

let standIn: PlanhatStandIn;
beforeAll(async () => {
	standIn = await startPlanhat();
});
afterAll(async () => standIn.stop());

const credentials = () => ({
	planhatApi: { apiToken: SECRETS.planhatToken, webhookSecret: SECRETS.planhatWebhookSecret, baseUrl: standIn.url },
});

it('times out after 30 s: a read is tried again and succeeds, a create is not repeated and says why', async () => {
	const stored = standIn.addConversation({ companyId: COMPANY_ID, subject: 'S', externalId: 'x-1' });
	const before = standIn.conversations.length;
	standIn.inject({ delayMs: STALL_MS, match: (request) => request.method === 'POST' });
	standIn.inject({ delayMs: STALL_MS, match: (request) => request.method === 'GET' });
	const logs = captureLogs();
	const started = Date.now();
	const [created, read] = await Promise.all([
		runNode({
			type: 'planhat',
			parameters: { resource: 'conversation', operation: 'create', companyId: { __rl: true, mode: 'id', value: COMPANY_ID } },
			credentials: credentials(),
		}),
		runNode({
			type: 'planhat',
			parameters: { resource: 'conversation', operation: 'get', conversationId: { __rl: true, mode: 'id', value: stored._id } },
			credentials: credentials(),
		}),
	]);
	logs.stop();
	const elapsed = Date.now() - started;

	// Bounded: one 30 s attempt (plus, for the read, a quick second one), not the 31.5 s stall.
	expect(elapsed).toBeGreaterThanOrEqual(29_000);
	expect(elapsed).toBeLessThan(STALL_MS);

	expect(created.status).toBe('error');
	expect(created.error?.message).toBe('Planhat did not answer within 30 seconds when trying to create a conversation');
	expect(created.error?.description).toMatch(/It was not sent again, because Planhat may have acted on it: check Planhat before you run it again\./);
	expect(standIn.requests.filter((request) => request.method === 'POST')).toHaveLength(1);

	expect(read.status).toBe('success');
	expect(read.json).toEqual([expect.objectContaining({ _id: stored._id })]);
	expect(standIn.requests.filter((request) => request.method === 'GET')).toHaveLength(2);

	expect(leakedSecrets(created.raw, created.error, read.raw, logs.lines)).toEqual([]);

	// The stalled create still reaches Planhat after n8n gave up: exactly why it was not repeated.
	const posted = standIn.requests.find((request) => request.method === 'POST')!;
	const until = posted.at + STALL_MS + 2_000;
	while (standIn.conversations.length === before && Date.now() < until) await sleep(100);
	expect(standIn.conversations).toHaveLength(before + 1);
}, 60_000);
