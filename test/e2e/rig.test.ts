/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code runs in Node.js, not in n8n's node sandbox */
/**
 * The real-n8n rig itself: n8n starts on both lines with this package installed from its packed
 * tarball by the README's manual install command and loads its nodes, imported credentials are stored encrypted, an imported active workflow answers on its
 * production webhook URL, and the execution is read back from n8n's database.
 */
import * as fs from 'fs';
import * as path from 'path';
import { MANUAL_INSTALL_ARGS, N8N_LINES, PACKAGE_NAME, ROOT, startN8n, type N8nInstance } from './lib/n8n';

const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const PACKAGE = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };

describe.each(N8N_LINES)('real n8n %s', (line) => {
	let n8n: N8nInstance;

	beforeAll(async () => {
		n8n = await startN8n({
			line,
			workflows: [
				{
					id: 'rigSmokeWorkflow1',
					name: 'Rig smoke',
					active: true,
					nodes: [
						{
							id: 'w1',
							name: 'Webhook',
							type: 'n8n-nodes-base.webhook',
							typeVersion: 2,
							position: [0, 0],
							webhookId: 'rig-smoke',
							parameters: { httpMethod: 'POST', path: 'rig-smoke', responseMode: 'lastNode', options: {} },
						},
					],
					connections: {},
				},
			],
		});
	}, 240_000);

	afterAll(async () => {
		await n8n?.stop();
	});

	it('answers on the production webhook URL and stores the execution', async () => {
		const res = await n8n.post('/webhook/rig-smoke', { json: { hello: 'world' } });
		expect(res.status).toBe(200);
		const executions = await n8n.waitForExecutions(1);
		expect(executions).toHaveLength(1);
		expect(executions[0].status).toBe('success');
		expect((executions[0].nodes.Webhook[0] as { body: unknown }).body).toEqual({ hello: 'world' });
	});

	it('has exactly this package in ~/.n8n/nodes, installed by the README command from the tarball', () => {
		expect(README).toContain(`npm ${MANUAL_INSTALL_ARGS.slice(0, 2).join(' ')} ${PACKAGE_NAME}`);
		const modules = path.join(n8n.home, '.n8n', 'nodes', 'node_modules');
		expect(fs.readdirSync(modules).filter((name) => !name.startsWith('.'))).toEqual([PACKAGE_NAME]);
		const installed = path.join(modules, PACKAGE_NAME);
		expect(fs.lstatSync(installed).isSymbolicLink()).toBe(false);
		expect(fs.existsSync(path.join(installed, 'workflows', 'havefunnels-to-planfix-and-planhat.json'))).toBe(true);
		expect(fs.existsSync(path.join(installed, 'dist', 'package.json'))).toBe(false);
		expect(fs.existsSync(path.join(installed, 'test'))).toBe(false);
	});

	it('loads all nodes of the package (the types the editor lists)', async () => {
		const res = await n8n.rest('GET', '/types/nodes.json');
		expect(res.status).toBe(200);
		const names = new Set((res.json as Array<{ name: string }>).map((t) => t.name));
		const expected = PACKAGE.n8n.nodes.map((file) => {
			const base = path.basename(file, '.node.js');
			return `${PACKAGE_NAME}.${base.charAt(0).toLowerCase()}${base.slice(1)}`;
		});
		expect(expected).toHaveLength(6);
		for (const name of expected) expect(names).toContain(name);
	});

	it('runs the pinned n8n version of the line', () => {
		expect(n8n.version).toMatch(line === '1.x' ? /^1\.123\./ : /^2\./);
	});
});
