/** Error mapping and retries of the Planfix transport, seen through real node runs. */
import { PF_RIG_WRONG_TOKEN } from '../fixture-secrets';
import { runNode } from '../rig';
import { credentialsFor, expectNoSecrets, startStandIn, type StandIn } from './fixtures';

const send = { resource: 'message', operation: 'send', chatId: 'c1', message: 'hi', contactId: 'k1', contactName: 'Ann' };
const getTask = { resource: 'task', operation: 'getNumber', chatId: 'c1' };
const status = { resource: 'message', operation: 'updateStatus', messageId: '4188849', messageStatus: 'read' };

describe('Planfix Webchat: errors and retries', () => {
	let pf: StandIn;
	beforeEach(async () => {
		pf = await startStandIn();
	});
	afterEach(async () => {
		await pf.stop();
	});

	it('maps 401 to a message about the Planfix token, without the token anywhere', async () => {
		const run = await runNode({ type: 'planfixWebchat', parameters: send, credentials: credentialsFor(pf, { planfixToken: PF_RIG_WRONG_TOKEN }) });
		expect(run.status).toBe('error');
		expect(run.error).toMatchObject({
			message: 'Planfix rejected the token — check the Planfix token in the credential',
			httpCode: '401',
			name: 'NodeApiError',
			itemIndex: 0,
		});
		expect(pf.requests).toHaveLength(1);
		expectNoSecrets(run.raw);
		expect(JSON.stringify(run.raw)).not.toContain(PF_RIG_WRONG_TOKEN);
	});

	it('maps 400 Invalid parameters to a message naming the command', async () => {
		await pf.stop();
		pf = await startStandIn({ providerIds: ['someone-else'] });
		const run = await runNode({ type: 'planfixWebchat', parameters: send, credentials: credentialsFor(pf) });
		expect(run.error).toMatchObject({
			message: 'Planfix rejected the parameters of newMessage (Invalid parameters)',
			httpCode: '400',
		});
		expect(run.error?.description).toContain('Provider ID');
	});

	it('refuses a Provider ID with "~" before calling Planfix', async () => {
		const run = await runNode({ type: 'planfixWebchat', parameters: send, credentials: credentialsFor(pf, { providerId: 'a~b' }) });
		expect(run.error).toMatchObject({ message: 'The Provider ID in the credential is empty or contains "~"', name: 'NodeOperationError' });
		expect(pf.requests).toHaveLength(0);
	});

	it('refuses an API URL that is not a web address', async () => {
		const run = await runNode({ type: 'planfixWebchat', parameters: send, credentials: credentialsFor(pf, { apiUrl: 'test.planfix.com/webchat/api' }) });
		expect(run.error?.message).toBe('The Planfix Chat API URL in the credential is not a web address');
		expect(pf.requests).toHaveLength(0);
	});

	it('retries newMessage after 429, honouring Retry-After, and sends it once', async () => {
		pf.inject({ status: 429, retryAfter: 1 });
		const started = Date.now();
		const run = await runNode({ type: 'planfixWebchat', parameters: send, credentials: credentialsFor(pf) });
		expect(run.status).toBe('success');
		expect(pf.requests.map((r) => r.status)).toEqual([429, 200]);
		expect(pf.requests[1].at - pf.requests[0].at).toBeGreaterThanOrEqual(950);
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
		expect(pf.state.messages).toHaveLength(1);
	});

	it('gives up after a bounded number of 429s', async () => {
		pf.inject({ status: 429, retryAfter: 0, times: Infinity });
		const run = await runNode({ type: 'planfixWebchat', parameters: getTask, credentials: credentialsFor(pf) });
		expect(run.error).toMatchObject({ message: 'Planfix is limiting the request rate (HTTP 429)', httpCode: '429' });
		expect(pf.requests).toHaveLength(4);
	});

	it('does not resend newMessage after a 500 or 502 (Planfix may have stored it)', async () => {
		for (const status of [500, 502]) {
			const before = pf.requests.length;
			pf.inject({ status });
			const run = await runNode({ type: 'planfixWebchat', parameters: send, credentials: credentialsFor(pf) });
			expect(run.error).toMatchObject({ message: `Planfix answered with a server error (HTTP ${status})`, httpCode: String(status) });
			expect(run.error?.description).toContain('not resent');
			expect(pf.requests.length - before).toBe(1);
		}
	});

	it('resends newMessage after a 503: an unavailable server refused it before storing anything', async () => {
		pf.inject({ status: 503, times: 2 });
		const run = await runNode({ type: 'planfixWebchat', parameters: send, credentials: credentialsFor(pf) });
		expect(run.error).toBeUndefined();
		expect(pf.requests.map((r) => r.status)).toEqual([503, 503, 200]);
	});

	it('does not resend newMessage after a dropped connection', async () => {
		pf.inject({ drop: true });
		const run = await runNode({ type: 'planfixWebchat', parameters: send, credentials: credentialsFor(pf) });
		expect(run.status).toBe('error');
		expect(run.error?.message).toBe('Could not reach Planfix');
		expect(run.error?.description).toMatch(/^ECONNRESET: /);
		expect(run.error?.description).toContain('not resent');
		expect(pf.requests).toHaveLength(1);
		expectNoSecrets(run.raw);
	});

	it('retries idempotent calls after a 5xx and a dropped connection', async () => {
		pf.inject({ status: 502 });
		pf.inject({ drop: true });
		const run = await runNode({ type: 'planfixWebchat', parameters: status, credentials: credentialsFor(pf) });
		expect(run.status).toBe('success');
		expect(pf.requests.map((r) => r.fault)).toEqual(['502', 'drop', null]);
		expect(pf.state.statuses.get('4188849')!.status).toBe('read');
	});

	it('fails a read after bounded 5xx retries', async () => {
		pf.inject({ status: 500, times: Infinity });
		const run = await runNode({ type: 'planfixWebchat', parameters: getTask, credentials: credentialsFor(pf) });
		expect(run.error).toMatchObject({ message: 'Planfix answered with a server error (HTTP 500)', httpCode: '500' });
		expect(pf.requests).toHaveLength(4);
	}, 20_000);

	it('reports an unreachable Planfix clearly', async () => {
		const url = pf.apiUrl;
		await pf.stop();
		const run = await runNode({ type: 'planfixWebchat', parameters: send, credentials: { planfixWebchatApi: { ...credentialsFor(pf).planfixWebchatApi, apiUrl: url } } });
		expect(run.error?.message).toBe('Could not reach Planfix');
		expect(run.error?.description).toMatch(/^ECONNREFUSED: /);
		expectNoSecrets(run.raw);
		pf = await startStandIn();
	});

	it('with Continue On Fail, a failed send says whether Planfix may still have the message (delivery)', async () => {
		// In order: refused (400 stays 400), answer lost after storing, server error, gave up after 503s, sent.
		pf.inject({ status: 400, body: { error: 'Invalid parameters' } });
		pf.inject({ dropAfter: true });
		pf.inject({ status: 500 });
		pf.inject({ status: 503, times: 4 });
		const run = await runNode({
			type: 'planfixWebchat',
			parameters: { ...send, message: '={{ $json.text }}' },
			items: [{ text: 'a' }, { text: 'b' }, { text: 'c' }, { text: 'd' }, { text: 'e' }],
			continueOnFail: true,
			credentials: credentialsFor(pf),
		});
		expect(run.status).toBe('success');
		expect(run.items.map((i) => [i.json.delivery, i.pairedItem])).toEqual([
			['notDelivered', { item: 0 }],
			['unknown', { item: 1 }],
			['unknown', { item: 2 }],
			['notDelivered', { item: 3 }],
			[undefined, { item: 4 }],
		]);
		// What Planfix really holds: the message whose answer was lost, and the last one.
		expect(pf.state.messages.filter((m) => m.direction === 'in').map((m) => m.message)).toEqual(['b', 'e']);
		expectNoSecrets(run.raw);
	}, 20_000);

	it('with Continue On Fail, emits the error for the failing item and goes on, pairing each output', async () => {
		pf.seedChat({ providerId: 'n8n-chat', chatId: 'known', contactId: 'k' });
		const run = await runNode({
			type: 'planfixWebchat',
			parameters: { ...getTask, chatId: '={{ $json.chat }}' },
			items: [{ chat: 'known' }, { chat: 'unknown' }, { chat: '' }],
			continueOnFail: true,
			credentials: credentialsFor(pf),
		});
		expect(run.status).toBe('success');
		expect(run.items.map((i) => [i.json, i.pairedItem])).toEqual([
			[{ chatId: 'known', found: true, taskNumber: 1001 }, { item: 0 }],
			[{ error: expect.stringMatching(/^Planfix has no task for this chat: /) }, { item: 1 }],
			[{ error: 'Chat ID is empty: Set "Chat ID" (it is required by Planfix).' }, { item: 2 }],
		]);
		expect(pf.apiCalls()).toHaveLength(2);
		expectNoSecrets(run.raw);
	});
});
