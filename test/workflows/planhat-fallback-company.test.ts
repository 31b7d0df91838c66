/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code runs in Node.js, not in n8n's node sandbox */
/**
 * A finished conversation whose customer's email domain matches no Planhat company has a defined
 * outcome: Planhat refuses the end user (400), which is not retried; with planhatFallbackCompanyId
 * set in the Config node the end user is created in that company and the conversation written;
 * without it the execution stops with a message that says what to configure. The wiring is checked
 * on the workflow file; the Planhat node's answers that the wiring relies on run in the rig against
 * the stand-in.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { IDataObject } from 'n8n-workflow';
import { ROOT, runNode } from '../rig';
import type { PlanhatStandIn } from '../security/fixtures';
import { COMPANY_ID, SECRETS, startPlanhat } from '../security/fixtures';

interface WorkflowNode {
	name: string;
	type: string;
	parameters: IDataObject;
	retryOnFail?: boolean;
	onError?: string;
}
interface WorkflowFile {
	nodes: WorkflowNode[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
}

const wf = JSON.parse(fs.readFileSync(path.join(ROOT, 'workflows', 'havefunnels-to-planfix-and-planhat.json'), 'utf8')) as WorkflowFile;
const node = (name: string) => wf.nodes.find((n) => n.name === name)!;
const outputs = (name: string) => (wf.connections[name]?.main ?? []).map((out) => out.map((c) => c.node));
const FALLBACK = "={{ $('Config').first().json.planhatFallbackCompanyId }}";

describe('the HaveFunnels workflow: no Planhat company for the email domain', () => {
	it('creates the end user once, without retries, and sends a refusal to the fallback branch', () => {
		const create = node('Create End User');
		expect(create.retryOnFail).toBeUndefined();
		expect(create.onError).toBe('continueErrorOutput');
		expect((create.parameters.additionalFields as IDataObject).companyId).toBeUndefined();
		expect(outputs('Create End User')).toEqual([['Create or Update Planhat Conversation'], ['Refused, With a Fallback Company?']]);
	});

	it('uses the fallback company only for a refusal (400) and only when one is configured', () => {
		const conditions = (node('Refused, With a Fallback Company?').parameters.conditions as { conditions: IDataObject[]; combinator: string });
		expect(conditions.combinator).toBe('and');
		expect(conditions.conditions).toEqual([
			expect.objectContaining({ leftValue: FALLBACK, operator: expect.objectContaining({ operation: 'notEmpty' }) }),
			expect.objectContaining({ leftValue: '={{ $json.error }}', rightValue: '(400 Bad Request)', operator: expect.objectContaining({ operation: 'contains' }) }),
		]);
		expect(outputs('Refused, With a Fallback Company?')).toEqual([['Create End User in Fallback Company'], ['Stop: No Planhat Company']]);
	});

	it('creates the end user in the fallback company (same fields, not retried) and then writes the conversation', () => {
		const create = node('Create End User');
		const fallback = node('Create End User in Fallback Company');
		expect(fallback.retryOnFail).toBeUndefined();
		expect(fallback.onError).toBeUndefined();
		expect(fallback.parameters).toEqual({
			...create.parameters,
			additionalFields: { ...(create.parameters.additionalFields as IDataObject), companyId: FALLBACK },
		});
		expect(outputs('Create End User in Fallback Company')).toEqual([['Create or Update Planhat Conversation']]);
	});

	it('otherwise stops with a message that names the setting to fill in', () => {
		const stop = node('Stop: No Planhat Company');
		expect(stop.type).toBe('n8n-nodes-base.stopAndError');
		expect(String(stop.parameters.errorMessage)).toMatch(/nothing was written to Planhat/);
		expect(String(stop.parameters.errorMessage)).toMatch(/planhatFallbackCompanyId in the Config node/);
		expect(String(stop.parameters.errorMessage)).toContain('$json.error');
	});
});

describe('the Planhat node answers the wiring relies on', () => {
	let standIn: PlanhatStandIn;
	beforeAll(async () => {
		standIn = await startPlanhat();
	});
	afterAll(async () => standIn.stop());

	const createEndUser = (additionalFields: IDataObject, continueOnFail: boolean) =>
		runNode({
			type: 'planhat',
			parameters: { resource: 'endUser', operation: 'create', email: 'ann@nocompany.example', additionalFields: { firstName: 'Ann', ...additionalFields } },
			credentials: { planhatApi: { apiToken: SECRETS.planhatToken, baseUrl: standIn.url } },
			continueOnFail,
		});

	it('an email whose domain no company has: one 400, an error item that the IF recognises, a hint what to do', async () => {
		standIn.clearRequests();
		const run = await createEndUser({}, true);
		expect(run.status).toBe('success');
		expect(run.json).toEqual([{ error: expect.stringContaining('(400 Bad Request)') }]);
		expect(run.json[0].error).toMatch(/no company has that domain\. Add the domain to a company in Planhat, or set Company ID/);
		expect(run.json[0].error).toContain('(nocompany.example)');
		expect(run.json[0].error).not.toMatch(/reserved/);
		expect(standIn.requests).toHaveLength(1);

		const stopped = await createEndUser({}, false);
		expect(stopped.status).toBe('error');
		expect(stopped.error?.httpCode).toBe('400');
	});

	it('the same end user with the fallback company is created in it', async () => {
		const run = await createEndUser({ companyId: COMPANY_ID }, false);
		expect(run.status).toBe('success');
		expect(run.json).toEqual([expect.objectContaining({ email: 'ann@nocompany.example', companyId: COMPANY_ID })]);
	});
});
