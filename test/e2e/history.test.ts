/* eslint-disable no-console -- the history test prints what the bulk run cost */
/**
 * Bringing the history over: on a fresh installation, the catch-up workflow run once by hand
 * ("Bring the History Over", here from n8n's CLI) sends every finished HaveFunnels conversation to
 * Planhat through Create or Update in requests of up to 5,000: 10,000 archived conversations in
 * 2 requests, with the same subject, transcript, company and end user the live workflow writes.
 * A customer Planhat does not know yet goes through the HaveFunnels workflow (end user created by
 * its email domain). No old chat message goes to Planfix. Running it again changes nothing.
 */
import { N8N_LINES, startN8n, type N8nInstance } from './lib/n8n';
import { loadWorkflows, startSyncStandIns, type SyncStandIns, type Workflows } from './lib/sync-setup';

const CONVERSATIONS = 10_000;
const CUSTOMERS = 200;
const CATCH_UP = 'ccsHfCatchUp';
const ACME = '64b7f0a1c2d3e4f5a6b7c8d9';
const GLOBEX = '64b7f0a1c2d3e4f5a6b7c8da';

describe.each(N8N_LINES)('history to Planhat in bulk, in real n8n %s', (line) => {
	let n8n: N8nInstance;
	let sync: SyncStandIns;
	let workflows: Workflows;
	const customerIds: number[] = [];

	beforeAll(async () => {
		sync = await startSyncStandIns();
		const hf = sync.haveFunnels;
		const agentId = sync.agent.id as number;
		for (let i = 0; i < CUSTOMERS; i++) {
			const domain = i % 2 ? 'globex.test' : 'acme.test';
			const email = `history${i}@${domain}`;
			const user = hf.addUser({ first_name: 'History', last_name: `Customer ${i}`, email, user_type: 'lead' });
			customerIds.push(user.id as number);
			sync.planhat.addEnduser({ email, firstName: 'History', lastName: `Customer ${i}`, companyId: i % 2 ? GLOBEX : ACME });
		}
		const start = Date.now() - 90 * 24 * 3600 * 1000;
		for (let k = 0; k < CONVERSATIONS; k++) {
			const userId = customerIds[k % CUSTOMERS];
			const t = start + k * 60_000;
			const conversation = hf.addConversation({ user_id: userId, status_code: 3, title: `History ${k}`, creation_time_ms: t });
			hf.addMessage({ user_id: userId, conversation_id: conversation.id, message: `Question ${k}`, creation_time_ms: t });
			hf.addMessage({ user_id: agentId, conversation_id: conversation.id, message: `Answer ${k}`, creation_time_ms: t + 1000 });
		}
		// A customer Planhat does not know yet.
		const newcomer = hf.addUser({ first_name: 'New', last_name: 'Comer', email: 'newcomer@acme.test', user_type: 'lead' });
		const conversation = hf.addConversation({ user_id: newcomer.id, status_code: 3, title: 'Newcomer', creation_time_ms: start });
		hf.addMessage({ user_id: newcomer.id, conversation_id: conversation.id, message: 'Hello from a newcomer', creation_time_ms: start });
		workflows = loadWorkflows(sync.config());
		n8n = await startN8n({ line, credentials: sync.credentials(), workflows: Object.values(workflows) });
		sync.connect(n8n.baseUrl, workflows);
	}, 300_000);

	afterAll(async () => {
		await n8n?.stop();
		await sync?.stop();
	});

	const upserts = () => sync.planhat.requests.filter((r) => r.method === 'PUT' && r.path === '/conversations');
	const ours = () => sync.planhat.conversations.filter((c) => String(c.externalId ?? '').startsWith('havefunnels-'));

	it('10,000 finished conversations reach Planhat in 2 Create or Update requests; a new customer goes one by one', async () => {
		const started = Date.now();
		const run = await n8n.execute(CATCH_UP);
		const seconds = (Date.now() - started) / 1000;
		expect([run.ok, run.output.slice(0, run.ok ? 0 : 4000)]).toEqual([true, '']);

		const requests = upserts();
		const sizes = requests.map((r) => (Array.isArray(r.json) ? r.json.length : 0));
		console.log(`history, n8n ${n8n.version}: ${CONVERSATIONS + 1} finished conversations in ${seconds.toFixed(1)} s; Create or Update requests: ${sizes.join(', ')} items`);
		expect(sizes.sort((a, b) => b - a)).toEqual([5000, 5000, 1]);
		expect(ours()).toHaveLength(CONVERSATIONS + 1);

		// As the live workflow writes it: company and end user of the customer's email, the transcript.
		const sampleOf = (k: number) => ours().find((c) => c.subject === `History ${k}`)!;
		const c7 = sampleOf(7);
		expect(c7).toMatchObject({ type: 'HaveFunnels Chat', companyId: GLOBEX });
		expect(c7.description).toContain('Question 7');
		expect(c7.description).toContain('Answer 7');
		expect(c7.endusers).toMatchObject([{ id: sync.planhat.endusers.find((e) => e.email === 'history7@globex.test')!._id }]);
		const newcomer = ours().find((c) => c.subject === 'Newcomer')!;
		expect(newcomer.companyId).toBe(ACME);
		expect(sync.planhat.endusers.some((e) => e.email === 'newcomer@acme.test' && e.companyId === ACME)).toBe(true);
		// History is not chat traffic: nothing old went to Planfix.
		expect(sync.planfix.state.messages.filter((m) => m.direction === 'in' && /^(Question|Answer) /.test(String(m.message)))).toEqual([]);
	}, 600_000);

	it('running it again changes nothing in Planhat', async () => {
		const before = JSON.stringify(ours());
		const count = sync.planhat.conversations.length;
		const run = await n8n.execute(CATCH_UP);
		expect(run.ok).toBe(true);
		expect(sync.planhat.conversations).toHaveLength(count);
		expect(JSON.stringify(ours())).toBe(before);
	}, 600_000);
});
