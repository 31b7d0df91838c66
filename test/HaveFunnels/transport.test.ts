/**
 * The transport through the node: every documented error form becomes a clear node error (scrubbed
 * of the token), "not found" answers become no item, answers are parsed whatever their content
 * type, and 429 / 5xx / dropped connections are retried within bounds, never repeating a call
 * that creates something after an ambiguous failure.
 */
import type { IDataObject } from 'n8n-workflow';

import { HF_RIG_WRONG_TOKEN } from '../fixture-secrets';
import { TOKEN, expectNoSecrets, runHf, useStandIn } from './helpers';

const ctx = useStandIn();

/** Every request that reached the stand-in for `fn`, faulted ones included. */
const attempts = (fn: string): Array<{ status: number | null; fault: string | null }> =>
	ctx.hf.requests.filter((r) => r.form?.fields.function === fn);

/** Runs one call that must fail, and checks the error is the node's and leaks no secret. */
async function failing(resource: string, operation: string, params: IDataObject, credentials = {}) {
	const run = await runHf(ctx.hf, resource, operation, params, { credentials });
	expect(run.status).toBe('error');
	expect(run.json).toEqual([]);
	expectNoSecrets(run.error);
	expectNoSecrets(run.raw.data.resultData);
	return run.error!;
}

describe('success:false answers (HTTP 200) become node errors with helpful messages', () => {
	it.each([
		['duplicate-email', 'user', 'create', { userType: 'user', additionalFields: { email: 'john@example.com' } }, 'A user with this email address already exists in HaveFunnels'],
		[
			'duplicate-phone',
			'user',
			'create',
			{ userType: 'lead', additionalFields: { extraDetails: { detail: [{ slug: 'phone', value: '+44123456', label: 'Phone' }] } } },
			'A user with this phone number already exists in HaveFunnels',
		],
		['invalid-user-type', 'user', 'create', { userType: '={{ "alien" }}' }, 'The user type is not valid: use visitor, lead, user, agent, admin or bot'],
		['user-not-found', 'conversation', 'create', { userId: '999' }, 'The user was not found in HaveFunnels: check the user ID'],
		['invalid-status-code', 'conversation', 'updateStatus', { conversationId: '1', status: '={{ "9" }}' }, 'The conversation status is not valid: use 0 (live) to 4 (trash)'],
		['user-or-sender-not-found', 'notification', 'sendEmail', { recipientId: '999', message: 'Hi' }, 'The recipient or the sender was not found in HaveFunnels'],
		['user-email-not-found', 'notification', 'sendEmail', { recipientId: '3', message: 'Hi' }, 'The recipient has no email address in HaveFunnels'],
		['conversation-not-found', 'message', 'send', { userId: '4', conversationId: '999', message: 'Hi' }, 'The conversation was not found in HaveFunnels: check the conversation ID'],
	])('%s', async (code, resource, operation, params, message) => {
		const error = await failing(resource, operation, params);
		expect(error).toMatchObject({ message, description: `HaveFunnels answered "${code}"`, itemIndex: 0 });
	});

	it('an undocumented code is named in the message', async () => {
		ctx.hf.forceResponse('get-user', { body: { success: false, response: 'mysql-error-1062' } });
		const error = await failing('user', 'get', { userId: '4' });
		expect(error.message).toBe('HaveFunnels could not do "get-user": mysql-error-1062');
	});
});

