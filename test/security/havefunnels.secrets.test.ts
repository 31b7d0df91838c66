/**
 * HaveFunnels: neither the API token nor the webhook secret leaks through any error path of the
 * HaveFunnels node — HTTP errors, the 200 answers that report a failure (`success: false`,
 * `status: "error"`), web pages instead of JSON, dropped connections — also when HaveFunnels
 * echoes the form (token included) back. See matrix.ts for what each case checks.
 */
import type { HaveFunnelsStandIn, RecordedRequest } from './fixtures';
import { SECRETS, startHaveFunnels } from './fixtures';
import { DROPPED, describeErrorPaths, echoOf, echoText, echoingError, httpErrorCases } from './matrix';

let standIn: HaveFunnelsStandIn;
beforeAll(async () => {
	standIn = await startHaveFunnels();
});
afterAll(async () => standIn.stop());

const apiError = (r: RecordedRequest) => ({ status: 'error', response: echoText(r), message: echoText(r), request: echoOf(r) });

describe('HaveFunnels: every error path is free of secrets', () => {
	describeErrorPaths({
		node: 'haveFunnels',
		standIn: () => standIn,
		credentials: () => ({
			haveFunnelsApi: { url: standIn.installationUrl, apiToken: SECRETS.haveFunnelsToken, webhookSecret: SECRETS.haveFunnelsWebhookSecret },
		}),
		sentSecrets: [SECRETS.haveFunnelsToken],
		operations: [
			{ name: 'get user', parameters: { resource: 'user', operation: 'get', userId: '4', includeExtra: true } },
			{ name: 'send message', parameters: { resource: 'message', operation: 'send', userId: '2', conversationId: '1', message: 'hi' } },
			{ name: 'create user', parameters: { resource: 'user', operation: 'create', userType: 'lead', additionalFields: { firstName: 'Ann', email: 'ann@example.com' } } },
			{ name: 'call a function', parameters: { resource: 'customApiCall', operation: 'call', functionName: 'get-settings' } },
		],
		cases: [
			...httpErrorCases(),
			...[400, 401, 404].map((status) => ({ name: `HTTP ${status} API error echoing the request`, fault: { status, body: apiError, times: Infinity } })),
			{ name: 'HTTP 200 success:false echoing the request', fault: { status: 200, body: (r: RecordedRequest) => ({ success: false, response: echoText(r), request: echoOf(r) }), times: Infinity } },
			{ name: 'HTTP 200 success:false with an object echoing the request', fault: { status: 200, body: (r: RecordedRequest) => ({ success: false, response: echoOf(r) }), times: Infinity } },
			{ name: 'HTTP 200 API error (older versions) echoing the request', fault: { status: 200, body: apiError, times: Infinity } },
			{ name: 'HTTP 200 success echoing the request', fault: { status: 200, body: (r: RecordedRequest) => ({ success: true, response: echoingError(r) }), times: Infinity } },
			{ name: 'HTTP 200 web page echoing the request', fault: { status: 200, body: (r: RecordedRequest) => `<html><body>${echoText(r)}</body></html>`, times: Infinity } },
			DROPPED,
		],
	});
});
