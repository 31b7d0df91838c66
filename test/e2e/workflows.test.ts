/**
 * The example workflows of workflows/ in a real n8n, on both lines, against the three stand-ins:
 * the whole chat-to-CRM sync (HaveFunnels customer → Planfix task, Planfix reply → customer, first
 * message from Planfix, finished conversation → Planhat, Planhat Automation → proactive message),
 * its loop guard, and what it does under load and under transient failures.
 * n8n starts once per line; each test uses its own customers and conversations.
 */
import type { IDataObject } from 'n8n-workflow';

import type { HaveFunnelsConversation, HaveFunnelsUser } from '../stand-ins/havefunnels';
import type { RecordedRequest } from '../stand-ins/base';
import type { AgentRecord } from '../stand-ins/planfix';
import { N8N_LINES, settledExecutions, startN8n, type ExecutionRow, type N8nInstance } from './lib/n8n';
import {
	PLANHAT_TYPE,
	PROVIDER_ID,
	SECRETS,
	loadWorkflows,
	startSyncStandIns,
	waitFor,
	type SyncStandIns,
	type Workflows,
} from './lib/sync-setup';

const HF_EVENTS = 'ccsHaveFunnelsEv';
const PLANFIX_REPLIES = 'ccsPlanfixReply';

describe.each(N8N_LINES)('chat-to-CRM sync workflows in real n8n %s', (line) => {
	let n8n: N8nInstance;
	let sync: SyncStandIns;
	let workflows: Workflows;

	beforeAll(async () => {
		sync = await startSyncStandIns();
		workflows = loadWorkflows(sync.config());
		n8n = await startN8n({ line, credentials: sync.credentials(), workflows: Object.values(workflows) });
		sync.connect(n8n.baseUrl, workflows);
	}, 240_000);

	afterAll(async () => {
		await n8n?.stop();
		await sync?.stop();
	});

	const settled = () => settledExecutions(() => n8n.executions());

	/** The executions after a known count, all of which must have succeeded. */
	async function newExecutions(before: number): Promise<ExecutionRow[]> {
		const rows = (await settled()).slice(before);
		for (const row of rows) expect([row.workflowId, row.status, row.error]).toEqual([row.workflowId, 'success', undefined]);
		return rows;
	}

	const executionCount = async () => (await n8n.executions()).length;

	/** The messageStatus calls Planfix received for one of its messages: [status, text]. */
	const statusReports = (messageId: string) =>
		sync.planfix
			.apiCalls()
			.filter((r) => !r.fault && r.form!.fields.cmd === 'messageStatus' && r.form!.fields.messageId === messageId)
			.map((r) => [r.form!.fields.messageStatus, r.form!.fields.messageStatusText]);

	describe('1. customer message → Planfix', () => {
		it('a customer message with a file opens the Planfix task once, with contact details, conversation title and file', async () => {
			const before = await executionCount();
			const c = sync.newCustomer({ firstName: 'Alice', lastName: 'Smith', email: 'alice@acme.test', phone: '+44 20 7946 0001', title: 'Order #1001' });
			await sync.customerWrites({
				conversation: c,
				message: 'Hello, my invoice is attached',
				attachments: [['invoice.pdf', 'https://files.example.com/invoice.pdf']],
			});
			const [message] = await waitFor(() => sync.planfixMessages(c.conversationId).length === 1 && sync.planfixMessages(c.conversationId), 'the message in Planfix');
			expect(message).toMatchObject({
				providerId: PROVIDER_ID,
				chatId: c.conversationId,
				contactId: c.userId,
				message: 'Hello, my invoice is attached',
				title: 'Order #1001',
				openedTask: true,
				isEcho: false,
				attachments: [{ name: 'invoice.pdf', url: 'https://files.example.com/invoice.pdf' }],
				unknownFields: [],
			});
			expect(sync.planfix.contact(PROVIDER_ID, c.userId)).toMatchObject({
				contactName: 'Alice',
				contactLastName: 'Smith',
				contactEmail: 'alice@acme.test',
				contactPhone: '+44 20 7946 0001',
				contactIco: expect.stringMatching(/^https:\/\//),
			});
			const rows = await newExecutions(before);
			expect(rows.map((r) => r.workflowId)).toEqual([HF_EVENTS]);
			expect(rows[0].dataText).not.toContain(SECRETS.haveFunnelsToken);
			expect(rows[0].dataText).not.toContain(SECRETS.planfixToken);
		});

		it('several files arrive in order: the text with the first, each further file as its own message; a file alone is named', async () => {
			const c = sync.newCustomer({ firstName: 'Dan', email: 'dan@acme.test' });
			await sync.customerWrites({
				conversation: c,
				message: 'Two photos',
				attachments: [
					['front.jpg', 'https://files.example.com/front.jpg'],
					['back.jpg', 'https://files.example.com/back.jpg'],
				],
			});
			await waitFor(() => sync.planfixMessages(c.conversationId).length >= 2, 'the first message, in two parts');
			// A message sent while the previous one is still on its way may overtake it (README: Retries, duplicates, order).
			await sync.customerWrites({ conversation: c, message: '', attachments: [['receipt.png', 'https://files.example.com/receipt.png']] });
			const got = await waitFor(() => sync.planfixMessages(c.conversationId).length >= 3 && sync.planfixMessages(c.conversationId), 'three messages');
			await settled();
			expect(sync.planfixMessages(c.conversationId).map((m) => [m.message, m.attachments.map((a) => a.name)])).toEqual([
				['Two photos', ['front.jpg']],
				['back.jpg', ['back.jpg']],
				['receipt.png', ['receipt.png']],
			]);
			expect(got[0].title).toBe(`HaveFunnels conversation #${c.conversationId}`);
		});

		it("an agent's message written in HaveFunnels is mirrored as an echo with the agent's email as author", async () => {
			const c = sync.newCustomer({ firstName: 'Erin', email: 'erin@acme.test' });
			await sync.customerWrites({ conversation: c, message: 'Is anyone there?' });
			await sync.customerWrites({ conversation: c, message: 'Yes, Bruce here. How can I help?', from: sync.agent.id });
			await waitFor(() => sync.planfixMessages(c.conversationId).length === 2, 'both messages');
			const [first, echo] = sync.planfixMessages(c.conversationId);
			expect(first).toMatchObject({ isEcho: false, message: 'Is anyone there?' });
			expect(echo).toMatchObject({ isEcho: true, userEmail: 'bruce@havefunnels.test', contactId: c.userId, message: 'Yes, Bruce here. How can I help?' });
		});
	});

	describe('2. Planfix reply → customer, and the loop guard', () => {
		it('a reply is posted by the bridge user with its file, reported as sent, answered with the IDs, and never comes back to Planfix', async () => {
			const c = sync.newCustomer({ firstName: 'Frank', email: 'frank@acme.test' });
			await sync.customerWrites({ conversation: c, message: 'Where is my parcel?' });
			await waitFor(() => sync.planfixMessages(c.conversationId).length === 1, 'the question in Planfix');
			await settled();
			const before = await executionCount();

			const record = await sync.planfix.agent.reply({
				providerId: PROVIDER_ID,
				chatId: c.conversationId,
				message: 'It ships today, here is the label',
				attachments: [{ name: 'label.pdf', url: 'https://planfix.example.com/files/label.pdf' }],
			});
			expect(record.status).toBe(200);
			expect(record.answer).toEqual({ chatId: c.conversationId, contactId: c.userId });

			const messages = sync.haveFunnelsMessages(c);
			expect(messages).toHaveLength(2);
			const reply = messages[1];
			expect(reply).toMatchObject({ user_id: String(sync.bridge.id), message: 'It ships today, here is the label' });
			expect(JSON.parse(reply.attachments)).toEqual([['label.pdf', 'https://planfix.example.com/files/label.pdf']]);
			expect(JSON.parse(reply.payload)).toEqual({ source: 'planfix', planfixMessageId: record.messageId });
			expect(statusReports(record.messageId)).toEqual([['sent', undefined]]);

			// HaveFunnels reported the bridge's message to n8n too: the loop guard stopped it there.
			const rows = await newExecutions(before);
			expect(rows.map((r) => r.workflowId).sort()).toEqual([HF_EVENTS, PLANFIX_REPLIES]);
			const guarded = rows.find((r) => r.workflowId === HF_EVENTS) as ExecutionRow;
			expect(guarded.nodes['HaveFunnels Trigger']).toEqual([expect.objectContaining({ event: 'message-sent', data: expect.objectContaining({ user_id: String(sync.bridge.id) }) })]);
			expect(Object.keys(guarded.nodes).sort()).toEqual(['Bridge User Set?', 'Config', 'HaveFunnels Trigger', 'Skip Bridge Messages (Loop Guard)', 'Which Event?']);
			expect(sync.planfixMessages(c.conversationId)).toHaveLength(1);
		});

		it('a reply Planfix sends again (same messageId) is posted once, and answered and reported both times', async () => {
			const c = sync.newCustomer({ firstName: 'Gina', email: 'gina@acme.test' });
			await sync.customerWrites({ conversation: c, message: 'Hello?' });
			await waitFor(() => sync.planfixMessages(c.conversationId).length === 1, 'the question in Planfix');
			const reply = { providerId: PROVIDER_ID, chatId: c.conversationId, message: 'Hello Gina!', messageId: `redelivered-${c.conversationId}` };
			const first = await sync.planfix.agent.reply(reply);
			const again = await sync.planfix.agent.reply(reply);
			expect([first.answer, again.answer]).toEqual([
				{ chatId: c.conversationId, contactId: c.userId },
				{ chatId: c.conversationId, contactId: c.userId },
			]);
			expect(sync.haveFunnelsMessages(c).map((m) => m.message)).toEqual(['Hello?', 'Hello Gina!']);
			expect(statusReports(reply.messageId)).toEqual([
				['sent', undefined],
				['sent', undefined],
			]);
			await settled();
		});

		it('a reply HaveFunnels refuses is reported to Planfix as error with the reason, and still answered', async () => {
			const before = await executionCount();
			const record = await sync.planfix.agent.reply({ providerId: PROVIDER_ID, chatId: '987654', message: 'Hello?' });
			expect(record.status).toBe(200);
			expect(record.json).toEqual({ chatId: '987654', contactId: '' });
			const [[status, text]] = statusReports(record.messageId);
			expect(status).toBe('error');
			expect(text).toMatch(/^HaveFunnels refused the message: .*conversation-not-found/);
			const rows = await newExecutions(before);
			const run = rows.find((r) => r.workflowId === PLANFIX_REPLIES) as ExecutionRow;
			expect(run.nodes['Report Failure']).toHaveLength(1);
			expect(run.nodes).not.toHaveProperty('Report Delivered');
		}, 60_000);

		it('a reply whose HaveFunnels answer is lost after it was stored is found by a second look: posted once, reported as sent', async () => {
			const c = sync.newCustomer({ firstName: 'Lost', lastName: 'Answer', email: 'lost.answer@acme.test' });
			const before = await executionCount();
			sync.haveFunnels.inject({ dropAfter: true, match: (r) => r.form?.fields.function === 'send-message' });
			const record = await sync.planfix.agent.reply({ providerId: PROVIDER_ID, chatId: c.conversationId, message: 'Your parcel left today' });
			expect(record.status).toBe(200);
			expect(record.json).toEqual({ chatId: c.conversationId, contactId: c.userId });
			expect(sync.haveFunnelsMessages(c).filter((m) => m.message === 'Your parcel left today')).toHaveLength(1);
			expect(statusReports(record.messageId)).toEqual([['sent', undefined]]);
			const rows = await newExecutions(before);
			const run = rows.find((r) => r.workflowId === PLANFIX_REPLIES) as ExecutionRow;
			expect(run.nodes['Look Again']).toHaveLength(1);
			expect(run.nodes).not.toHaveProperty('Report Failure');
		}, 60_000);
	});

	describe('3. first message from Planfix', () => {
		it('to a phone a customer already has: that customer gets a new conversation, whose IDs go back to Planfix', async () => {
			// Heidi's phone contains Grace's: the search finds both, the exact match picks Grace.
			sync.newCustomer({ firstName: 'Heidi', email: 'heidi@acme.test', phone: '+1 555 010 7788 99' });
			const known = sync.newCustomer({ firstName: 'Grace', email: 'grace@acme.test', phone: '+1 555 010 7788' });
			const before = await executionCount();
			const record = await sync.planfix.agent.firstMessage({ providerId: PROVIDER_ID, contactPhone: '+1 555 010 7788', message: 'Hi Grace, your order is ready' });
			expect(record.status).toBe(200);
			expect(record.answer!.contactId).toBe(known.userId);
			expect(record.answer!.chatId).not.toBe(known.conversationId);
			const conversation = sync.haveFunnels.state.conversation(record.answer!.chatId);
			expect(conversation).toMatchObject({ user_id: Number(known.userId), title: 'Message from our team' });
			expect(sync.haveFunnelsMessages(record.answer!.chatId)).toEqual([
				expect.objectContaining({ user_id: String(sync.bridge.id), message: 'Hi Grace, your order is ready' }),
			]);
			expect(statusReports(record.messageId)).toEqual([['sent', undefined]]);
			await newExecutions(before);

			// The customer answers in that conversation: it reaches the chat Planfix now knows.
			await sync.customerWrites({ conversation: record.answer!.chatId, message: 'Great, I will pick it up' });
			await waitFor(() => sync.planfixMessages(record.answer!.chatId).length === 1, 'the answer in Planfix');
			expect(sync.planfixMessages(record.answer!.chatId)[0]).toMatchObject({ contactId: known.userId, isEcho: false });
			expect(sync.planfix.chat(PROVIDER_ID, record.answer!.chatId)).toBeDefined();
		});

		it('to a phone nobody has: a HaveFunnels user is created with that phone', async () => {
			const users = sync.haveFunnels.state.users.size;
			const record = await sync.planfix.agent.firstMessage({ providerId: PROVIDER_ID, contactPhone: '+49 30 901820', message: 'Hello from Planfix' });
			expect(record.status).toBe(200);
			expect(sync.haveFunnels.state.users.size).toBe(users + 1);
			const user = sync.haveFunnels.state.user(record.answer!.contactId);
			expect(user).toMatchObject({ user_type: 'lead', first_name: 'Planfix contact' });
			expect(user.extra.get('phone')).toMatchObject({ value: '+49 30 901820' });
			expect(sync.haveFunnels.state.conversation(record.answer!.chatId).user_id).toBe(user.id);
			await settled();
		});
	});

	describe('4. finished conversation → Planhat', () => {
		it('an archived conversation becomes one Planhat conversation; archiving again updates the same one', async () => {
			const c = sync.newCustomer({ firstName: 'Ivan', lastName: 'Petrov', email: 'ivan@acme.test', title: 'Billing question' });
			await sync.customerWrites({ conversation: c, message: 'Why was I charged twice?', attachments: [['bill.pdf', 'https://files.example.com/bill.pdf']] });
			await sync.customerWrites({ conversation: c, message: 'Let me check <that>.', from: sync.agent.id });
			await settled();
			const before = await executionCount();
			await sync.setStatus(c, 3);
			const externalId = `havefunnels-${c.conversationId}`;
			const first = await waitFor(() => sync.planhat.getConversation(`extid-${externalId}`), 'the Planhat conversation');
			await newExecutions(before);
			const acme = sync.planhat.getCompany('64b7f0a1c2d3e4f5a6b7c8d9')!;
			const enduser = sync.planhat.endusers.find((e) => e.email === 'ivan@acme.test')!;
			expect(enduser).toMatchObject({ companyId: acme._id, firstName: 'Ivan', lastName: 'Petrov', externalId: `havefunnels-user-${c.userId}` });
			expect(first).toMatchObject({
				externalId,
				companyId: acme._id,
				subject: 'Billing question',
				type: PLANHAT_TYPE,
				endusers: [{ id: enduser._id, name: 'Ivan Petrov' }],
			});
			expect(first.description).toContain('Why was I charged twice?');
			expect(first.description).toContain('<a href="https://files.example.com/bill.pdf">bill.pdf</a>');
			expect(first.description).toContain('Let me check &lt;that&gt;.');

			// reopened (not finished: nothing to Planhat), more messages, archived again
			await sync.setStatus(c, 2);
			await sync.customerWrites({ conversation: c, message: 'Thanks, all sorted.' });
			await sync.setStatus(c, 3);
			await waitFor(() => sync.planhat.getConversation(first._id)!.description!.includes('all sorted'), 'the update');
			await settled();
			expect(sync.planhat.conversations.filter((x) => x.externalId === externalId)).toHaveLength(1);
			expect(sync.planhat.endusers.filter((e) => e.email === 'ivan@acme.test')).toHaveLength(1);
			const upserts = sync.planhat.requests.filter((r) => r.method === 'PUT' && r.path === '/conversations');
			expect(upserts.slice(-2).map((r) => (r.json as IDataObject[])[0].externalId)).toEqual([externalId, externalId]);
		});

		it('an end user already in Planhat is used as it is, and its company gets the conversation', async () => {
			const globex = sync.planhat.getCompany('64b7f0a1c2d3e4f5a6b7c8da')!;
			const known = sync.planhat.addEnduser({ email: 'judy@globex.test', firstName: 'Judy', companyId: globex._id });
			const endusers = sync.planhat.endusers.length;
			const c = sync.newCustomer({ firstName: 'Judy', email: 'judy@globex.test' });
			await sync.customerWrites({ conversation: c, message: 'Quick question' });
			await sync.setStatus(c, 3);
			const conv = await waitFor(() => sync.planhat.getConversation(`extid-havefunnels-${c.conversationId}`), 'the Planhat conversation');
			expect(conv).toMatchObject({ companyId: globex._id, endusers: [{ id: known._id, name: 'Judy' }], subject: 'HaveFunnels chat with Judy Doe' });
			expect(sync.planhat.endusers).toHaveLength(endusers);
			await settled();
		});
	});

	describe('under load and failures', () => {
		it('50 interleaved messages across 5 conversations arrive in Planfix exactly once each, in order per chat, none echoed back', async () => {
			const customers = Array.from({ length: 5 }, (_, i) => sync.newCustomer({ firstName: `Load${i}`, email: `load${i}@acme.test` }));
			const before = await executionCount();
			const started = Date.now();
			// Round-robin over the chats, each message sent as HaveFunnels sends it (webhook delivered
			// before the next message), with Planfix agents replying in two chats meanwhile.
			const replies: Array<Promise<AgentRecord>> = [];
			for (let n = 0; n < 10; n++) {
				for (const [i, c] of customers.entries()) {
					await sync.customerWrites({ conversation: c, message: `chat ${i} message ${n}` });
				}
				if (n === 3 || n === 6) {
					replies.push(sync.planfix.agent.reply({ providerId: PROVIDER_ID, chatId: customers[n % 5].conversationId, message: `reply ${n}` }));
				}
			}
			await waitFor(() => customers.every((c) => sync.planfixMessages(c.conversationId).length >= 10), 'all 50 messages in Planfix', 90_000);
			expect((await Promise.all(replies)).map((r) => r.status)).toEqual([200, 200]);
			const rows = await newExecutions(before);
			for (const [i, c] of customers.entries()) {
				const got = sync.planfixMessages(c.conversationId);
				expect(got.map((m) => m.message)).toEqual(Array.from({ length: 10 }, (_, n) => `chat ${i} message ${n}`));
				expect(got.every((m) => m.isEcho === false)).toBe(true);
			}
			// two replies: each posted once by the bridge, each stopped by the loop guard
			for (const n of [3, 6]) {
				const posted = sync.haveFunnelsMessages(customers[n % 5]).filter((m) => m.message === `reply ${n}`);
				expect(posted).toEqual([expect.objectContaining({ user_id: String(sync.bridge.id) })]);
			}
			expect(rows.filter((r) => r.workflowId === HF_EVENTS)).toHaveLength(52);
			expect(rows.filter((r) => r.workflowId === PLANFIX_REPLIES)).toHaveLength(2);
			expect(Date.now() - started).toBeLessThan(90_000);
		}, 150_000);

		it('transient failures (5xx, 429) of all three services lose nothing and duplicate nothing', async () => {
			const c = sync.newCustomer({ firstName: 'Faulty', lastName: 'Tester', email: 'faulty@acme.test', title: 'Flaky day' });
			const hfFn = (fn: string) => (r: RecordedRequest) => r.form?.fields?.function === fn;
			const planfixCmd = (cmd: string) => (r: RecordedRequest) => r.form?.fields?.cmd === cmd;
			// HaveFunnels: reads fail once each with 502 and 429
			sync.haveFunnels.inject({ status: 502, match: hfFn('get-conversation') });
			sync.haveFunnels.inject({ status: 429, retryAfter: 1, match: hfFn('get-user') });
			// Planfix: newMessage refused with 503 twice, then rate limited once
			sync.planfix.inject({ status: 503, times: 2, match: planfixCmd('newMessage') });
			sync.planfix.inject({ status: 429, retryAfter: 1, match: planfixCmd('newMessage') });
			const before = await executionCount();
			for (let n = 0; n < 3; n++) await sync.customerWrites({ conversation: c, message: `flaky ${n}` });
			await waitFor(() => sync.planfixMessages(c.conversationId).length >= 3, 'three messages in Planfix', 60_000);
			await settled();

			// the reply: HaveFunnels refuses the post once (503), Planfix the status report once (500)
			sync.haveFunnels.inject({ status: 503, match: hfFn('send-message') });
			sync.planfix.inject({ status: 500, match: planfixCmd('messageStatus') });
			const reply = await sync.planfix.agent.reply({ providerId: PROVIDER_ID, chatId: c.conversationId, message: 'Sorry for the trouble' });
			expect(reply.status).toBe(200);
			expect(reply.answer).toEqual({ chatId: c.conversationId, contactId: c.userId });

			// the archive: Planhat rate limits the end user lookup, then fails the upsert with 503
			sync.planhat.inject({ status: 429, retryAfter: 1, match: (r) => r.method === 'GET' && r.path === '/endusers' });
			sync.planhat.inject({ status: 503, match: (r) => r.method === 'PUT' && r.path === '/conversations' });
			await sync.setStatus(c, 3);
			await waitFor(() => sync.planhat.getConversation(`extid-havefunnels-${c.conversationId}`), 'the Planhat conversation', 60_000);
			const rows = await newExecutions(before);

			// Exactly once each. Not necessarily in order: a message whose call is retried 2 s later is
			// overtaken by the next ones (each webhook is its own execution; README: Retries, duplicates, order).
			expect(sync.planfixMessages(c.conversationId).map((m) => m.message).sort()).toEqual(['flaky 0', 'flaky 1', 'flaky 2']);
			expect(sync.haveFunnelsMessages(c).filter((m) => m.message === 'Sorry for the trouble')).toHaveLength(1);
			expect(statusReports(reply.messageId)).toEqual([['sent', undefined]]);
			expect(sync.planhat.conversations.filter((x) => x.externalId === `havefunnels-${c.conversationId}`)).toHaveLength(1);
			expect(sync.planhat.endusers.filter((e) => e.email === 'faulty@acme.test')).toHaveLength(1);
			// every fault was met (and answered by a retry)
			for (const standIn of [sync.haveFunnels, sync.planfix, sync.planhat]) expect(standIn.faults).toEqual([]);
			const faulted = [sync.haveFunnels, sync.planfix, sync.planhat].flatMap((s) => s.requests.filter((r: RecordedRequest) => r.fault)).length;
			expect(faulted).toBeGreaterThanOrEqual(9);
			expect(rows.every((r) => r.status === 'success')).toBe(true);
		}, 120_000);
	});

	describe('5. Planhat Automation → proactive HaveFunnels message', () => {
		it('writes to the customer in a new conversation as the configured agent; the message reaches Planfix as an echo', async () => {
			const answer = await sync.planhatAutomation({ email: 'Kim@Acme.test', firstName: 'Kim', message: 'Your renewal is due next month', subject: 'Renewal' });
			expect(answer.status).toBe(200);
			const user = await waitFor((): HaveFunnelsUser | null => sync.haveFunnels.state.userByEmail('kim@acme.test'), 'the new customer');
			const conv = await waitFor(
				() => [...(sync.haveFunnels.state.conversations as Map<number, HaveFunnelsConversation>).values()].find((x) => x.user_id === user.id),
				'the conversation',
			);
			expect(conv.title).toBe('Renewal');
			await waitFor(() => sync.planfixMessages(String(conv.id)).length === 1, 'the echo in Planfix');
			expect(sync.haveFunnelsMessages(conv.id)).toEqual([expect.objectContaining({ user_id: String(sync.agent.id), message: 'Your renewal is due next month' })]);
			expect(sync.planfixMessages(String(conv.id))[0]).toMatchObject({ isEcho: true, userEmail: 'bruce@havefunnels.test', title: 'Renewal' });

			const again = await sync.planhatAutomation({ email: 'kim@acme.test', message: 'Reminder' });
			expect(again.status).toBe(200);
			await waitFor(() => [...(sync.haveFunnels.state.conversations as Map<number, HaveFunnelsConversation>).values()].filter((x) => x.user_id === user.id).length === 2, 'a second conversation');
			expect([...(sync.haveFunnels.state.users as Map<number, HaveFunnelsUser>).values()].filter((u) => u.email === 'kim@acme.test')).toHaveLength(1);
			await settled();
		});

		it('a request without the secret is refused and starts nothing', async () => {
			const before = (await settled()).length;
			const answer = await sync.planhatAutomation({ email: 'x@acme.test', message: 'Hi' }, { secret: 'wrong' });
			expect(answer.status).toBe(401);
			expect((await settled()).length).toBe(before);
		});
	});
});
