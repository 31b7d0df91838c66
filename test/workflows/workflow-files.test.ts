/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code runs in Node.js, not in n8n's node sandbox */
/**
 * Static checks of the example workflows in workflows/: importable as they are (n8n's export shape,
 * no instance data, credentials only as {id, name} placeholders), built from node types and
 * versions that exist (this package's, and core nodes present in n8n 1.123 and 2.40), every
 * parameter one the node shows for its resource/operation, every setting in the Config node at the
 * start, retries on every call to a service, and the loop guard wired to the same bridge user.
 * The e2e suite (test/e2e/workflows.test.ts) runs them in real n8n.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { INodeTypeDescription, INodeParameters, INode } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';
import { loadPackage, PACKAGE_NAME, ROOT } from '../rig';
import { CREATING_FUNCTIONS } from '../../nodes/HaveFunnels/transport';

const DIR = path.join(ROOT, 'workflows');
const FILES = fs.readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

/** Core nodes the workflows may use, with the versions checked to exist in n8n 1.123.81 and 2.40.7. */
const CORE_NODES: Record<string, number[]> = {
	'n8n-nodes-base.set': [3.4],
	'n8n-nodes-base.if': [2.2],
	'n8n-nodes-base.filter': [2.2],
	'n8n-nodes-base.switch': [3.2],
	'n8n-nodes-base.code': [2],
	'n8n-nodes-base.stopAndError': [1],
	'n8n-nodes-base.stickyNote': [1],
	'n8n-nodes-base.scheduleTrigger': [1.2],
	'n8n-nodes-base.manualTrigger': [1],
	'n8n-nodes-base.executeWorkflow': [1.2],
	'n8n-nodes-base.executeWorkflowTrigger': [1.1],
};
const STICKY = 'n8n-nodes-base.stickyNote';
/** Creates that Retry On Fail must not repeat: a 4xx (no company for the domain) is an answer, not a fault. */

/** Settings each workflow must keep in its Config node (the tunables of issue 7). */
const REQUIRED_SETTINGS: Record<string, string[]> = {
	'havefunnels-to-planfix-and-planhat.json': ['bridgeUserId', 'mirrorAgentMessages', 'finishedStatusCode', 'planhatConversationType', 'planhatExternalIdPrefix', 'planhatFallbackCompanyId'],
	'planfix-replies-to-havefunnels.json': ['bridgeUserId', 'newContactUserType', 'newContactFirstName', 'newConversationTitle'],
	'planhat-automation-to-havefunnels-message.json': ['senderUserId', 'newCustomerUserType', 'conversationTitle'],
	'havefunnels-catch-up.json': [
		'bridgeUserId',
		'mirrorAgentMessages',
		'finishedStatusCode',
		'planhatExternalIdPrefix',
		'planhatConversationType',
		'lookBackHours',
		'graceSeconds',
		'claimTimeoutSeconds',
		'maxAttempts',
		'maxMessagesPerRun',
	],
};
/** The second way into a workflow: the catch-up workflow hands over what a webhook missed. */
const CATCH_UP_ENTRY = 'n8n-nodes-base.executeWorkflowTrigger';

