/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code runs in Node.js, not in n8n's node sandbox */
/**
 * The rig runs workflows through n8n-core's WorkflowExecute with credentials applied as n8n does.
 * These tests prove it with a throwaway probe node against a real local HTTP server: the token
 * arrives when the credential injects it, and the run fails when it does not or when it is wrong.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';
import { runNode, runWorkflow, ITEMS_NODE_TYPE } from './index';
import { RigProbe, brokenCredential, formCredential, headerCredential } from './fixtures/probe';

interface Seen {
	headers: http.IncomingHttpHeaders;
	body: string;
}

const GOOD = 'good-token-123';
let server: http.Server;
let url: string;
let seen: Seen[] = [];

beforeAll(async () => {
	server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			seen.push({ headers: req.headers, body });
			const form = new URLSearchParams(body);
			const token = req.headers['x-rig-token'] ?? form.get('rig_token');
			res.setHeader('Content-Type', 'application/json');
			if (token !== GOOD) {
				res.statusCode = 401;
				res.end(JSON.stringify({ error: 'Invalid token' }));
				return;
			}
			res.end(JSON.stringify({ ok: true, received: req.headers['content-type']?.includes('json') ? JSON.parse(body) : [...form.keys()] }));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});

afterAll(async () => {
	await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
	seen = [];
});

const rig = {
	extraNodeTypes: { 'rig.probe': new RigProbe() },
	extraCredentialTypes: [headerCredential, formCredential, brokenCredential],
};

describe('workflow-executor rig', () => {
	it('injects a generic header credential and resolves item expressions', async () => {
		const run = await runNode({
			...rig,
			type: 'rig.probe',
			parameters: { credentialType: 'rigHeaderApi', url, message: '={{ $json.text }}!' },
			credentials: { rigHeaderApi: { token: GOOD } },
			items: [{ text: 'one' }, { text: 'two' }],
		});
		expect(run.status).toBe('success');
		expect(seen.map((s) => s.headers['x-rig-token'])).toEqual([GOOD, GOOD]);
		expect(seen.map((s) => JSON.parse(s.body))).toEqual([{ message: 'one!' }, { message: 'two!' }]);
		expect(run.json).toEqual([
			{ ok: true, received: { message: 'one!' } },
			{ ok: true, received: { message: 'two!' } },
		]);
		expect(run.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('sends a form body with repeated keys in order and the token added by a function authenticate', async () => {
		const run = await runNode({
			...rig,
			type: 'rig.probe',
			parameters: {
				credentialType: 'rigFormApi',
				url,
				message: 'hi',
				attachments: JSON.stringify([
					{ name: 'a.jpg', url: 'https://x/a.jpg' },
					{ name: 'b.jpg', url: 'https://x/b.jpg' },
				]),
			},
			credentials: { rigFormApi: { token: GOOD } },
		});
		expect(run.status).toBe('success');
		expect(seen).toHaveLength(1);
		expect(seen[0].headers['content-type']).toContain('application/x-www-form-urlencoded');
		expect([...new URLSearchParams(seen[0].body).entries()]).toEqual([
			['message', 'hi'],
			['attachments[name]', 'a.jpg'],
			['attachments[url]', 'https://x/a.jpg'],
			['attachments[name]', 'b.jpg'],
			['attachments[url]', 'https://x/b.jpg'],
			['rig_token', GOOD],
		]);
	});

	it('fails the run when the credential does not inject its token', async () => {
		const run = await runNode({
			...rig,
			type: 'rig.probe',
			parameters: { credentialType: 'rigBrokenApi', url, message: 'hi' },
			credentials: { rigBrokenApi: { token: GOOD } },
		});
		// n8n-core answers a 401 by re-authenticating and sending the request once more.
		expect(seen).toHaveLength(2);
		for (const request of seen) {
			expect(request.headers['x-rig-token']).toBeUndefined();
			expect(request.body).not.toContain(GOOD);
		}
		expect(run.status).toBe('error');
		expect(run.error?.message).toBe('The probe request failed');
	});

	it('fails the run when the token is wrong', async () => {
		const run = await runNode({
			...rig,
			type: 'rig.probe',
			parameters: { credentialType: 'rigHeaderApi', url, message: 'hi' },
			credentials: { rigHeaderApi: { token: 'wrong' } },
		});
		expect(seen.map((s) => s.headers['x-rig-token'])).toEqual(['wrong', 'wrong']);
		expect(run.status).toBe('error');
		expect(run.error?.node).toBe('Node');
	});

	it('keeps pairing with Continue On Fail: a failed item becomes an error item', async () => {
		const run = await runNode({
			...rig,
			type: 'rig.probe',
			parameters: { credentialType: 'rigHeaderApi', url: '={{ $json.url }}', message: 'x' },
			credentials: { rigHeaderApi: { token: GOOD } },
			items: [{ url }, { url: 'http://127.0.0.1:1/unreachable' }, { url }],
			continueOnFail: true,
		});
		expect(run.status).toBe('success');
		expect(run.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(run.json[0]).toEqual({ ok: true, received: { message: 'x' } });
		expect(run.json[1].error).toEqual(expect.stringContaining('The probe request failed'));
		expect(run.json[2]).toEqual({ ok: true, received: { message: 'x' } });
	});

	it('runs multi-node workflow JSON and reports each node output', async () => {
		const run = await runWorkflow({
			...rig,
			nodes: [
				{ name: 'Start', type: ITEMS_NODE_TYPE, parameters: { items: JSON.stringify([{ n: 1 }]) } },
				{ name: 'Probe', type: 'rig.probe', parameters: { credentialType: 'rigHeaderApi', url, message: '={{ $("Start").item.json.n }}' } },
			],
			connections: { Start: { main: [[{ node: 'Probe', type: 'main', index: 0 }]] } },
			credentials: { rigHeaderApi: { token: GOOD } },
		});
		expect(run.status).toBe('success');
		expect(run.outputOf('Start').map((i) => i.json)).toEqual([{ n: 1 }]);
		expect(run.outputOf('Probe')[0].json).toEqual({ ok: true, received: { message: 1 } });
	});
});
