/**
 * The real-n8n rig itself: n8n starts on both lines with this package installed as a community
 * package, imported credentials are stored encrypted, an imported active workflow answers on its
 * production webhook URL, and the execution is read back from n8n's database.
 */
import { N8N_LINES, startN8n, type N8nInstance } from './lib/n8n';

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

	it('runs the pinned n8n version of the line', () => {
		expect(n8n.version).toMatch(line === '1.x' ? /^1\.123\./ : /^2\./);
	});
});