interface WorkflowFile {
	id: string;
	name: string;
	active: boolean;
	nodes: Array<INode & { webhookId?: string }>;
	connections: Record<string, { main: Array<Array<{ node: string; type: string; index: number }>> }>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

const read = (file: string) => JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')) as WorkflowFile;
const packNodes = () => loadPackage().nodeTypes;
const descriptionOf = (type: string) => {
	const nodeType = packNodes().get(type);
	if (!nodeType) return undefined;
	return ('nodeVersions' in nodeType ? nodeType.description : nodeType.description) as INodeTypeDescription;
};
const isPack = (node: INode) => node.type.startsWith(`${PACKAGE_NAME}.`);
const isTrigger = (node: INode) => /Trigger$/.test(node.type);
const children = (wf: WorkflowFile, name: string) => (wf.connections[name]?.main ?? []).flat().map((c) => c.node);

function allStrings(value: unknown, out: string[] = []): string[] {
	if (typeof value === 'string') out.push(value);
	else if (Array.isArray(value)) value.forEach((v) => allStrings(v, out));
	else if (value && typeof value === 'object') Object.values(value).forEach((v) => allStrings(v, out));
	return out;
}

it('there are the four workflows the README describes', () => {
	expect(FILES).toEqual(Object.keys(REQUIRED_SETTINGS).sort());
});

it('gives every workflow its own ID of at most 16 characters (n8n 1.x keeps static data only for those)', () => {
	const ids = FILES.map((file) => read(file).id);
	for (const [file, id] of FILES.map((f, i) => [f, ids[i]])) expect([file, id.length <= 16]).toEqual([file, true]);
	expect(new Set(ids).size).toBe(ids.length);
});

describe.each(FILES)('%s', (file) => {
	const wf = read(file);
	const text = fs.readFileSync(path.join(DIR, file), 'utf8');
	const working = wf.nodes.filter((n) => n.type !== STICKY);

	it('has the shape of an n8n export, inactive, without instance data or pinned data', () => {
		expect(Object.keys(wf).sort()).toEqual(['active', 'connections', 'id', 'name', 'nodes', 'settings', 'tags'].sort());
		expect(wf.active).toBe(false);
		expect(wf.settings).toMatchObject({ executionOrder: 'v1' });
		expect(text).not.toMatch(/instanceId|pinData|staticData|"meta"|versionId/);
		expect(new Set(wf.nodes.map((n) => n.name)).size).toBe(wf.nodes.length);
		expect(new Set(wf.nodes.map((n) => n.id)).size).toBe(wf.nodes.length);
		for (const node of wf.nodes) expect(node.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
	});

	it("uses only this package's nodes and core nodes of both n8n lines, in versions that exist", () => {
		for (const node of wf.nodes) {
			if (isPack(node)) {
				const description = descriptionOf(node.type);
				expect([node.name, description ? 'known' : 'unknown type']).toEqual([node.name, 'known']);
				const versions = ([] as number[]).concat(description!.version);
				expect(versions).toContain(node.typeVersion);
			} else {
				expect([node.name, node.type, CORE_NODES[node.type]?.includes(node.typeVersion)]).toEqual([node.name, node.type, true]);
			}
		}
	});

	it('gives every node of the package only parameters it shows for the chosen resource and operation', () => {
		for (const node of working.filter(isPack)) {
			const description = descriptionOf(node.type)!;
			// with defaults: every parameter the node shows for this resource/operation, filled in
			const shown = NodeHelpers.getNodeParameters(description.properties, node.parameters, true, false, node, description) as INodeParameters;
			const unknown = Object.keys(node.parameters).filter((key) => !(key in shown));
			expect([node.name, unknown]).toEqual([node.name, []]);
			for (const key of ['additionalFields', 'fields', 'filters', 'options'] as const) {
				if (node.parameters[key] && typeof node.parameters[key] === 'object') {
					expect([node.name, key, shown[key]]).toEqual([node.name, key, node.parameters[key]]);
				}
			}
		}
	});

	it('references credentials only as {id, name} placeholders of the types the nodes declare', () => {
		const refs = new Map<string, string>();
		for (const node of working.filter(isPack)) {
			const declared = (descriptionOf(node.type)!.credentials ?? []).map((c) => c.name);
			expect(node.credentials).toBeDefined();
			for (const [type, ref] of Object.entries(node.credentials ?? {})) {
				expect(declared).toContain(type);
				expect(Object.keys(ref).sort()).toEqual(['id', 'name']);
				expect(ref.id).toMatch(/^[a-z]+-credential$/);
				// one placeholder per credential type across the file
				if (refs.has(type)) expect(ref.id).toBe(refs.get(type));
				refs.set(type, ref.id as string);
			}
		}
		for (const node of working.filter((n) => !isPack(n))) expect(node.credentials).toBeUndefined();
	});

	it('starts with one trigger (a webhook with a fixed ID, or a schedule), followed by the Config node with every setting', () => {
		// The catch-up may also be run by hand (the history).
		const triggers = working.filter(isTrigger).filter((n) => n.type !== CATCH_UP_ENTRY && n.type !== 'n8n-nodes-base.manualTrigger');
		expect(triggers).toHaveLength(1);
		for (const manual of working.filter((n) => n.type === 'n8n-nodes-base.manualTrigger')) expect(children(wf, manual.name)).toEqual(['Config']);
		if (isPack(triggers[0])) expect(triggers[0].webhookId).toMatch(/^[0-9a-f-]{36}$/);
		else expect(triggers[0].type).toBe('n8n-nodes-base.scheduleTrigger');
		expect(children(wf, triggers[0].name)).toEqual(['Config']);
		// The catch-up's way in joins at the same Config node.
		for (const entry of working.filter((n) => n.type === CATCH_UP_ENTRY)) expect(children(wf, entry.name)).toEqual(['Config']);
		const config = wf.nodes.find((n) => n.name === 'Config')!;
		expect(config.type).toBe('n8n-nodes-base.set');
		expect(config.parameters.includeOtherFields).toBe(true);
		const settings = (config.parameters.assignments as { assignments: Array<{ name: string }> }).assignments.map((a) => a.name);
		expect(settings).toEqual(REQUIRED_SETTINGS[file]);
		// every setting is used by some other node
		const elsewhere = allStrings(wf.nodes.filter((n) => n.name !== 'Config').map((n) => n.parameters)).join('\n');
		for (const setting of settings) expect([setting, elsewhere.includes(setting)]).toEqual([setting, true]);
	});

	it('connects only existing nodes, and every node is reached from a trigger', () => {
		const names = new Set(wf.nodes.map((n) => n.name));
		for (const [from, outputs] of Object.entries(wf.connections)) {
			expect(names.has(from)).toBe(true);
			for (const target of outputs.main.flat()) expect([from, target.node, names.has(target.node)]).toEqual([from, target.node, true]);
		}
		const reached = new Set<string>();
		const queue = working.filter(isTrigger).map((n) => n.name);
		while (queue.length) {
			const name = queue.shift()!;
			if (reached.has(name)) continue;
			reached.add(name);
			queue.push(...children(wf, name));
		}
		expect(working.map((n) => n.name).filter((n) => !reached.has(n))).toEqual([]);
	});

	it('retries every call that cannot create anything twice (3 tries, 2 s apart), and no call that creates something', () => {
		const calls = working.filter((n) => isPack(n) && !isTrigger(n));
		for (const node of calls.filter((n) => !createsSomething(n))) {
			expect([node.name, node.retryOnFail, node.maxTries, node.waitBetweenTries]).toEqual([node.name, true, 3, 2000]);
		}
		// n8n's Retry On Fail repeats a call blindly, also after the service stored it and the answer
		// was lost; the nodes themselves repeat a creating call only when the service refused it.
		for (const node of calls.filter(createsSomething)) expect([node.name, node.retryOnFail ?? false]).toEqual([node.name, false]);
	});

	it('explains its setup in sticky notes, and holds no secret or address of a real account', () => {
		const notes = wf.nodes.filter((n) => n.type === STICKY).map((n) => String(n.parameters.content));
		expect(notes.some((n) => /Setup/.test(n) && /Config/.test(n))).toBe(true);
		expect(notes.some((n) => /### Config/.test(n))).toBe(true);
		expect(text).not.toMatch(/planfix_token|apiToken|webhookSecret|Bearer |https?:\/\/(?!files\.)[a-z0-9.-]+\.(planfix|planhat|havefunnels)\.(com|ru)/i);
	});
});

/** Whether a node's call creates something a repeat would create twice (no key makes it idempotent). */
function createsSomething(node: INode): boolean {
	const type = node.type.split('.').pop();
	const { resource, operation, functionName } = node.parameters as { resource?: string; operation?: string; functionName?: string };
	if (type === 'planfixWebchat') return resource === 'message' && operation === 'send';
	if (type === 'planhat') return resource === 'endUser' && operation === 'create';
	if (type === 'haveFunnels') {
		return (operation === 'create' && (resource === 'user' || resource === 'conversation')) || (resource === 'message' && operation === 'send') || (resource === 'customApiCall' && CREATING_FUNCTIONS.has(String(functionName)));
	}
	return false;
}

describe('the loop guard', () => {
	const events = read('havefunnels-to-planfix-and-planhat.json');
	const replies = read('planfix-replies-to-havefunnels.json');

	it('skips the bridge user in the HaveFunnels workflow before any call to Planfix', () => {
		const guard = events.nodes.find((n) => n.name === 'Skip Bridge Messages (Loop Guard)')!;
		expect(guard.type).toBe('n8n-nodes-base.filter');
		const conditions = allStrings(guard.parameters).join('\n');
		expect(conditions).toContain('$json.data.user_id');
		expect(conditions).toContain('$json.bridgeUserId');
		expect(children(events, 'Which Event?')).toContain(guard.name);
		// the guard is the only way from the message-sent output to the Planfix nodes
		expect((events.connections['Which Event?'].main[0] ?? []).map((c) => c.node)).toEqual([guard.name]);
	});

	it('posts Planfix replies as that same bridge user', () => {
		const post = replies.nodes.find((n) => n.name === 'Post to HaveFunnels')!;
		const args = (post.parameters.arguments as { argument: Array<{ name: string; value: string }> }).argument;
		expect(args.find((a) => a.name === 'user_id')!.value).toBe("={{ $('Config').first().json.bridgeUserId }}");
		expect(args.find((a) => a.name === 'payload')!.value).toContain("source: 'planfix'");
	});

	it('keys the Planhat conversation by an external ID derived from the HaveFunnels conversation', () => {
		const upsert = events.nodes.find((n) => n.name === 'Create or Update Planhat Conversation')!;
		expect(upsert.parameters).toMatchObject({ operation: 'upsert', matchOn: 'externalId' });
		const code = String(events.nodes.find((n) => n.name === 'Build Planhat Conversation')!.parameters.jsCode);
		expect(code).toContain('externalId: config.planhatExternalIdPrefix + details.id');
	});
});
