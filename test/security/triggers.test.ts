/**
 * The three triggers through n8n-core's real WebhookContext (test/rig/webhook.ts): a wrong or
 * missing secret is answered 401 before anything else, every malformed body 400 with a message
 * that says what to send, and neither starts an execution; accepted calls start one whose items —
 * like every answer — hold no credential secret. (n8n itself answers a JSON body that does not
 * parse with 422 before a trigger runs; these calls are what reaches the trigger.)
 */
import type { IDataObject } from 'n8n-workflow';
import type { WebhookRequest } from '../rig/webhook';
import { callWebhook, jsonRequest, multipartRequest } from '../rig/webhook';
import { PROVIDER_ID, SECRETS } from './fixtures';
import { leakedSecrets } from './leaks';

const PLANHAT_CREDENTIALS = { planhatApi: { apiToken: SECRETS.planhatToken, webhookSecret: SECRETS.planhatWebhookSecret } };
const SECRET_HEADER = { 'x-planhat-secret': SECRETS.planhatWebhookSecret };

const planhat = (request: WebhookRequest, parameters: IDataObject = {}) =>
	callWebhook({ type: 'planhatTrigger', parameters, credentials: PLANHAT_CREDENTIALS, request });

describe('Planhat Trigger', () => {
	const malformed: Array<[string, WebhookRequest, RegExp]> = [
		['an empty multipart body', multipartRequest({}, SECRET_HEADER), /must be JSON .*not multipart\/form-data/],
		['a multipart body with fields', multipartRequest({ event: 'x' }, SECRET_HEADER), /must be JSON .*not multipart\/form-data/],
		['[{}]', jsonRequest([{}], SECRET_HEADER), /holds an empty object/],
		['[{"event":"a"},{}]', jsonRequest([{ event: 'a' }, {}], SECRET_HEADER), /holds an empty object/],
		['{}', jsonRequest({}, SECRET_HEADER), /empty JSON object/],
		['[]', jsonRequest([], SECRET_HEADER), /empty array/],
		['[1]', jsonRequest([1], SECRET_HEADER), /Every entry of the request body must be a JSON object/],
		['[[{"event":"a"}]]', jsonRequest([[{ event: 'a' }]], SECRET_HEADER), /Every entry of the request body must be a JSON object/],
		['"text"', jsonRequest('"text"', SECRET_HEADER), /must be a JSON object/],
		['42', jsonRequest('42', SECRET_HEADER), /must be a JSON object/],
		['null', jsonRequest('null', SECRET_HEADER), /must be a JSON object/],
		['an empty body', { headers: { 'content-type': 'application/json', ...SECRET_HEADER }, body: {}, rawBody: '' }, /body is empty/],
		['a blank text body', { headers: { 'content-type': 'text/plain', ...SECRET_HEADER }, body: '  ', rawBody: '  ' }, /body is empty/],
		['text that is not JSON', { headers: { 'content-type': 'text/plain', ...SECRET_HEADER }, body: 'hello', rawBody: 'hello' }, /not valid JSON/],
		['a form body', { headers: { 'content-type': 'application/x-www-form-urlencoded', ...SECRET_HEADER }, body: { event: 'a' }, rawBody: 'event=a' }, /not valid JSON/],
		['no body at all', { headers: SECRET_HEADER }, /body is empty/],
	];

	it.each(malformed)('answers %s with 400 and a clear message, and starts nothing', async (_name, request, message) => {
		const answer = await planhat(request);
		expect(answer.status).toBe(400);
		expect(answer.body).toEqual({ error: expect.stringMatching(message) });
		expect(answer.items).toBeUndefined();
		expect(answer.result).toEqual({ noWebhookResponse: true });
	});

	it.each(malformed)('answers %s with 401 when the secret is wrong or missing (the secret is checked first)', async (_name, request) => {
		for (const headers of [{ 'x-planhat-secret': 'wrong-secret' }, {}] as Array<Record<string, string>>) {
			const plain = { ...request, headers: { ...request.headers, ...headers } };
			if (!('x-planhat-secret' in headers)) delete plain.headers['x-planhat-secret'];
			const answer = await planhat(plain);
			expect(answer.status).toBe(401);
			expect(answer.items).toBeUndefined();
			expect(leakedSecrets(answer)).toEqual([]);
		}
	});

	it('starts an execution for a JSON object, and for an array of them (one item each)', async () => {
		const one = await planhat(jsonRequest({ event: 'conversation.created', data: { _id: 'c1' } }, SECRET_HEADER));
		expect(one.status).toBe(200);
		expect(one.body).toEqual({ received: true });
		expect(one.items?.map((item) => item.json)).toEqual([{ event: 'conversation.created', data: { _id: 'c1' } }]);

		const two = await planhat(jsonRequest([{ event: 'a' }, { event: 'b' }], SECRET_HEADER));
		expect(two.items?.map((item) => item.json)).toEqual([{ event: 'a' }, { event: 'b' }]);
	});

	it('answers an event that is not selected with 200 and starts nothing', async () => {
		const answer = await planhat(jsonRequest({ event: 'company.updated' }, SECRET_HEADER), { events: 'conversation.created' });
		expect(answer).toMatchObject({ status: 200, body: { received: true, ignored: true }, items: undefined });
	});

	it('passes no secret on: one the Automation step put into the body is cut out of the items', async () => {
		const answer = await planhat(
			jsonRequest({ event: 'x', note: `secret ${SECRETS.planhatWebhookSecret}`, token: SECRETS.planhatToken }, SECRET_HEADER),
		);
		expect(answer.items).toHaveLength(1);
		expect(leakedSecrets(answer.items, answer.body)).toEqual([]);
	});
});

