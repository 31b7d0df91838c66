/**
 * The per-item chain HaveFunnels Get User → Planfix Send reads a parameter without an expression
 * once per node execution and one with an expression once per item: every parameter read of
 * n8n-core's execute context is counted, per node, while the chain runs through the rig.
 */
import { ExecuteContext } from 'n8n-core';
import type { IDataObject } from 'n8n-workflow';
import { runWorkflow } from '../rig';
import { TOKEN as HF_TOKEN, useStandIn } from '../HaveFunnels/helpers';
import { credentialsFor as planfixCredentials, startStandIn as startPlanfix, type StandIn as PfStandIn } from '../PlanfixWebchat/fixtures';

type Reads = { _getNodeParameter: (name: string, itemIndex: number, fallback?: unknown, options?: IDataObject) => unknown };

const ctx = useStandIn();

it('100 items: fixed parameters read once per node, expressions once per item', async () => {
	const { hf } = ctx;
	const pf: PfStandIn = await startPlanfix();
	// ExecuteContext's getNodeParameter is an arrow function set per instance; it calls this one.
	const spy = jest.spyOn(ExecuteContext.prototype as unknown as Reads, '_getNodeParameter');
	try {
		const items = Array.from({ length: 100 }, (_, n) => ({ n, userId: '4' }));
		const run = await runWorkflow({
			nodes: [
				{ name: 'Items', type: 'rig.items', parameters: { items: JSON.stringify(items) } },
				{
					name: 'Get User',
					type: 'n8n-nodes-chat-crm-sync.haveFunnels',
					parameters: { resource: 'user', operation: 'get', userId: '={{ $json.userId }}', includeExtra: false },
				},
				{
					name: 'Send',
					type: 'n8n-nodes-chat-crm-sync.planfixWebchat',
					parameters: {
						resource: 'message',
						operation: 'send',
						chatId: '={{ "chat-" + $itemIndex }}',
						message: '={{ "Hello from " + $json.first_name }}',
						contactId: '={{ $json.id }}',
						contactName: '={{ $json.first_name }}',
						additionalFields: { channel: 'web' },
						attachments: {},
						taskFields: { field: [{ name: 'source', value: 'n8n' }] },
					},
				},
			],
			connections: {
				Items: { main: [[{ node: 'Get User', type: 'main', index: 0 }]] },
				'Get User': { main: [[{ node: 'Send', type: 'main', index: 0 }]] },
			},
			credentials: { haveFunnelsApi: { url: hf.installationUrl, apiToken: HF_TOKEN }, ...planfixCredentials(pf) },
		});
		expect(run.status).toBe('success');
		const sent = pf.apiCalls().map((r) => Object.fromEntries(r.form!.pairs));
		expect(sent).toHaveLength(100);
		expect(sent[57]).toMatchObject({ chatId: 'chat-57', contactName: 'John', channel: 'web', data_source: 'n8n' });

		const reads: Record<string, Record<string, number>> = {};
		spy.mock.calls.forEach(([name, , , options], n) => {
			if (options?.rawExpressions) return;
			const node = (spy.mock.contexts[n] as unknown as ExecuteContext).getNode().name;
			reads[node] = reads[node] ?? {};
			reads[node][name] = (reads[node][name] ?? 0) + 1;
		});
		expect(reads['Get User']).toEqual({ resource: 1, operation: 1, userId: 100, includeExtra: 1 });
		expect(reads.Send).toEqual({
			resource: 1,
			operation: 1,
			chatId: 100,
			message: 100,
			contactId: 100,
			contactName: 100,
			additionalFields: 1,
			attachments: 1,
			taskFields: 1,
		});
	} finally {
		spy.mockRestore();
		await pf.stop();
	}
});
