/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code runs in Node.js, not in n8n's node sandbox */
/**
 * Contract tests of the HaveFunnels stand-in: the sample requests and responses of
 * shared/api-docs/havefunnels-web-api.txt (fixtures/doc-samples.json), and one test per HaveFunnels
 * point of CONTRACT-NOTES.md (JSON-string arrays, success:false at 200, status:error at 200 and
 * 4xx, text/html with `\/`, not-found answers, webhook format and no retries, agent vs customer).
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

import { HF_CONTRACT_TOKEN } from '../fixture-secrets';
import { createHaveFunnelsStandIn, FUNCTIONS, WEBHOOK_EVENTS, type HaveFunnelsStandIn } from './havefunnels';
import docSamples from './havefunnels/fixtures/doc-samples.json';

const TOKEN = HF_CONTRACT_TOKEN;
const KEY = 'hook-secret-key';

/** A documented sample: calls to make first, the request, and the answer (the whole body, or its response). */
interface DocSample {
	setup?: Array<Record<string, string>>;
	request: Record<string, string>;
	body?: { success: boolean; response: unknown };
	response?: unknown;
}
const DOC_SAMPLES = docSamples as unknown as Record<string, DocSample>;

/** An API answer: {success, response}, or {status: 'error', response, message}. */
interface ApiBody<T> {
	success?: boolean;
	status?: string;
	response: T;
	message?: string;
}

interface Answer<T = unknown> {
	status: number;
	contentType: string;
	raw: string;
	/** The parsed body (undefined when the text is not JSON). */
	json: ApiBody<T>;
	headers: Headers;
}

// What the tests read of the answers (the stand-in prints IDs and codes as strings, like PHP).
interface UserRow {
	id: string;
	first_name: string;
	last_name?: string;
	email: string | null;
	user_type: string;
	profile_image?: string;
	/** Extra details as columns (get-users with extra=true). */
	phone?: string;
	/** Extra details (get-user with extra=true). */
	details?: Array<{ slug: string; name: string; value: string }>;
}

interface MessageRow {
	id: string;
	user_id: string;
	message: string;
	creation_time: string;
	/** JSON texts. */
	attachments: string;
	payload: string;
	status_code: string;
	conversation_id: string;
}

interface Conversation {
	messages: MessageRow[];
	details: { id: string; user_id: string; title: string; conversation_status_code: string };
}

interface Article {
	id: string;
	title: string;
	content: string;
}

interface SentMessage {
	status: string;
	/** The page's key; `id` when the stand-in is set to answer that way. */
	'message-id'?: number;
	id?: number;
	queue: boolean;
	notifications: string[];
}

let hf: HaveFunnelsStandIn;

async function post<T = unknown>(body: string, path = '/script/include/api.php', contentType = 'application/x-www-form-urlencoded'): Promise<Answer<T>> {
	const response = await fetch(`${hf.url}${path}`, { method: 'POST', headers: { 'Content-Type': contentType }, body });
	const raw = await response.text();
	let json: ApiBody<T> | undefined;
	try {
		json = JSON.parse(raw) as ApiBody<T>;
	} catch {
		json = undefined;
	}
	return { status: response.status, contentType: response.headers.get('content-type') || '', raw, json: json as ApiBody<T>, headers: response.headers };
}

/** Calls a function like the vendor's PHP sample: token + function + arguments, form-encoded. */
function api<T = unknown>(fn: string, args: Record<string, string> = {}, token: string | null = TOKEN, path?: string): Promise<Answer<T>> {
	const form = new URLSearchParams();
	if (token !== null) form.append('token', token);
	form.append('function', fn);
	for (const [k, v] of Object.entries(args)) form.append(k, v);
	return post<T>(form.toString(), path);
}

// ---------- a webhook receiver ----------

/** A webhook as HaveFunnels sends it. */
interface WebhookBody {
	function: string;
	key: string;
	data: unknown;
	'sender-url': string;
}

interface Received {
	headers: http.IncomingHttpHeaders;
	raw: string;
	/** The parsed body (undefined when the text is not JSON). */
	json: WebhookBody;
}

class Receiver {
	server!: http.Server;
	url = '';
	received: Received[] = [];
	status = 200;
	delayMs = 0;

	async start(): Promise<this> {
		this.server = http.createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c) => chunks.push(c));
			req.on('end', () => {
				const raw = Buffer.concat(chunks).toString('utf8');
				let json: WebhookBody | undefined;
				try {
					json = JSON.parse(raw) as WebhookBody;
				} catch {
					json = undefined;
				}
				this.received.push({ headers: req.headers, raw, json: json as WebhookBody });
				const answer = () => {
					if (res.destroyed) return;
					res.writeHead(this.status, { 'Content-Type': 'application/json' });
					res.end(JSON.stringify({ received: true }));
				};
				if (this.delayMs) setTimeout(answer, this.delayMs);
				else answer();
			});
		});
		await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', () => r()));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhook/hf`;
		return this;
	}

	async stop(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise<void>((r) => this.server.close(() => r()));
	}
}

