/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code runs in Node.js, not in n8n's node sandbox */
/**
 * A first message from Planfix finds the HaveFunnels customer by the digits of the phone only:
 * Planfix sends `contactPhone=15550101000`, the customer's phone in HaveFunnels is
 * `+1 555 010 1000`. HaveFunnels' user search compares text and cannot see that they are the same
 * number, so the workflow reads every user's phone detail (get-users-with-details) and its Code node
 * compares digits. Here the workflow's own HaveFunnels node runs in the rig against the stand-in,
 * and the workflow's own Code node on that node's output.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { ROOT, runNode } from '../rig';
import type { HaveFunnelsStandIn } from '../security/fixtures';
import { SECRETS, startHaveFunnels } from '../security/fixtures';

interface WorkflowNode {
	name: string;
	type: string;
	parameters: IDataObject;
	alwaysOutputData?: boolean;
}
interface WorkflowFile {
	nodes: WorkflowNode[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
}

const wf = JSON.parse(fs.readFileSync(path.join(ROOT, 'workflows', 'planfix-replies-to-havefunnels.json'), 'utf8')) as WorkflowFile;
const node = (name: string) => wf.nodes.find((n) => n.name === name)!;
const next = (name: string) => (wf.connections[name]?.main ?? []).flat().map((c) => c.node);

/** Runs the workflow's "Pick Exact Phone Match" code as n8n's Code node would, on the given input. */
function pickMatch(input: INodeExecutionData[], contactPhone: string): string {
	const code = String(node('Pick Exact Phone Match').parameters.jsCode);
	const sandbox = {
		$input: { all: () => input, first: () => input[0] },
		$: (name: string) => {
			expect(name).toBe('Planfix Webchat Trigger');
			return { first: () => ({ json: { contactPhone, isFirstMessage: true } }) };
		},
	};
	const result = vm.runInNewContext(`(function () {\n${code}\n})()`, sandbox) as Array<{ json: { userId: string } }>;
	expect(result).toHaveLength(1);
	return result[0].json.userId;
}

let hf: HaveFunnelsStandIn & { addUser(fields: IDataObject): { id: number } };
let grace: string;
let heidi: string;
beforeAll(async () => {
	hf = (await startHaveFunnels()) as typeof hf;
	grace = String(hf.addUser({ first_name: 'Grace', user_type: 'lead', extra: { phone: ['+1 555 010 1000', 'Phone'] } }).id);
	heidi = String(hf.addUser({ first_name: 'Heidi', user_type: 'lead', extra: { phone: ['+1 555 010 1000 99', 'Phone'] } }).id);
	hf.addUser({ first_name: 'Ivan', user_type: 'lead', extra: { phone: ['+49 30 901820', 'Phone'] } });
});
afterAll(async () => hf.stop());

async function findUsers() {
	const find = node('Find Users by Phone');
	const run = await runNode({
		type: find.type,
		parameters: find.parameters,
		credentials: { haveFunnelsApi: { url: hf.installationUrl, apiToken: SECRETS.haveFunnelsToken } },
	});
	expect(run.status).toBe('success');
	return run.items;
}

describe('first message from Planfix: the customer is found by the digits of the phone', () => {
	it('reads every user\'s phone (not the text search) and always hands the result to the match', () => {
		const find = node('Find Users by Phone');
		expect(find.parameters).toMatchObject({ resource: 'customApiCall', operation: 'call', functionName: 'get-users-with-details' });
		expect(find.alwaysOutputData).toBe(true);
		expect(next('First Message?')[0]).toBe('Find Users by Phone');
		expect(next('Find Users by Phone')).toEqual(['Pick Exact Phone Match']);
		expect(next('Pick Exact Phone Match')).toEqual(['Known Contact?']);
		expect(wf.nodes.some((n) => n.parameters.operation === 'search' && n.parameters.resource === 'user')).toBe(false);
	});

	it.each([
		['15550101000', 'the digits Planfix sends'],
		['+1 555 010 1000', 'the same formatting'],
		['+1 (555) 010-1000', 'other formatting'],
	])('%s (%s) finds the customer whose phone is +1 555 010 1000', async (contactPhone) => {
		const items = await findUsers();
		expect(pickMatch(items, contactPhone)).toBe(grace);
	});

	it('does not take a phone that only contains the digits, or other digits', async () => {
		const items = await findUsers();
		expect(pickMatch(items, '1555010100099')).toBe(heidi);
		expect(pickMatch(items, '5550101000')).toBe('');
		expect(pickMatch(items, '15550101001')).toBe('');
		expect(pickMatch(items, '')).toBe('');
	});

	it('finds nobody (a new contact is created) when no user has a phone', () => {
		// "Always Output Data" hands an empty item on when HaveFunnels answers an empty list.
		expect(pickMatch([{ json: {} }], '15550101000')).toBe('');
	});
});
