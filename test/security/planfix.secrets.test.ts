/**
 * Planfix Webchat: neither the Planfix token nor the integration token leaks through any error
 * path of the Planfix Webchat node, also when Planfix echoes the form (token included) back.
 * See matrix.ts for what each case checks.
 */
import type { PlanfixStandIn, RecordedRequest } from './fixtures';
import { PROVIDER_ID, SECRETS, startPlanfix } from './fixtures';
import { DROPPED, describeErrorPaths, echoText, echoingError, httpErrorCases } from './matrix';

let standIn: PlanfixStandIn;
beforeAll(async () => {
	standIn = await startPlanfix();
});
afterAll(async () => standIn.stop());

describe('Planfix Webchat: every error path is free of secrets', () => {
	describeErrorPaths({
		node: 'planfixWebchat',
		standIn: () => standIn,
		credentials: () => ({
			planfixWebchatApi: {
				apiUrl: standIn.apiUrl,
				providerId: PROVIDER_ID,
				planfixToken: SECRETS.planfixToken,
				integrationToken: SECRETS.planfixIntegrationToken,
			},
		}),
		sentSecrets: [SECRETS.planfixToken],
		operations: [
			{ name: 'get task number', parameters: { resource: 'task', operation: 'getNumber', chatId: 'c1' } },
			{ name: 'send message', parameters: { resource: 'message', operation: 'send', chatId: 'c1', message: 'hi', contactId: 'k1', contactName: 'Ann' } },
			{ name: 'update message status', parameters: { resource: 'message', operation: 'updateStatus', messageId: '1', messageStatus: 'read' } },
			{ name: 'update contact', parameters: { resource: 'contact', operation: 'update', contactId: 'k1', contactName: 'Ann' } },
			{ name: 'get contact number', parameters: { resource: 'contact', operation: 'getNumber', contactId: 'k1' } },
		],
		cases: [
			...httpErrorCases(),
			{ name: 'HTTP 400 "task not found" echoing the request', fault: { status: 400, body: (r: RecordedRequest) => ({ error: `task not found ${echoText(r)}` }), times: Infinity } },
			{ name: 'HTTP 200 echoing the request', fault: { status: 200, body: (r: RecordedRequest) => ({ data: { number: 1, echo: echoText(r) }, ...echoingError(r) }), times: Infinity } },
			{ name: 'HTTP 200 with a text body echoing the request', fault: { status: 200, body: (r: RecordedRequest) => echoText(r), times: Infinity } },
			DROPPED,
		],
	});
});