let receiver: Receiver;

beforeAll(async () => {
	receiver = await new Receiver().start();
});

afterAll(async () => {
	await receiver.stop();
});

beforeEach(async () => {
	receiver.received = [];
	receiver.status = 200;
	receiver.delayMs = 0;
	hf = await createHaveFunnelsStandIn({ token: TOKEN, webhookUrl: receiver.url, webhookKey: KEY, seedCustomers: true }).start();
});

afterEach(async () => {
	await hf.stop();
});

// ---------- shape comparison for the documented samples ----------

function kind(v: unknown): string {
	if (v === null) return 'null';
	if (Array.isArray(v)) return 'array';
	return typeof v;
}

/** Every key of the sample exists in the actual value with the same JSON type (a sample `null`
 * also admits a string: the page prints unset columns, the stand-in may have them set).
 * Objects whose keys are all numeric IDs are maps: each actual entry is compared with the first
 * sample entry. Arrays: each actual item against the sample's first item; the top-level list must
 * not be empty (nested lists such as `notifications` may be). */
function expectShape(actual: unknown, sample: unknown, where = 'response'): void {
	if (sample === null) {
		expect([where, ['null', 'string'].includes(kind(actual))]).toEqual([where, true]);
		return;
	}
	expect([where, kind(actual)]).toEqual([where, kind(sample)]);
	if (Array.isArray(sample)) {
		// kind(actual) is 'array' too (checked above)
		const items = actual as unknown[];
		if (where === 'response' && sample.length) expect([where, items.length > 0]).toEqual([where, true]);
		if (sample.length) for (const [i, item] of items.entries()) expectShape(item, sample[0], `${where}[${i}]`);
		return;
	}
	if (kind(sample) !== 'object') return;
	// both are objects (checked above)
	const expected = sample as Record<string, unknown>;
	const fields = actual as Record<string, unknown>;
	const keys = Object.keys(expected);
	if (keys.length && keys.every((k) => /^\d+$/.test(k))) {
		expect([where, Object.keys(fields).length > 0]).toEqual([where, true]);
		for (const [k, v] of Object.entries(fields)) {
			expect([where, /^\d+$/.test(k)]).toEqual([where, true]);
			expectShape(v, expected[keys[0]], `${where}.${k}`);
		}
		return;
	}
	for (const k of keys) {
		expect([`${where}.${k}`, k in fields]).toEqual([`${where}.${k}`, true]);
		expectShape(fields[k], expected[k], `${where}.${k}`);
	}
}

describe('documented sample requests and responses', () => {
	const names = Object.keys(DOC_SAMPLES).filter((k) => !k.startsWith('_'));

	it('covers every function the HaveFunnels node calls (issue 6)', () => {
		const nodeFunctions = [
			'get-user', 'get-users', 'get-new-users', 'search-users', 'get-online-users', 'add-user', 'update-user',
			'delete-user', 'delete-users', 'get-user-extra', 'is-online', 'count-users', 'update-user-to-lead', 'get-agent',
			'get-agents-ids', 'get-user-from-conversation', 'get-conversation', 'get-conversations', 'get-new-conversations',
			'get-user-conversations', 'search-conversations', 'search-user-conversations', 'new-conversation',
			'update-conversation-status', 'update-conversation-department', 'update-conversation-agent', 'set-rating',
			'get-rating', 'count-conversations', 'transcript', 'get-agents-in-conversation', 'check-conversations-assignment',
			'send-message', 'update-message', 'delete-message', 'get-new-messages', 'update-messages-status', 'direct-message',
			'get-notes', 'add-note', 'delete-note', 'get-departments', 'send-email', 'send-custom-email', 'send-sms',
			'push-notification', 'get-articles', 'search-articles', 'get-articles-categories',
		];
		expect(nodeFunctions.filter((f) => !FUNCTIONS[f])).toEqual([]);
		expect(nodeFunctions.filter((f) => !names.includes(f))).toEqual([]);
	});

	it.each(names)('%s answers the documented shape', async (name) => {
		const sample = DOC_SAMPLES[name];
		for (const step of sample.setup || []) {
			const { function: fn, ...args } = step;
			expect((await api(fn, args)).json.success).toBe(true);
		}
		const answer = await api(name, sample.request);
		expect(answer.status).toBe(200);
		expect(answer.json.success).toBe(true);
		if (sample.body) {
			expect(Object.keys(answer.json).sort()).toEqual(Object.keys(sample.body).sort());
			expectShape(answer.json.response, sample.body.response);
		} else expectShape(answer.json.response, sample.response);
		// The request went over the wire as the page describes: token + function + arguments.
		const recorded = hf.calls(name).pop();
		expect(recorded!.form!.fields).toEqual({ token: TOKEN, function: name, ...sample.request });
	});
});

