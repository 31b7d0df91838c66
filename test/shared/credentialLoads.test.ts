/**
 * Credentials are loaded (and decrypted) at most once per node execution, never per item, page or
 * retry: every call of `getCredentials` on n8n-core's execute context is counted, with the node
 * that made it, while real workflows run through the rig against the stand-ins. Before, each
 * request loaded the credential twice (the transport, then `httpRequestWithAuthentication`).
 */
import { ExecuteContext } from 'n8n-core';
import { runNode, runWorkflow } from '../rig';
import { TOKEN as HF_TOKEN, useStandIn } from '../HaveFunnels/helpers';
import { credentialsFor as planfixCredentials, startStandIn as startPlanfix, type StandIn as PfStandIn } from '../PlanfixWebchat/fixtures';
import { COMPANY_A, credentialsFor as planhatCredentials, startStandIn as startPlanhat } from '../Planhat/helpers';

/** Counts `getCredentials` calls per node name for the duration of `work`. */
async function countLoads<T>(work: () => Promise<T>): Promise<{ result: T; loads: Record<string, number> }> {
	const spy = jest.spyOn(ExecuteContext.prototype, 'getCredentials');
	try {
		const result = await work();
		const loads: Record<string, number> = {};
		for (const context of spy.mock.contexts as ExecuteContext[]) {
			const name = context.getNode().name;
			loads[name] = (loads[name] ?? 0) + 1;
		}
		return { result, loads };
	} finally {
		spy.mockRestore();
	}
}

const hundred = Array.from({ length: 100 }, (_, n) => ({ n }));

describe('credentials are loaded once per node execution', () => {
	const ctx = useStandIn();

	it('HaveFunnels Get User → Planfix Send over 100 items: one load per node', async () => {
		const { hf } = ctx;
		const pf: PfStandIn = await startPlanfix();
		try {
			const { result: run, loads } = await countLoads(() =>
				runWorkflow({
					nodes: [
						{ name: 'Items', type: 'rig.items', parameters: { items: JSON.stringify(hundred) } },
						{
							name: 'Get User',
							type: 'n8n-nodes-chat-crm-sync.haveFunnels',
							parameters: { resource: 'user', operation: 'get', userId: '4' },
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
							},
						},
					],
					connections: {
						Items: { main: [[{ node: 'Get User', type: 'main', index: 0 }]] },
						'Get User': { main: [[{ node: 'Send', type: 'main', index: 0 }]] },
					},
					credentials: {
						haveFunnelsApi: { url: hf.installationUrl, apiToken: HF_TOKEN },
						...planfixCredentials(pf),
					},
				}),
			);
			expect(run.status).toBe('success');
			expect(hf.calls('get-user')).toHaveLength(100);
			expect(pf.apiCalls()).toHaveLength(100);
			expect(run.outputOf('Send')).toHaveLength(100);
			expect(loads).toEqual({ 'Get User': 1, Send: 1 });
		} finally {
			await pf.stop();
		}
	});

	describe('Planhat', () => {
		let standIn: StandIn;
		type StandIn = Awaited<ReturnType<typeof startPlanhat>>;
		beforeEach(async () => {
			standIn = await startPlanhat();
		});
		afterEach(async () => {
			await standIn.stop();
		});

		it('Get Many, Return All over 3 pages (and a retried 429): one load', async () => {
			standIn.seedConversations(4500, { companyId: COMPANY_A });
			standIn.inject({ status: 429, retryAfter: 0, match: (r) => r.query?.offset === '2000' });
			const { result: run, loads } = await countLoads(() =>
				runNode({
					type: 'planhat',
					name: 'Get Many',
					parameters: { resource: 'conversation', operation: 'getAll', returnAll: true },
					credentials: planhatCredentials(standIn),
				}),
			);
			expect(run.status).toBe('success');
			expect(run.json).toHaveLength(4500);
			expect(standIn.requests.filter((r) => r.method === 'GET')).toHaveLength(4);
			expect(loads).toEqual({ 'Get Many': 1 });
		});

		it('Get for each of 100 items, and Create or Update of 100 items: one load each', async () => {
			standIn.seedConversations(100, { companyId: COMPANY_A });
			const list = await runNode({
				type: 'planhat',
				parameters: { resource: 'conversation', operation: 'getAll', returnAll: true },
				credentials: planhatCredentials(standIn),
			});
			const items = list.json.map((c) => ({ id: c._id }));
			expect(items).toHaveLength(100);

			const get = await countLoads(() =>
				runNode({
					type: 'planhat',
					name: 'Get',
					parameters: { resource: 'conversation', operation: 'get', conversationId: { mode: 'id', value: '={{ $json.id }}' } },
					credentials: planhatCredentials(standIn),
					items,
				}),
			);
			expect(get.result.status).toBe('success');
			expect(get.result.json.map((c) => c._id)).toEqual(items.map((i) => i.id));
			expect(get.loads).toEqual({ Get: 1 });

			const upsert = await countLoads(() =>
				runNode({
					type: 'planhat',
					name: 'Upsert',
					parameters: {
						resource: 'conversation',
						operation: 'upsert',
						companyId: { mode: 'id', value: COMPANY_A },
						matchValue: '={{ "chat-" + $json.n }}',
						fields: { subject: '={{ "Chat " + $json.n }}' },
					},
					credentials: planhatCredentials(standIn),
					items: hundred,
				}),
			);
			expect(upsert.result.status).toBe('success');
			expect(upsert.result.json.every((j) => j.status === 'created')).toBe(true);
			expect(upsert.loads).toEqual({ Upsert: 1 });
		});

		it('the credential is not kept from one execution to the next', async () => {
			const first = await runNode({
				type: 'planhat',
				parameters: { resource: 'conversation', operation: 'getAll', returnAll: true },
				credentials: planhatCredentials(standIn),
			});
			expect(first.status).toBe('success');
			const second = await runNode({
				type: 'planhat',
				parameters: { resource: 'conversation', operation: 'getAll', returnAll: true },
				credentials: planhatCredentials(standIn, 'not-the-token'),
			});
			expect(second.status).toBe('error');
			expect(second.error?.httpCode).toBe('401');
		});
	});
});
