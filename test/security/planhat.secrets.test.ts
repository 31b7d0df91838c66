/**
 * Planhat: neither the API token nor the webhook secret leaks through any error path of the
 * Planhat node — the whole-request rejection of Create or Update (400/403 echoing the request with
 * its Authorization header) included. See matrix.ts for what each case checks.
 */
import type { RecordedRequest, PlanhatStandIn } from './fixtures';
import { COMPANY_ID, SECRETS, startPlanhat } from './fixtures';
import { DROPPED, describeErrorPaths, echoOf, echoText, echoingError, httpErrorCases } from './matrix';

let standIn: PlanhatStandIn;
let stored: { _id: string };
beforeAll(async () => {
	standIn = await startPlanhat();
	stored = standIn.addConversation({ companyId: COMPANY_ID, subject: 'S', externalId: 'x-1' });
});
afterAll(async () => standIn.stop());

const company = { __rl: true, mode: 'id', value: COMPANY_ID };

/** A 206 whose per-item errors repeat the item and the request headers. */
const partial = (request: RecordedRequest) => ({
	created: 1,
	createdErrors: [{ error: `Invalid item: ${echoText(request)}`, index: 0, item: echoOf(request) }],
	insertsKeys: [{ _id: '5f0000000000000000000001', externalId: 'up-2' }],
});

describe('Planhat: every error path is free of secrets', () => {
	describeErrorPaths({
		node: 'planhat',
		standIn: () => standIn,
		credentials: () => ({
			planhatApi: { apiToken: SECRETS.planhatToken, webhookSecret: SECRETS.planhatWebhookSecret, baseUrl: standIn.url },
		}),
		sentSecrets: [SECRETS.planhatToken],
		operations: [
			{ name: 'get conversation', parameters: { resource: 'conversation', operation: 'get', conversationId: { __rl: true, mode: 'id', value: '5f0000000000000000000abc' } } },
			{ name: 'create conversation', parameters: { resource: 'conversation', operation: 'create', companyId: company } },
			{
				name: 'create or update conversations',
				parameters: { resource: 'conversation', operation: 'upsert', companyId: company, matchValue: '={{ $json.key }}' },
				items: [{ key: 'up-1' }, { key: 'up-2' }],
			},
			{
				name: 'update conversation',
				parameters: { resource: 'conversation', operation: 'update', conversationId: { __rl: true, mode: 'externalId', value: 'x-1' }, updateFields: { subject: 'Renamed' } },
			},
			{ name: 'delete conversation', parameters: { resource: 'conversation', operation: 'delete', conversationId: { __rl: true, mode: 'sourceId', value: 'src-1' } } },
			{ name: 'create end user', parameters: { resource: 'endUser', operation: 'create', email: 'ann@unknown.example' } },
			{ name: 'get many companies', parameters: { resource: 'company', operation: 'getAll', returnAll: false, limit: 5 } },
		],
		cases: [
			...httpErrorCases(),
			{ name: 'HTTP 400 with a text body echoing the request', fault: { status: 400, body: (r: RecordedRequest) => echoText(r), times: Infinity } },
			{ name: 'HTTP 200 echoing the request', fault: { status: 200, body: (r: RecordedRequest) => [echoingError(r)], times: Infinity } },
			{ name: 'HTTP 206 with per-item errors echoing the request', fault: { status: 206, body: partial, times: Infinity }, only: ['create or update conversations'] },
			{ name: 'HTTP 400 with per-item errors echoing the request', fault: { status: 400, body: partial, times: Infinity }, only: ['create or update conversations'] },
			DROPPED,
		],
	});
});

it('sanity: the stand-in conversation exists (get by ID works without faults)', () => {
	expect(stored._id).toMatch(/^[0-9a-f]{24}$/);
});