describe('effects of the documented functions', () => {
	it('add-user stores extra details {slug:[value,label]} and get-user returns them', async () => {
		const created = await api('add-user', {
			first_name: 'Jessica',
			last_name: 'Brenson',
			email: 'jessica@example.com',
			user_type: 'lead',
			extra: JSON.stringify({ phone: ['+4462999345', 'Phone'], company: ['ACME', 'Company'] }),
		});
		expect(typeof created.json.response).toBe('number');
		const user = (await api<UserRow>('get-user', { user_id: String(created.json.response), extra: 'true' })).json.response;
		expect(user).toMatchObject({ id: String(created.json.response), first_name: 'Jessica', email: 'jessica@example.com', user_type: 'lead' });
		expect(user.details).toEqual([
			{ slug: 'phone', name: 'Phone', value: '+4462999345' },
			{ slug: 'company', name: 'Company', value: 'ACME' },
		]);
		// Without extra=true: no details.
		expect((await api<UserRow>('get-user', { user_id: String(created.json.response) })).json.response.details).toBeUndefined();
	});

	it('get-users pages by 100 (pagination 1 = 1-100, 2 = 101-200) and sorts', async () => {
		for (let i = 0; i < 150; i++) hf.addUser({ first_name: `P${String(i).padStart(3, '0')}`, user_type: 'visitor' });
		const args = { user_types: '["visitor"]', sorting: '["first_name","ASC"]' };
		const p1 = (await api<UserRow[]>('get-users', { ...args, pagination: '1' })).json.response;
		const p2 = (await api<UserRow[]>('get-users', { ...args, pagination: '2' })).json.response;
		const p3 = (await api<UserRow[]>('get-users', { ...args, pagination: '3' })).json.response;
		expect(p1).toHaveLength(100);
		expect(p2).toHaveLength(50);
		expect(p3).toEqual([]);
		expect(p1[0].first_name).toBe('P000');
		expect(p2[49].first_name).toBe('P149');
		expect(new Set([...p1, ...p2].map((u) => u.id)).size).toBe(150);
	});

	it('get-users filters by user_ids and search, and adds extra details as columns', async () => {
		const res = await api<UserRow[]>('get-users', { user_ids: '[4, 2]', extra: 'true' });
		expect(res.json.response.map((u) => u.id).sort()).toEqual(['2', '4']);
		const john = res.json.response.find((u) => u.id === '4');
		expect(john!.phone).toBe('+44123456');
		const search = await api<UserRow[]>('get-users', { search: 'bruce' });
		expect(search.json.response.map((u) => u.id)).toEqual(['2']);
	});

	it('get-conversations pages by 100 as well, newest last message first', async () => {
		for (let i = 0; i < 120; i++) {
			const c = hf.addConversation({ user_id: 4, status_code: 2 });
			hf.addMessage({ user_id: 4, conversation_id: c.id, message: `m${i}`, creation_time_ms: Date.now() + i * 1000 });
		}
		const p1 = (await api<MessageRow[]>('get-conversations', { pagination: '1' })).json.response;
		const p2 = (await api<MessageRow[]>('get-conversations', { pagination: '2' })).json.response;
		expect([p1.length, p2.length]).toEqual([100, 21]);
		expect(p1[0].message).toBe('m119');
		expect(p2[20].conversation_id).toBe('1');
		expect((await api('count-conversations')).json.response).toBe(121);
	});

	it('get-new-users / get-new-conversations / get-new-messages take an ID or a UTC date', async () => {
		let clock = Date.UTC(2024, 2, 1, 12, 0, 0);
		await hf.stop();
		hf = await createHaveFunnelsStandIn({ token: TOKEN, seedCustomers: true, now: () => clock }).start();
		clock = Date.UTC(2024, 2, 3, 9, 30, 0);
		const id = (await api('add-user', { first_name: 'New', email: 'new@example.com' })).json.response;
		const conv = (await api<Conversation>('new-conversation', { user_id: String(id) })).json.response.details.id;
		const sent = (await api<SentMessage>('send-message', { user_id: String(id), conversation_id: conv, message: 'hi' })).json.response['message-id'];
		await api('send-message', { user_id: '2', conversation_id: '1', message: 'late reply' });
		expect((await api<UserRow[]>('get-new-users', { datetime: '4' })).json.response.map((u) => u.id)).toEqual([String(id)]);
		expect((await api<UserRow[]>('get-new-users', { datetime: '2024-03-02' })).json.response.map((u) => u.id)).toEqual([String(id)]);
		expect((await api('get-new-users', { datetime: '2024-03-03 09:30:00' })).json.response).toEqual([]);
		const newConvs = (await api<MessageRow[]>('get-new-conversations', { datetime: '2024-03-02 00:00:00' })).json.response;
		expect(newConvs.map((r) => r.conversation_id).sort()).toEqual(['1', conv]);
		const newMsgs = (await api<MessageRow[]>('get-new-messages', { conversation_id: conv, datetime: String(sent! - 1) })).json.response;
		expect(newMsgs.map((m) => [m.id, m.message, m.creation_time])).toEqual([[String(sent), 'hi', '2024-03-03 09:30:00']]);
	});

	it('get-conversations excludes archive/trash by default and filters by status, department, source', async () => {
		const u = hf.addUser({ first_name: 'Ann', user_type: 'user', email: 'ann@example.com' });
		const wa = hf.addConversation({ user_id: u.id, status_code: 3, source: 'wa', department: 2 });
		hf.addMessage({ user_id: u.id, conversation_id: wa.id, message: 'archived whatsapp' });
		expect((await api<MessageRow[]>('get-conversations')).json.response.map((r) => r.conversation_id)).toEqual(['1']);
		expect((await api<MessageRow[]>('get-conversations', { status_code: '3' })).json.response.map((r) => r.conversation_id)).toEqual([String(wa.id)]);
		expect((await api('get-conversations', { status_code: '3', source: 'wa' })).json.response).toHaveLength(1);
		expect((await api('get-conversations', { status_code: '3', source: 'em' })).json.response).toEqual([]);
		expect((await api<MessageRow[]>('get-conversations', { department: '1' })).json.response.map((r) => r.conversation_id)).toEqual(['1']);
	});

	it('update-conversation-status stores the status and rejects an invalid one with success:false', async () => {
		expect((await api('update-conversation-status', { conversation_id: '1', status_code: '3' })).json).toEqual({ success: true, response: true });
		expect((await api<Conversation>('get-conversation', { conversation_id: '1' })).json.response.details.conversation_status_code).toBe('3');
		const bad = await api('update-conversation-status', { conversation_id: '1', status_code: '9' });
		expect([bad.status, bad.json]).toEqual([200, { success: false, response: 'invalid-status-code' }]);
	});

	it('send-message sets the waiting status by sender, honours skip, and update-messages-status marks read', async () => {
		await api('send-message', { user_id: '4', conversation_id: '1', message: 'from the customer' });
		expect((await api<Conversation>('get-conversation', { conversation_id: '1' })).json.response.details.conversation_status_code).toBe('2');
		await api('send-message', { user_id: '2', conversation_id: '1', message: 'from the agent' });
		expect((await api<Conversation>('get-conversation', { conversation_id: '1' })).json.response.details.conversation_status_code).toBe('1');
		await api('send-message', { user_id: '4', conversation_id: '1', message: 'skip', conversation_status_code: 'skip' });
		const conv = (await api<Conversation>('get-conversation', { conversation_id: '1' })).json.response;
		expect(conv.details.conversation_status_code).toBe('1');
		const ids = conv.messages.map((m) => Number(m.id));
		await api('update-messages-status', { message_ids: JSON.stringify(ids), user_id: '4' });
		const after = (await api<Conversation>('get-conversation', { conversation_id: '1' })).json.response.messages;
		expect(after.map((m) => m.status_code)).toEqual(ids.map(() => '2'));
	});

	it('notes: add-note returns the ID, get-notes lists, delete-note removes', async () => {
		const id = (await api('add-note', { conversation_id: '1', user_id: '2', name: 'Call', message: 'Called back' })).json.response;
		expect(typeof id).toBe('number');
		expect((await api('get-notes', { conversation_id: '1' })).json.response).toEqual([{ id, user_id: '2', name: 'Call', message: 'Called back' }]);
		expect((await api('delete-note', { conversation_id: '1', note_id: String(id) })).json.response).toBe(true);
		expect((await api('get-notes', { conversation_id: '1' })).json.response).toEqual([]);
	});

	it('get-articles: truncated content, full content, a single article, categories', async () => {
		const short = (await api<Article[]>('get-articles')).json.response;
		expect(short).toHaveLength(3);
		expect(short[0].content.endsWith(' ...')).toBe(true);
		const full = (await api<Article[]>('get-articles', { full: 'true' })).json.response;
		expect(full[0].content.endsWith(' ...')).toBe(false);
		expect((await api<Article>('get-articles', { id: 'qf7kD' })).json.response.title).toBe('Should I move to the new system?');
		const both = (await api<unknown[]>('get-articles', { categories: 'true' })).json.response;
		expect(both[1]).toEqual([{ id: 'K92kl', title: 'Getting started' }, { id: 'ols85', title: 'Billing' }]);
		expect((await api<Article[]>('get-articles', { categories: 'ols85' })).json.response.map((a) => a.id)).toEqual(['b7Hn2']);
		expect((await api<Article[]>('search-articles', { search: 'invoice' })).json.response.map((a) => a.id)).toEqual(['b7Hn2']);
	});

	it('transcript returns a URL under the installation that serves the file', async () => {
		const url = (await api<string>('transcript', { conversation_id: '1', type: 'txt' })).json.response;
		expect(url).toBe(`${hf.url}/script/uploads/conversation-1.txt`);
		const text = await (await fetch(url)).text();
		expect(text).toContain('John Doe: Hello! I need help.');
	});

	it('notifications are recorded in the outbox', async () => {
		await api('send-email', { recipient_id: '4', message: 'Hi John' });
		await api('send-sms', { to: '+15305431221', message: 'Hi', template: 'false' });
		await api('push-notification', { title: 'T', message: 'M' });
		expect(hf.state.outbox.emails).toMatchObject([{ recipient_id: 4, to: 'john@example.com', message: 'Hi John' }]);
		expect(hf.state.outbox.sms).toMatchObject([{ to: '+15305431221', body: 'Hi', template: false }]);
		expect(hf.state.outbox.push).toMatchObject([{ kind: 'push', title: 'T', message: 'M' }]);
	});
});

