/**
 * Each trigger refuses a request that carries no secret (401, nothing started) before it loads and
 * decrypts its credential; a request with a secret, right or wrong, is checked as before, and
 * every answer stays what it was: the secret still comes before the body (Planhat, Planfix), a
 * HaveFunnels body that is not a JSON object (its key travels inside) is still 400.
 */
import type { IDataObject } from 'n8n-workflow';
import { HaveFunnelsTrigger } from '../../nodes/HaveFunnels/HaveFunnelsTrigger.node';
import { PlanfixWebchatTrigger } from '../../nodes/PlanfixWebchat/PlanfixWebchatTrigger.node';
import { PlanhatTrigger } from '../../nodes/Planhat/PlanhatTrigger.node';
import { callTrigger } from './fixtures/webhookContext';
import { haveFunnelsWebhookKey, planfixIntegrationToken, planhatWebhookSecret } from './fixtures/trigger-secrets';

interface Call {
	headers?: IDataObject;
	body?: unknown;
	rawBody?: unknown;
	parameters?: IDataObject;
	credential: IDataObject;
}

/** Runs a trigger's webhook with a stand-in context; counts the credential loads. */
async function call(trigger: Parameters<typeof callTrigger>[0], request: Call) {
	const { loads, status, json, started } = await callTrigger(trigger, {
		request: { body: request.body, rawBody: request.rawBody, headers: request.headers ?? {} },
		headers: request.headers,
		parameters: request.parameters,
		credential: request.credential,
	});
	return { loads, status, json, started };
}

describe('Planhat Trigger', () => {
	const trigger = new PlanhatTrigger();
	const credential = { webhookSecret: planhatWebhookSecret };
	const good = { event: 'conversation.created', data: { _id: 'c1' } };

	it('no secret header: 401 without decrypting the credential', async () => {
		expect(await call(trigger, { body: good, credential })).toEqual({ loads: 0, status: 401, json: { error: 'Missing or wrong secret in the x-planhat-secret header' }, started: false });
		expect(await call(trigger, { headers: { 'x-planhat-secret': '' }, body: good, credential })).toMatchObject({ loads: 0, status: 401 });
		// the secret in another header than the one configured
		expect(await call(trigger, { headers: { 'x-planhat-secret': planhatWebhookSecret }, parameters: { headerName: 'x-other' }, body: good, credential })).toMatchObject({ loads: 0, status: 401, started: false });
	});

	it('a wrong secret: 401 after one credential load; a malformed body does not change that', async () => {
		const wrong = { 'x-planhat-secret': `${planhatWebhookSecret}x` };
		expect(await call(trigger, { headers: wrong, body: good, credential })).toMatchObject({ loads: 1, status: 401, started: false });
		expect(await call(trigger, { headers: wrong, body: 'not json', rawBody: 'not json', credential })).toMatchObject({ loads: 1, status: 401 });
		expect(await call(trigger, { body: ['x'], credential })).toMatchObject({ loads: 0, status: 401 });
	});

	it('the right secret: accepted (or 400 for a malformed body) after one credential load', async () => {
		const right = { 'x-planhat-secret': planhatWebhookSecret };
		expect(await call(trigger, { headers: right, body: good, credential })).toEqual({ loads: 1, status: 200, json: { received: true }, started: true });
		expect(await call(trigger, { headers: right, body: 'not json', rawBody: 'not json', credential })).toMatchObject({ loads: 1, status: 400, started: false });
	});

	it('a credential without a Webhook Secret refuses every request', async () => {
		const right = { 'x-planhat-secret': planhatWebhookSecret };
		expect(await call(trigger, { headers: right, body: good, credential: {} })).toMatchObject({ loads: 1, status: 401, started: false });
	});
});

describe('Planfix Webchat Trigger', () => {
	const trigger = new PlanfixWebchatTrigger();
	const credential = { integrationToken: planfixIntegrationToken };
	const message = { cmd: 'newMessage', providerId: 'p', chatId: 'c', message: 'm' };

	it('no token (missing, empty, repeated): 401 without decrypting the credential', async () => {
		for (const body of [message, { ...message, token: '' }, { ...message, token: [planfixIntegrationToken, 'x'] }, 'cmd=newMessage']) {
			expect(await call(trigger, { body, credential })).toEqual({ loads: 0, status: 401, json: { error: 'Invalid token' }, started: false });
		}
	});

	it('a wrong token: 401 after one load, even for a malformed body; the right one: the body is checked', async () => {
		expect(await call(trigger, { body: { ...message, token: 'wrong-token' }, credential })).toMatchObject({ loads: 1, status: 401 });
		expect(await call(trigger, { body: { token: 'wrong-token', cmd: 'x' }, credential })).toMatchObject({ loads: 1, status: 401 });
		expect(await call(trigger, { body: { token: planfixIntegrationToken, cmd: 'x' }, credential })).toMatchObject({ loads: 1, status: 400, json: { error: 'Invalid parameters' } });
		expect(await call(trigger, { body: { ...message, token: planfixIntegrationToken }, credential })).toEqual({
			loads: 1,
			status: 200,
			json: { chatId: 'c', contactId: 'c' },
			started: true,
		});
	});
});

describe('HaveFunnels Trigger', () => {
	const trigger = new HaveFunnelsTrigger();
	const credential = { webhookSecret: haveFunnelsWebhookKey };
	const event = { function: 'message-sent', data: { user_id: '4', conversation_user_id: '4' } };

	it('a body that is not a JSON object: 400 (its key travels inside), no credential load, as before', async () => {
		expect(await call(trigger, { body: 'function=message-sent', rawBody: 'function=message-sent', credential })).toMatchObject({ loads: 0, status: 400 });
		expect(await call(trigger, { body: [{ ...event, key: haveFunnelsWebhookKey }], credential })).toMatchObject({ loads: 0, status: 400 });
	});

	it('no key (missing, empty, not text): 401 without decrypting the credential', async () => {
		for (const key of [undefined, '', ['x'], 5]) {
			expect(await call(trigger, { body: { ...event, key }, credential })).toEqual({ loads: 0, status: 401, json: { error: 'Invalid or missing key' }, started: false });
		}
	});

	it('a wrong key: 401 after one load; the right key: accepted after one load', async () => {
		expect(await call(trigger, { body: { ...event, key: 'wrong-key' }, credential })).toMatchObject({ loads: 1, status: 401, started: false });
		expect(await call(trigger, { body: { ...event, key: haveFunnelsWebhookKey }, credential })).toMatchObject({ loads: 1, status: 200, json: { received: true }, started: true });
		expect(await call(trigger, { body: { data: {}, key: haveFunnelsWebhookKey }, credential })).toMatchObject({ loads: 1, status: 400 });
	});
});
