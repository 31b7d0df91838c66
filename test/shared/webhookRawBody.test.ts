/**
 * readWebhookRawBody: from trigger version 1.1 n8n leaves bodies of types other than JSON, text,
 * form and XML unread; the trigger reads them itself with n8n's own reader, once, and never a
 * multipart body (n8n parses those for every version). The Planhat Trigger reads only after the
 * secret was checked. The same requests in real n8n: test/e2e/trigger-versions.test.ts.
 */
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { PlanhatTrigger } from '../../nodes/Planhat/PlanhatTrigger.node';
import { readWebhookRawBody } from '../../nodes/shared';
import { planhatWebhookSecret } from './fixtures/trigger-secrets';
import { callTrigger, recordingResponse } from './fixtures/webhookContext';

interface FakeRequest {
	headers: IDataObject;
	body?: unknown;
	rawBody?: Buffer;
	readRawBody?: () => Promise<void>;
}

function request(headers: IDataObject, bytes: string, rawBody?: Buffer): FakeRequest & { reads: number } {
	const req: FakeRequest & { reads: number } = { headers, rawBody, reads: 0 };
	req.readRawBody = async () => {
		req.reads++;
		req.rawBody = Buffer.from(bytes);
	};
	return req;
}

const context = (req: FakeRequest) => ({ getRequestObject: () => req }) as unknown as IWebhookFunctions;

describe('readWebhookRawBody', () => {
	it('reads a body n8n left unread (no Content-Type, octet-stream), once', async () => {
		for (const headers of [{}, { 'content-type': 'application/octet-stream' }]) {
			const req = request(headers, '{"a":1}');
			await readWebhookRawBody(context(req));
			await readWebhookRawBody(context(req));
			expect(req.reads).toBe(1);
			expect(req.rawBody?.toString()).toBe('{"a":1}');
		}
	});

	it('leaves a body n8n already read, a multipart body, and a request without the reader alone', async () => {
		const read = request({ 'content-type': 'application/json' }, 'other', Buffer.from('{"a":1}'));
		await readWebhookRawBody(context(read));
		expect(read.reads).toBe(0);
		expect(read.rawBody?.toString()).toBe('{"a":1}');

		const multipart = request({ 'content-type': 'multipart/form-data; boundary=x' }, '--x--');
		await readWebhookRawBody(context(multipart));
		expect(multipart.reads).toBe(0);
		expect(multipart.rawBody).toBeUndefined();

		const bare: FakeRequest = { headers: {} };
		await expect(readWebhookRawBody(context(bare))).resolves.toBeUndefined();
		expect(bare.rawBody).toBeUndefined();
	});
});

describe('readWebhookRawBody with a body that cannot be read', () => {
	function failing(error: unknown) {
		const { answer, response } = recordingResponse();
		const req: FakeRequest = { headers: { 'content-type': 'application/octet-stream' }, readRawBody: async () => Promise.reject(error) };
		const ctx = { getRequestObject: () => req, getResponseObject: () => response } as unknown as IWebhookFunctions;
		return { ctx, answer };
	}

	it('over the payload limit: 413 with the setting to change, and nothing starts', async () => {
		const { ctx, answer } = failing(Object.assign(new Error('request entity too large'), { status: 413, type: 'entity.too.large' }));
		expect(await readWebhookRawBody(ctx)).toEqual({ noWebhookResponse: true });
		expect(answer).toEqual({ status: 413, json: { error: 'The request body is larger than this n8n accepts (N8N_PAYLOAD_SIZE_MAX)' } });
	});

	it('a body the client aborted: 400, and nothing starts', async () => {
		const { ctx, answer } = failing(new Error('Request body stream was aborted mid-read or is not readable'));
		expect(await readWebhookRawBody(ctx)).toEqual({ noWebhookResponse: true });
		expect(answer).toEqual({ status: 400, json: { error: 'The request body could not be read' } });
	});
});

describe('Planhat Trigger 1.1 with a body n8n did not read', () => {
	async function run(headers: IDataObject, bytes: string) {
		const req = request(headers, bytes);
		const { status, json, output } = await callTrigger(new PlanhatTrigger(), {
			request: req,
			headers,
			credential: { webhookSecret: planhatWebhookSecret },
		});
		return { reads: req.reads, status, json, output };
	}

	it('a wrong secret is refused without reading the body', async () => {
		expect(await run({ 'x-planhat-secret': 'nope' }, '{"event":"x"}')).toMatchObject({ reads: 0, status: 401 });
	});

	it('JSON sent without a Content-Type starts the workflow with it; text that is not JSON is 400', async () => {
		const secret = { 'x-planhat-secret': planhatWebhookSecret };
		expect(await run(secret, '{"event":"conversation.created","data":{"_id":"c1"}}')).toEqual({
			reads: 1,
			status: 200,
			json: { received: true },
			output: [{ event: 'conversation.created', data: { _id: 'c1' } }],
		});
		expect(await run(secret, 'hello')).toMatchObject({ reads: 1, status: 400, json: { error: 'The request body is not valid JSON; send a JSON object' } });
	});
});