describe('CONTRACT-NOTES quirks', () => {
	it('serves include/api.php at the installation root and under a prefix; other paths are 404', async () => {
		expect((await api('count-users', {}, TOKEN, '/include/api.php')).json.success).toBe(true);
		expect((await api('count-users', {}, TOKEN, '/script/include/api.php')).json.success).toBe(true);
		expect((await api('count-users', {}, TOKEN, '/api/count-users')).status).toBe(404);
	});

	it('arrays and objects arrive as JSON strings inside form fields (attachments, payload, user_types)', async () => {
		const attachments = [['invoice.pdf', 'https://files.example.com/invoice.pdf'], ['photo.png', 'https://files.example.com/photo.png']];
		const sent = await api('send-message', {
			user_id: '2',
			conversation_id: '1',
			message: 'See attached',
			attachments: JSON.stringify(attachments),
			payload: JSON.stringify({ order: 42 }),
		});
		expect(sent.json.success).toBe(true);
		const rec = hf.calls('send-message')[0];
		expect(rec.form!.fields.attachments).toBe(JSON.stringify(attachments)); // one field, a JSON text
		const msg = (await api<Conversation>('get-conversation', { conversation_id: '1' })).json.response.messages.pop()!;
		// Stored and printed back as JSON texts too.
		expect(JSON.parse(msg.attachments)).toEqual(attachments);
		expect(JSON.parse(msg.payload)).toEqual({ order: 42 });
		const leads = await api<UserRow[]>('get-users', { user_types: '["lead"]' });
		expect(leads.json.response.map((u) => u.user_type)).toEqual(['lead']);
	});

	it('a non-JSON array argument acts like a failed json_decode (default applies)', async () => {
		const all = (await api<UserRow[]>('get-users')).json.response.length;
		expect((await api('get-users', { user_types: 'lead' })).json.response).toHaveLength(all);
	});

	it('reads the form as PHP does: a repeated plain key keeps its last value; key[] builds arrays', async () => {
		const res = await post<UserRow>(`token=${TOKEN}&function=get-user&user_id=2&user_id=4`);
		expect(res.json.response.id).toBe('4');
		const brackets = await post<UserRow[]>(`token=${TOKEN}&function=get-users&user_types[]=agent&user_types[]=bot`);
		expect(brackets.json.response.map((u) => u.user_type).sort()).toEqual(['agent', 'bot']);
	});

	it('multipart/form-data fields reach $_POST too (PHP parses both form encodings)', async () => {
		const form = new FormData();
		form.append('token', TOKEN);
		form.append('function', 'get-users');
		form.append('user_types', '["agent"]');
		const response = await fetch(`${hf.url}/include/api.php`, { method: 'POST', body: form });
		const body = JSON.parse(await response.text()) as ApiBody<UserRow[]>;
		expect(body.response.map((u) => u.id)).toEqual(['2']);
		expect(hf.calls('get-users')[0].args).toEqual({ token: TOKEN, function: 'get-users', user_types: '["agent"]' });
	});

	it('update-user refuses an email or phone of another user with success:false', async () => {
		const other = hf.addUser({ first_name: 'Ann', email: 'ann@example.com', user_type: 'user' });
		const email = await api('update-user', { user_id: String(other.id), email: 'john@example.com' });
		expect(email.json).toEqual({ success: false, response: 'duplicate-email' });
		const phone = await api('update-user', { user_id: String(other.id), settings_extra: '{"phone":["+44123456","Phone"]}' });
		expect(phone.json).toEqual({ success: false, response: 'duplicate-phone' });
		const own = await api('update-user', { user_id: '4', email: 'john@example.com', settings_extra: '{"phone":["+44123456","Phone"]}' });
		expect(own.json).toEqual({ success: true, response: true });
		const cleared = await api('update-user', { user_id: '4', email: 'NULL' });
		expect(cleared.json.response).toBe(true);
		expect((await api<UserRow>('get-user', { user_id: '4' })).json.response.email).toBeNull();
	});

	it('validation failures are success:false at HTTP 200 (duplicate-email, duplicate-phone, invalid-user-type, user-not-found)', async () => {
		const dupEmail = await api('add-user', { first_name: 'X', email: 'john@example.com' });
		expect([dupEmail.status, dupEmail.json]).toEqual([200, { success: false, response: 'duplicate-email' }]);
		const dupPhone = await api('add-user', { first_name: 'X', extra: JSON.stringify({ phone: ['+44123456', 'Phone'] }) });
		expect([dupPhone.status, dupPhone.json]).toEqual([200, { success: false, response: 'duplicate-phone' }]);
		const badType = await api('add-user', { first_name: 'X', user_type: 'customer' });
		expect([badType.status, badType.json]).toEqual([200, { success: false, response: 'invalid-user-type' }]);
		const noUser = await api('new-conversation', { user_id: '999' });
		expect([noUser.status, noUser.json]).toEqual([200, { success: false, response: 'user-not-found' }]);
		expect(hf.state.users.size).toBe(4); // nothing was created
	});

	it('API errors are {status:"error",response,message} with 401/404/400 on recent versions', async () => {
		const wrong = await api('get-user', { user_id: '1' }, 'not-the-token');
		expect(wrong.status).toBe(401);
		expect(wrong.json).toEqual({ status: 'error', response: 'invalid-token', message: expect.any(String) });
		const missing = await api('get-user', { user_id: '1' }, null);
		expect([missing.status, missing.json.status, missing.json.response]).toEqual([401, 'error', 'missing-token']);
		const unknown = await api('no-such-function');
		expect([unknown.status, unknown.json.status, unknown.json.response]).toEqual([404, 'error', 'function-not-found']);
		const noArg = await api('get-user');
		expect([noArg.status, noArg.json]).toEqual([400, { status: 'error', response: 'missing-argument', message: 'Missing argument: user_id' }]);
		expect(JSON.stringify(wrong.json)).not.toContain('not-the-token');
	});

	it('API errors arrive at HTTP 200 on older versions (legacyErrors), same body', async () => {
		hf.setLegacyErrors(true);
		const wrong = await api('get-user', { user_id: '1' }, 'not-the-token');
		expect([wrong.status, wrong.json.status, wrong.json.response]).toEqual([200, 'error', 'invalid-token']);
		const unknown = await api('no-such-function');
		expect([unknown.status, unknown.json.response]).toEqual([200, 'function-not-found']);
		const noArg = await api('send-message', { user_id: '2' });
		expect([noArg.status, noArg.json.response, noArg.json.message]).toEqual([200, 'missing-argument', 'Missing argument: conversation_id']);
	});

	it('a JSON body is not read by PHP: the token is missing', async () => {
		const res = await post(JSON.stringify({ token: TOKEN, function: 'count-users' }), '/include/api.php', 'application/json');
		expect([res.status, res.json.response]).toEqual([401, 'missing-token']);
	});

	it('answers JSON as text/html with PHP escaping (\\/ and \\uXXXX): parse the text, not the type', async () => {
		hf.addUser({ first_name: 'Zoë', email: 'zoe@example.com', user_type: 'user', profile_image: 'https://cdn.example.com/a/b.png' });
		const res = await api<UserRow[]>('search-users', { search: 'zoe@' });
		expect(res.contentType).toMatch(/^text\/html/);
		expect(res.raw).toContain('"profile_image":"https:\\/\\/cdn.example.com\\/a\\/b.png"');
		expect(res.raw).toContain('Zo\\u00eb');
		expect(res.raw).not.toContain('https://');
		expect(res.json.response[0]).toMatchObject({ first_name: 'Zoë', profile_image: 'https://cdn.example.com/a/b.png' });
	});

	it('"not found" is a success with response false, [] or the documented empty value', async () => {
		expect((await api('get-user', { user_id: '999' })).json).toEqual({ success: true, response: false });
		expect((await api('get-user-extra', { user_id: '999' })).json).toEqual({ success: true, response: [] });
		expect((await api('search-users', { search: 'nobody-matches' })).json).toEqual({ success: true, response: [] });
		expect((await api('get-agent', { agent_id: '4' })).json).toEqual({ success: true, response: false });
		expect((await api('get-user-from-conversation', { conversation_id: '999' })).json).toEqual({ success: true, response: false });
		expect((await api('get-conversation', { conversation_id: '999' })).json).toEqual({ success: true, response: { messages: [], details: '' } });
		expect((await api('get-user-conversations', { user_id: '999' })).json).toEqual({ success: true, response: [] });
		expect((await api('search-conversations', { search: 'nothing-like-this' })).json).toEqual({ success: true, response: [] });
		expect((await api('get-new-messages', { conversation_id: '999', datetime: '0' })).json).toEqual({ success: true, response: [] });
		expect((await api('transcript', { conversation_id: '999' })).json).toEqual({ success: true, response: false });
		expect((await api('get-notes', { conversation_id: '999' })).json).toEqual({ success: true, response: [] });
		expect((await api('search-articles', { search: 'zzz' })).json).toEqual({ success: true, response: [] });
		// An empty PHP associative array prints as [] (not {}).
		expect((await api('get-agents-in-conversation', { conversation_id: '999' })).json).toEqual({ success: true, response: [] });
	});

	it('send-message answers "message-id" (page) or "id" (seen elsewhere), as configured', async () => {
		const page = await api('send-message', { user_id: '2', conversation_id: '1', message: 'a' });
		expect(page.json.response).toEqual({ status: 'success', 'message-id': 3, queue: false, notifications: [] });
		hf.options.messageIdKey = 'id';
		const other = await api<SentMessage>('send-message', { user_id: '2', conversation_id: '1', message: 'b' });
		expect(other.json.response).toMatchObject({ status: 'success', id: 4 });
		expect(other.json.response['message-id']).toBeUndefined();
	});
});