describe('HaveFunnels Trigger', () => {
	const hf = (request: WebhookRequest) =>
		callWebhook({
			type: 'haveFunnelsTrigger',
			credentials: { haveFunnelsApi: { url: 'https://hf.example', apiToken: SECRETS.haveFunnelsToken, webhookSecret: SECRETS.haveFunnelsWebhookSecret } },
			request,
		});
	const event = { function: 'message-sent', key: SECRETS.haveFunnelsWebhookSecret, data: { user_id: '4', conversation_user_id: '4', message: 'hi', token: SECRETS.haveFunnelsToken }, 'sender-url': 'https://hf.example' };

	it('answers a wrong key with 401, a body without an event with 400, and starts nothing', async () => {
		const wrong = await hf(jsonRequest({ ...event, key: 'wrong' }));
		expect(wrong).toMatchObject({ status: 401, items: undefined });
		const noEvent = await hf(jsonRequest({ ...event, function: '' }));
		expect(noEvent).toMatchObject({ status: 400, items: undefined });
		const notJson = await hf({ headers: { 'content-type': 'text/plain' }, body: 'x', rawBody: 'x' });
		expect(notJson).toMatchObject({ status: 400, items: undefined });
		expect(leakedSecrets(wrong, noEvent, notJson)).toEqual([]);
	});

	it('outputs the event without the key or any token', async () => {
		const answer = await hf(jsonRequest(event));
		expect(answer.items).toHaveLength(1);
		expect(leakedSecrets(answer.items, answer.body)).toEqual([]);
	});
});

describe('Planfix Webchat Trigger', () => {
	const pf = (fields: Record<string, string>) =>
		callWebhook({
			type: 'planfixWebchatTrigger',
			credentials: {
				planfixWebchatApi: { apiUrl: 'https://pf.example/webchat/api', providerId: PROVIDER_ID, planfixToken: SECRETS.planfixToken, integrationToken: SECRETS.planfixIntegrationToken },
			},
			request: { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: fields, rawBody: new URLSearchParams(fields).toString() },
		});
	const message = { cmd: 'newMessage', providerId: PROVIDER_ID, chatId: 'c1', message: 'hi', messageId: '7', token: SECRETS.planfixIntegrationToken };

	it('answers a wrong token with 401 and malformed parameters with 400, and starts nothing', async () => {
		const wrong = await pf({ ...message, token: 'wrong' });
		expect(wrong).toMatchObject({ status: 401, items: undefined });
		const malformed = await pf({ ...message, cmd: 'unknown' });
		expect(malformed).toMatchObject({ status: 400, items: undefined });
		expect(leakedSecrets(wrong, malformed)).toEqual([]);
	});

	it('outputs the message without the token, also when a field repeats it', async () => {
		const answer = await pf({ ...message, userName: `Ann ${SECRETS.planfixIntegrationToken}` });
		expect(answer.items).toHaveLength(1);
		expect(answer.items?.[0].json).toMatchObject({ chatId: 'c1', message: 'hi' });
		expect(leakedSecrets(answer.items, answer.body)).toEqual([]);
	});
});