describe('{status:"error"} answers become node errors at any HTTP status', () => {
	it('a wrong token (401, recent versions) names the token and where to find it, without leaking it', async () => {
		const error = await failing('user', 'get', { userId: '4' }, { apiToken: HF_RIG_WRONG_TOKEN });
		expect(error.message).toBe(
			'HaveFunnels refused the API token. Check the API token (Account > Installation > API token) and the Installation URL of the credential.',
		);
		expect(error.httpCode).toBe('401');
		expect(JSON.stringify(error)).not.toContain(HF_RIG_WRONG_TOKEN);
	});

	it('the same at HTTP 200 (older versions)', async () => {
		ctx.hf.setLegacyErrors(true);
		try {
			const error = await failing('user', 'get', { userId: '4' }, { apiToken: HF_RIG_WRONG_TOKEN });
			expect(error.message).toMatch(/^HaveFunnels refused the API token/);
			expect(error.httpCode).toBe('200');
			expect(ctx.hf.calls('get-user')[0].status).toBe(200);
		} finally {
			ctx.hf.setLegacyErrors(false);
		}
	});

	it('a missing argument (400) shows the service message', async () => {
		const error = await failing('customApiCall', 'call', { functionName: 'get-user' });
		expect(error).toMatchObject({ message: 'HaveFunnels answered "get-user" with the error "missing-argument"', description: 'Missing argument: user_id', httpCode: '400' });
	});

	it('an unknown function (404)', async () => {
		const error = await failing('customApiCall', 'call', { functionName: 'no-such-function' });
		expect(error).toMatchObject({ message: 'HaveFunnels does not know this function: check its name', httpCode: '404' });
	});

	it('a token echoed by the service in an error message is scrubbed', async () => {
		ctx.hf.forceResponse('get-user', { status: 400, body: { status: 'error', response: 'bad-call', message: `token ${TOKEN} rejected` } });
		const error = await failing('user', 'get', { userId: '4' });
		expect(error.description).toBe('token [redacted] rejected');
	});
});

describe('answers that are no API answer', () => {
	it('a wrong installation URL (a 404 page) says to check it', async () => {
		ctx.hf.inject({ status: 404, body: '<html><body><h1>Not Found</h1></body></html>' });
		const error = await failing('user', 'get', { userId: '4' });
		expect(error).toMatchObject({
			message: 'HaveFunnels answered "get-user" with HTTP 404',
			description: 'Check the Installation URL of the credential: it must point to the folder that holds include/api.php.',
		});
	});

	it('a web page at HTTP 200 is an error, not output', async () => {
		ctx.hf.forceResponse('get-user', { raw: '<!DOCTYPE html><html><body>Login</body></html>' });
		const error = await failing('user', 'get', { userId: '4' });
		expect(error.message).toBe('HaveFunnels answered with a web page instead of JSON');
	});

	it('JSON printed as text/html with PHP escapes is parsed', async () => {
		ctx.hf.forceResponse('get-versions', { raw: '{"success":true,"response":{"url":"https:\\/\\/x.example\\/a","name":"Caf\\u00e9"}}', contentType: 'text/html; charset=UTF-8' });
		const run = await runHf(ctx.hf, 'customApiCall', 'call', { functionName: 'get-versions' });
		expect(run.json).toEqual([{ url: 'https://x.example/a', name: 'Café' }]);
	});
});

describe('not found answers give no item, paired items stay right', () => {
	it('get of three users where one does not exist gives two items paired to their inputs', async () => {
		const run = await runHf(ctx.hf, 'user', 'get', { userId: '={{ $json.id }}' }, { items: [{ id: '4' }, { id: '999' }, { id: '1' }] });
		expect(run.status).toBe('success');
		expect(run.items.map((i) => [i.json.id, i.pairedItem])).toEqual([
			['4', { item: 0 }],
			['1', { item: 2 }],
		]);
	});
});