describe('webhooks', () => {
	it('message-sent for a message sent through the API: JSON {function,key,data,sender-url}, application/json', async () => {
		await api('send-message', {
			user_id: '4',
			conversation_id: '1',
			message: 'Where is my order?',
			attachments: '[["a.png","https://files.example.com/a.png"]]',
		});
		expect(receiver.received).toHaveLength(1);
		const [hook] = receiver.received;
		expect(hook.headers['content-type']).toBe('application/json');
		expect(Object.keys(hook.json).sort()).toEqual(['data', 'function', 'key', 'sender-url']);
		expect(hook.json).toEqual({
			function: 'message-sent',
			key: KEY,
			'sender-url': `${hf.url}/script`,
			data: {
				user_id: '4',
				message_id: '3',
				message: 'Where is my order?',
				attachments: [['a.png', 'https://files.example.com/a.png']],
				conversation_user_id: '4',
				conversation_id: '1',
				conversation_status_code: '2',
				conversation_source: '',
			},
		});
		// Printed by PHP's json_encode: escaped slashes in the raw text.
		expect(hook.raw).toContain('https:\\/\\/files.example.com\\/a.png');
		expect(hf.webhooks[0]).toMatchObject({ event: 'message-sent', status: 200, responseText: '{"received":true}', error: null });
	});

	it('agent vs customer: a reply carries user_id different from conversation_user_id', async () => {
		await api('send-message', { user_id: '4', conversation_id: '1', message: 'customer' });
		await api('send-message', { user_id: '2', conversation_id: '1', message: 'agent' });
		const [customer, agent] = receiver.received.map((r) => r.json.data as { user_id: string; conversation_user_id: string });
		expect(customer.user_id).toBe(customer.conversation_user_id);
		expect(agent.user_id).toBe('2');
		expect(agent.conversation_user_id).toBe('4');
		expect(agent.user_id).not.toBe(agent.conversation_user_id);
	});

	it('new-conversation-created and conversation-status-updated fire from the API', async () => {
		const created = (await api<Conversation>('new-conversation', { user_id: '4', title: 'Refund', status_code: '2' })).json.response;
		await api('update-conversation-status', { conversation_id: created.details.id, status_code: '3' });
		expect(receiver.received.map((r) => r.json.function)).toEqual(['new-conversation-created', 'conversation-status-updated']);
		expect(receiver.received[0].json.data).toEqual({ details: expect.objectContaining({ id: created.details.id, user_id: '4', title: 'Refund', conversation_status_code: '2', department: '', agent_id: '' }) });
		expect(receiver.received[1].json.data).toEqual({ conversation_id: created.details.id, status_code: '3' });
	});

	it('message-deleted and user-deleted carry the ID as data', async () => {
		await api('delete-message', { message_id: '2' });
		await api('delete-user', { user_id: '4' });
		expect(receiver.received.map((r) => [r.json.function, r.json.data])).toEqual([
			['message-deleted', '2'],
			['user-deleted', '4'],
		]);
		expect((await api<{ details: unknown }>('get-conversation', { conversation_id: '1' })).json.response.details).toBe(''); // deleted with the user
	});

	it('only active events are sent (empty list = all)', async () => {
		hf.setWebhook({ url: receiver.url, key: KEY, events: 'conversation-status-updated' });
		await api('send-message', { user_id: '4', conversation_id: '1', message: 'not sent' });
		await api('update-conversation-status', { conversation_id: '1', status_code: '0' });
		expect(receiver.received.map((r) => r.json.function)).toEqual(['conversation-status-updated']);
		hf.setWebhook({ url: receiver.url, key: KEY, enabled: false });
		await api('update-conversation-status', { conversation_id: '1', status_code: '1' });
		expect(receiver.received).toHaveLength(1);
	});

	it('no retries: a receiver answering 500 gets exactly one POST, and its answer is recorded', async () => {
		receiver.status = 500;
		const res = await api('send-message', { user_id: '4', conversation_id: '1', message: 'x' });
		expect(res.json.success).toBe(true); // the API call itself succeeds
		await new Promise((r) => setTimeout(r, 300));
		expect(receiver.received).toHaveLength(1);
		expect(hf.webhooks).toHaveLength(1);
		expect(hf.webhooks[0]).toMatchObject({ event: 'message-sent', status: 500 });
	});

	it('10 s timeout (shortened here), one attempt, no retry after a timeout', async () => {
		await hf.stop();
		hf = await createHaveFunnelsStandIn({ token: TOKEN, webhookUrl: receiver.url, webhookKey: KEY, seedCustomers: true, webhookTimeoutMs: 200 }).start();
		receiver.delayMs = 600;
		const started = Date.now();
		await api('send-message', { user_id: '4', conversation_id: '1', message: 'slow receiver' });
		expect(Date.now() - started).toBeLessThan(590); // gave up at the timeout, did not wait
		await new Promise((r) => setTimeout(r, 700));
		expect(receiver.received).toHaveLength(1);
		expect(hf.webhooks[0]).toMatchObject({ status: 0, error: 'timeout' });
		expect(hf.options.webhookTimeoutMs).toBe(200);
		expect(createHaveFunnelsStandIn().options.webhookTimeoutMs).toBe(10000);
	});

	it('an unreachable receiver is recorded as an error, the API still answers', async () => {
		hf.setWebhook({ url: 'http://127.0.0.1:1/nowhere', key: KEY });
		const res = await api('send-message', { user_id: '4', conversation_id: '1', message: 'x' });
		expect(res.json.success).toBe(true);
		expect(hf.webhooks[0].status).toBe(0);
		expect(hf.webhooks[0].error).toBeTruthy();
	});

	it.each(WEBHOOK_EVENTS)('emitEvent sends the documented %s event by hand', async (event) => {
		const record = await hf.emitEvent(event);
		expect(record!.status).toBe(200);
		expect(receiver.received).toHaveLength(1);
		expect(receiver.received[0].json).toMatchObject({ function: event, key: KEY, 'sender-url': `${hf.url}/script` });
		expect(receiver.received[0].json.data).toEqual(record!.body.data);
		expect(receiver.received[0].json.data).not.toBeUndefined();
	});

	it('waitForWebhooks resolves once the expected webhooks were sent', async () => {
		const waiting = hf.waitForWebhooks((list) => list.some((w) => w.event === 'conversation-status-updated'), 2000);
		await api('update-conversation-status', { conversation_id: '1', status_code: '1' });
		const list = await waiting;
		expect(list.map((w) => w.event)).toEqual(['conversation-status-updated']);
		await expect(hf.waitForWebhooks(5, 100)).rejects.toThrow(/timed out/);
	});

	it('emitEvent takes custom data and respects the active list unless forced', async () => {
		hf.setWebhook({ url: receiver.url, key: KEY, events: ['login'] });
		expect(await hf.emitEvent('user-deleted', '77')).toBeNull();
		expect(receiver.received).toHaveLength(0);
		await hf.emitEvent('user-deleted', '77', { force: true });
		expect(receiver.received[0].json).toMatchObject({ function: 'user-deleted', data: '77' });
	});
});

describe('fault injection (base.js)', () => {
	it('429 with Retry-After, then normal service', async () => {
		hf.inject({ status: 429, retryAfter: 3 });
		const limited = await api('count-users');
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toBe('3');
		expect((await api('count-users')).json.success).toBe(true);
		expect(hf.requests.map((r) => r.fault)).toEqual(['429', null]);
		// The faulted attempt counts as a call of its function (for retry assertions).
		expect(hf.calls('count-users').map((r) => [r.fault, r.args!.token])).toEqual([['429', TOKEN], [null, TOKEN]]);
	});

	it('5xx on the chosen function only', async () => {
		hf.inject({ status: 503, match: (r) => r.rawBody.includes('function=send-message') });
		expect((await api('count-users')).status).toBe(200);
		const failed = await api('send-message', { user_id: '4', conversation_id: '1', message: 'x' });
		expect(failed.status).toBe(503);
		expect(receiver.received).toHaveLength(0); // never reached the handler: nothing sent
	});

	it('slow answers', async () => {
		hf.inject({ delayMs: 400 });
		const started = Date.now();
		expect((await api('count-users')).json.success).toBe(true);
		expect(Date.now() - started).toBeGreaterThanOrEqual(390);
	});

	it('dropped connections', async () => {
		hf.inject({ drop: true });
		await expect(api('count-users')).rejects.toThrow();
		expect(hf.requests[0].fault).toBe('drop');
		expect((await api('count-users')).json.success).toBe(true);
	});

	it('forceResponse answers a function with any body (e.g. a MySQL error text) once', async () => {
		hf.forceResponse('get-user', { raw: 'MySQL error: Table sb_users is marked as crashed' });
		const broken = await api('get-user', { user_id: '4' });
		expect([broken.status, broken.json, broken.raw]).toEqual([200, undefined, 'MySQL error: Table sb_users is marked as crashed']);
		expect((await api<UserRow>('get-user', { user_id: '4' })).json.response.id).toBe('4');
	});
});