describe('continue on fail and per-item errors', () => {
	const items = [{ email: 'first@example.com' }, { email: 'john@example.com' }, { email: 'third@example.com' }];
	const params = { userType: 'user', additionalFields: { email: '={{ $json.email }}' } };

	it('with Continue On Fail the failing item yields its error, paired, and the others go on', async () => {
		const run = await runHf(ctx.hf, 'user', 'create', params, { items, continueOnFail: true });
		expect(run.status).toBe('success');
		expect(run.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(run.json[0]).toEqual({ id: expect.any(Number) });
		expect(run.json[1]).toEqual({ error: 'A user with this email address already exists in HaveFunnels: HaveFunnels answered "duplicate-email"' });
		expect(run.json[2]).toEqual({ id: expect.any(Number) });
		expectNoSecrets(run.json);
	});

	it('without it the node stops at the failing item and names it', async () => {
		const run = await runHf(ctx.hf, 'user', 'create', params, { items: items.map((i) => ({ email: `x-${i.email}` })).concat([items[1]], [{ email: 'never@example.com' }]) });
		expect(run.status).toBe('error');
		expect(run.error).toMatchObject({ message: 'A user with this email address already exists in HaveFunnels', itemIndex: 3 });
		expect(ctx.hf.state.userByEmail('never@example.com')).toBeNull();
	});

	it('an empty required ID is a per-item error before any call', async () => {
		const run = await runHf(ctx.hf, 'user', 'get', { userId: '={{ $json.id }}' }, { items: [{ id: '' }] });
		expect(run.error).toMatchObject({ message: 'User ID is empty', itemIndex: 0 });
		expect(ctx.hf.calls()).toEqual([]);
	});

	it('invalid JSON in a JSON field is a per-item error before any call', async () => {
		const run = await runHf(ctx.hf, 'message', 'send', { userId: '4', conversationId: '1', message: 'x', additionalFields: { payload: '{oops' } });
		expect(run.error).toMatchObject({ message: 'Payload is not valid JSON', itemIndex: 0 });
		expect(ctx.hf.calls()).toEqual([]);
	});
});

describe('retries', () => {
	it('429 is retried after Retry-After', async () => {
		ctx.hf.inject({ status: 429, retryAfter: 1 });
		const started = Date.now();
		const run = await runHf(ctx.hf, 'user', 'get', { userId: '4' });
		expect(run.json.map((u) => u.id)).toEqual(['4']);
		expect(attempts('get-user').map((r) => r.status)).toEqual([429, 200]);
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
	});

	it('429 on send-message is retried too (it was refused), creating one message', async () => {
		const before = ctx.hf.state.messages.size;
		ctx.hf.inject({ status: 429, retryAfter: 0 });
		const run = await runHf(ctx.hf, 'message', 'send', { userId: '4', conversationId: '1', message: 'once' });
		expect(run.status).toBe('success');
		expect(attempts('send-message').map((r) => r.status)).toEqual([429, 200]);
		expect(ctx.hf.state.messages.size).toBe(before + 1);
	});

	it('5xx and a dropped connection are retried for a read', async () => {
		ctx.hf.inject({ status: 503 }).inject({ drop: true });
		const run = await runHf(ctx.hf, 'user', 'get', { userId: '4' });
		expect(run.json.map((u) => u.id)).toEqual(['4']);
		expect(attempts('get-user').map((r) => r.fault)).toEqual(['503', 'drop', null]);
	});

	it('retries are bounded: a lasting 503 fails after 4 attempts', async () => {
		ctx.hf.inject({ status: 503, times: Infinity });
		const error = await failing('user', 'get', { userId: '4' });
		expect(error).toMatchObject({ message: 'HaveFunnels answered "get-user" with HTTP 503', httpCode: '503' });
		expect(attempts('get-user')).toHaveLength(4);
	});

	it.each([
		['send-message', 'message', 'send', { userId: '4', conversationId: '1', message: 'maybe' }],
		['add-user', 'user', 'create', { userType: 'lead' }],
	])('%s is not repeated after a 5xx or a dropped connection', async (fn, resource, operation, params) => {
		ctx.hf.inject({ status: 502 });
		const after5xx = await failing(resource, operation, params);
		expect(after5xx.httpCode).toBe('502');
		expect(after5xx.description).toMatch(new RegExp(`"${fn}" was not repeated, because HaveFunnels may have done it already`));
		ctx.hf.inject({ drop: true });
		const afterDrop = await failing(resource, operation, params);
		expect(afterDrop.description).toMatch(new RegExp(`"${fn}" was not repeated, because HaveFunnels may have done it already`));
		expect(attempts(fn).map((r) => r.fault)).toEqual(['502', 'drop']);
	});
});
