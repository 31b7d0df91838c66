/**
 * Contract tests of the Planhat stand-in: the sample requests and responses of
 * shared/api-docs/planhat-conversations-api.txt, and one test per Planhat point of CONTRACT-NOTES.md.
 */
import { PH_CONTRACT_TOKEN } from '../fixture-secrets';
import { createPlanhatStandIn, MAX_BULK, type Company, type Conversation, type Enduser, type PlanhatStandIn } from './planhat';

const TOKEN = PH_CONTRACT_TOKEN;
const COMPANY_ID = '61006bc89a3e0b702ed8ea49';
const USER_ID = '58e231b14246fc73139f29e8';
const ENDUSER_ID = '610091916d643a7c418aef42';

interface Answer<T = unknown> {
	status: number;
	/** The parsed body (undefined when the text is not JSON). */
	json: T;
	raw: string;
	headers: Headers;
}

/** An error answer (all but 401). */
interface ErrorBody {
	error: string;
}

interface Keys {
	_id?: string;
	externalId?: string;
	sourceId?: string;
}

/** The answer of a bulk upsert (PUT /conversations with an array). */
interface BulkUpsertBody {
	created: number;
	createdErrors: Array<Keys & { index: number; item: unknown; error: string }>;
	insertsKeys: Keys[];
	updated: number;
	updatedErrors: Array<Keys & { index: number; item: unknown; error: string }>;
	updatesKeys: Keys[];
	nonupdates: number;
	modified: string[];
	upsertedIds: string[];
	permissionErrors: unknown[];
}

let standIn: PlanhatStandIn;

async function call<T = unknown>(method: string, path: string, body?: unknown, token: string | null = TOKEN): Promise<Answer<T>> {
	const headers: Record<string, string> = { 'Content-Type': 'application/json' };
	if (token !== null) headers.Authorization = `Bearer ${token}`;
	const response = await fetch(`${standIn.url}${path}`, {
		method,
		headers,
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
	});
	const raw = await response.text();
	let json: T | undefined;
	try {
		json = raw ? (JSON.parse(raw) as T) : undefined;
	} catch {
		json = undefined;
	}
	return { status: response.status, json: json as T, raw, headers: response.headers };
}

// The documented "Create conversation" request body, verbatim.
const SAMPLE_CREATE = {
	users: [{ id: USER_ID }],
	date: '2021-07-29T15:29:34.330Z',
	type: 'note',
	companyId: COMPANY_ID,
	subject: 'New conversation',
	description: 'Little call with the client.',
	endusers: [{ id: ENDUSER_ID }],
	activityTags: [],
	useSubject: true,
	ownerId: USER_ID,
};

// The keys of the documented "Create conversation" response (owner/followers/userId/note/nickName
// belong to the documenting tenant and are not reproduced).
const CREATE_RESPONSE_KEYS = [
	'starred',
	'pinned',
	'autoTags',
	'activityTags',
	'emailTemplateIds',
	'isOpen',
	'tags',
	'waitsToBeFiltered',
	'timeBucket',
	'archived',
	'_id',
	'users',
	'date',
	'type',
	'companyId',
	'subject',
	'description',
	'endusers',
	'snippet',
	'companyName',
	'createDate',
	'sender',
	'history',
	'__v',
];

beforeEach(async () => {
	standIn = createPlanhatStandIn({
		token: TOKEN,
		users: [{ _id: USER_ID, name: 'Alex' }],
		companies: [
			{ _id: COMPANY_ID, name: 'Tenet', externalId: 'tenet-1', sourceId: 'crm-tenet', domains: ['tenet.com'] },
			{ _id: '584d9d5505ba1b622f04adb3', name: 'Daimler North America', externalId: 'dna', domains: ['daimler.com'] },
		],
		endusers: [{ _id: ENDUSER_ID, name: 'Lara Croft', email: 'lara@tenet.com', companyId: COMPANY_ID }],
	});
	await standIn.start();
});

afterEach(async () => {
	await standIn.stop();
});

describe('documented samples', () => {
	it('Create conversation: the sample request gives the sample response shape', async () => {
		const res = await call<Conversation>('POST', '/conversations', SAMPLE_CREATE);
		expect(res.status).toBe(200);
		for (const key of CREATE_RESPONSE_KEYS) expect(res.json).toHaveProperty(key);
		expect(res.json._id).toMatch(/^[0-9a-f]{24}$/);
		expect(res.json).toMatchObject({
			starred: false,
			pinned: false,
			archived: false,
			isOpen: false,
			waitsToBeFiltered: true,
			users: [{ id: USER_ID, name: 'Alex', isOwner: true }],
			date: '2021-07-29T15:29:34.330Z',
			type: 'note',
			companyId: COMPANY_ID,
			subject: 'New conversation',
			description: 'Little call with the client.',
			endusers: [{ id: ENDUSER_ID, name: 'Lara Croft' }],
			snippet: 'Little call with the client.',
			companyName: 'Tenet',
			sender: [],
			history: [],
			__v: 0,
		});
		expect(standIn.getConversation(res.json._id)!.subject).toBe('New conversation');
	});

	it('Update conversation: PUT /conversations/:id with the sample body', async () => {
		const created = await call<Conversation>('POST', '/conversations', SAMPLE_CREATE);
		const res = await call('PUT', `/conversations/${created.json._id}`, {
			subject: 'Chat with the client',
			description: '<p>Slack chat with the client.</p>',
		});
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({
			_id: created.json._id,
			subject: 'Chat with the client',
			snippet: 'Slack chat with the client.',
			companyId: COMPANY_ID,
			companyName: 'Tenet',
			type: 'note',
		});
		// The docs' Delete sample shows the stored description keeps its HTML.
		expect(standIn.getConversation(created.json._id)!.description).toBe('<p>Slack chat with the client.</p>');
	});

	it('Get conversation by ID answers the stored conversation', async () => {
		const created = await call<Conversation>('POST', '/conversations', SAMPLE_CREATE);
		const res = await call('GET', `/conversations/${created.json._id}`);
		expect(res.status).toBe(200);
		expect(res.json).toEqual(created.json);
	});

	it('Get conversations list: ?limit=2&offset=0 answers a bare array of two', async () => {
		for (let i = 0; i < 3; i++) await call('POST', '/conversations', { ...SAMPLE_CREATE, subject: `s${i}` });
		const res = await call<Conversation[]>('GET', '/conversations?limit=2&offset=0');
		expect(res.status).toBe(200);
		expect(Array.isArray(res.json)).toBe(true);
		expect(res.json.map((c) => c.subject)).toEqual(['s0', 's1']);
		const next = await call<Conversation[]>('GET', '/conversations?limit=2&offset=2');
		expect(next.json.map((c) => c.subject)).toEqual(['s2']);
	});

	it('Delete conversation answers the deleted conversation and removes it', async () => {
		const created = await call<Conversation>('POST', '/conversations', SAMPLE_CREATE);
		const res = await call<Conversation>('DELETE', `/conversations/${created.json._id}`);
		expect(res.status).toBe(200);
		expect(res.json._id).toBe(created.json._id);
		expect(res.json.subject).toBe('New conversation');
		expect(standIn.getConversation(created.json._id)).toBeUndefined();
		expect((await call('GET', `/conversations/${created.json._id}`)).status).toBe(404);
	});

	it('Bulk upsert: the sample array gives the sample response fields', async () => {
		const res = await call<BulkUpsertBody>('PUT', '/conversations', [SAMPLE_CREATE]);
		expect(res.status).toBe(200);
		expect(Object.keys(res.json).sort()).toEqual(
			[
				'created',
				'createdErrors',
				'insertsKeys',
				'updated',
				'updatedErrors',
				'updatesKeys',
				'nonupdates',
				'modified',
				'upsertedIds',
				'permissionErrors',
			].sort(),
		);
		expect(res.json).toMatchObject({
			created: 1,
			createdErrors: [],
			updated: 0,
			updatedErrors: [],
			updatesKeys: [],
			nonupdates: 0,
			modified: [],
			permissionErrors: [],
		});
		expect(res.json.insertsKeys).toEqual([{ _id: res.json.upsertedIds[0] }]);
		expect(standIn.getConversation(res.json.upsertedIds[0])!.subject).toBe('New conversation');
	});
});

describe('CONTRACT-NOTES quirks', () => {
	it('auth: Bearer token required; a missing or wrong token answers 401', async () => {
		expect((await call('GET', '/conversations', undefined, null)).status).toBe(401);
		expect((await call('GET', '/conversations', undefined, 'wrong')).status).toBe(401);
		expect((await call('GET', '/conversations')).status).toBe(200);
		const unauthorized = await call('GET', '/companies', undefined, 'nope');
		expect(unauthorized.raw).toBe('Unauthorized');
	});

	it('limits: a configured rate limit answers 429 with Retry-After and the request does nothing', async () => {
		standIn.setRateLimit({ limit: 2, windowMs: 60_000 });
		expect((await call('POST', '/conversations', SAMPLE_CREATE)).status).toBe(200);
		expect((await call('POST', '/conversations', SAMPLE_CREATE)).status).toBe(200);
		const limited = await call('POST', '/conversations', SAMPLE_CREATE);
		expect(limited.status).toBe(429);
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
		expect(standIn.conversations).toHaveLength(2);
		expect(standIn.requests.filter((r) => r.rateLimited)).toHaveLength(1);
	});

	it('limits: injected 429 faults carry Retry-After (base class)', async () => {
		standIn.inject({ status: 429, retryAfter: 3 });
		const res = await call('GET', '/conversations');
		expect(res.status).toBe(429);
		expect(res.headers.get('retry-after')).toBe('3');
		expect((await call('GET', '/conversations')).status).toBe(200);
	});

	it('bulk upsert: at most 5,000 items per request (5,001 is a bad payload)', async () => {
		const items = Array.from({ length: MAX_BULK + 1 }, (_, i) => ({ companyId: COMPANY_ID, externalId: `x${i}` }));
		const tooMany = await call<ErrorBody>('PUT', '/conversations', items);
		expect(tooMany.status).toBe(400);
		expect(tooMany.json.error).toMatch(/5000/);
		expect(standIn.conversations).toHaveLength(0);
		const ok = await call<BulkUpsertBody>('PUT', '/conversations', items.slice(0, MAX_BULK));
		expect(ok.status).toBe(200);
		expect(ok.json.created).toBe(MAX_BULK);
	});

	it('lists: default 30, max 2,000 per page for conversations and endusers, 5,000 for companies', async () => {
		standIn.seedConversations(2100, { companyId: COMPANY_ID });
		expect((await call('GET', '/conversations')).json).toHaveLength(30);
		expect((await call('GET', '/conversations?limit=5000')).json).toHaveLength(2000);
		for (let i = 0; i < 2050; i++) standIn.addEnduser({ email: `u${i}@tenet.com`, companyId: COMPANY_ID });
		expect((await call('GET', '/endusers?limit=3000')).json).toHaveLength(2000);
		for (let i = 0; i < 5100; i++) standIn.addCompany({ name: `C${i}` });
		expect((await call('GET', '/companies?limit=6000')).json).toHaveLength(5000);
	});

	it('lists: bare arrays with no total; paging until a short page visits every row once', async () => {
		standIn.seedConversations(4500, { companyId: COMPANY_ID });
		const seen: string[] = [];
		const sizes: number[] = [];
		for (let offset = 0; ; offset += 2000) {
			const page = await call<Conversation[]>('GET', `/conversations?limit=2000&offset=${offset}`);
			expect(Array.isArray(page.json)).toBe(true);
			sizes.push(page.json.length);
			seen.push(...page.json.map((c) => c._id));
			if (page.json.length < 2000) break;
		}
		expect(sizes).toEqual([2000, 2000, 500]);
		expect(new Set(seen).size).toBe(4500);
	});

	it('lists: sort with a "-" prefix is descending; select picks properties (plus _id)', async () => {
		standIn.seedConversations(5, { companyId: COMPANY_ID });
		const asc = await call<Conversation[]>('GET', '/conversations?sort=date&select=subject,date');
		const desc = await call<Conversation[]>('GET', '/conversations?sort=-date&select=subject');
		expect(asc.json.map((c) => c.subject)).toEqual(['seed 0', 'seed 1', 'seed 2', 'seed 3', 'seed 4']);
		expect(desc.json.map((c) => c.subject)).toEqual(['seed 4', 'seed 3', 'seed 2', 'seed 1', 'seed 0']);
		expect(Object.keys(desc.json[0]).sort()).toEqual(['_id', 'subject']);
		expect(Object.keys(asc.json[0]).sort()).toEqual(['_id', 'date', 'subject']);
	});

	it('lists: companyId filter takes a comma list (and keyables)', async () => {
		const other = standIn.addCompany({ name: 'Other' });
		standIn.seedConversations(3, { companyId: COMPANY_ID, prefix: 'a' });
		standIn.seedConversations(2, { companyId: '584d9d5505ba1b622f04adb3', prefix: 'b' });
		standIn.seedConversations(4, { companyId: other._id, prefix: 'c' });
		const both = await call('GET', `/conversations?companyId=${COMPANY_ID},584d9d5505ba1b622f04adb3&limit=100`);
		expect(both.json).toHaveLength(5);
		const byExt = await call<Conversation[]>('GET', '/conversations?companyId=extid-dna&limit=100');
		expect(byExt.json.map((c) => c.subject)).toEqual(['b 0', 'b 1']);
	});

	it('keyables: extid- and srcid- stand in for _id in URLs (get, update), not in DELETE', async () => {
		const created = await call<Conversation>('POST', '/conversations', { ...SAMPLE_CREATE, externalId: 'ext-1', sourceId: 'src-1' });
		expect((await call<Conversation>('GET', '/conversations/extid-ext-1')).json._id).toBe(created.json._id);
		expect((await call<Conversation>('GET', '/conversations/srcid-src-1')).json._id).toBe(created.json._id);
		expect((await call<Conversation>('PUT', '/conversations/srcid-src-1', { subject: 'via srcid' })).json.subject).toBe('via srcid');
		expect((await call('GET', '/conversations/extid-nope')).status).toBe(404);
		// the page: delete needs the _id
		expect((await call('DELETE', '/conversations/extid-ext-1')).status).toBe(404);
		expect((await call('DELETE', '/conversations/srcid-src-1')).status).toBe(404);
		expect(standIn.conversations).toHaveLength(1);
		expect((await call('DELETE', `/conversations/${created.json._id}`)).status).toBe(200);
		expect(standIn.conversations).toHaveLength(0);
	});

	it('keyables: extid- / srcid- stand in for a Planhat id in companyId payload fields', async () => {
		const byExt = await call<Conversation>('POST', '/conversations', { ...SAMPLE_CREATE, companyId: 'extid-tenet-1' });
		const bySrc = await call<Conversation>('POST', '/conversations', { ...SAMPLE_CREATE, companyId: 'srcid-crm-tenet' });
		expect(byExt.json.companyId).toBe(COMPANY_ID);
		expect(bySrc.json.companyId).toBe(COMPANY_ID);
		const unknown = await call('POST', '/conversations', { ...SAMPLE_CREATE, companyId: 'extid-nobody' });
		expect(unknown.status).toBe(400);
		const missing = await call<ErrorBody>('POST', '/conversations', { subject: 'no company' });
		expect(missing.status).toBe(400);
		expect(missing.json.error).toMatch(/companyId/);
	});

	it('keyables: externalId is unique per model within a company, sourceId per model', async () => {
		await call('POST', '/conversations', { ...SAMPLE_CREATE, externalId: 'same', sourceId: 's1' });
		const otherCompany = await call('POST', '/conversations', {
			...SAMPLE_CREATE,
			companyId: '584d9d5505ba1b622f04adb3',
			externalId: 'same',
		});
		expect(otherCompany.status).toBe(200);
		expect((await call('POST', '/conversations', { ...SAMPLE_CREATE, externalId: 'same' })).status).toBe(400);
		expect(
			(await call('POST', '/conversations', { ...SAMPLE_CREATE, companyId: '584d9d5505ba1b622f04adb3', sourceId: 's1' }))
				.status,
		).toBe(400);
	});

	it('bulk upsert: an item with a matching keyable is updated, otherwise created', async () => {
		const a = await call<Conversation>('POST', '/conversations', { ...SAMPLE_CREATE, externalId: 'ext-a' });
		const b = await call<Conversation>('POST', '/conversations', { ...SAMPLE_CREATE, sourceId: 'src-b' });
		const c = await call<Conversation>('POST', '/conversations', { ...SAMPLE_CREATE });
		const res = await call<BulkUpsertBody>('PUT', '/conversations', [
			{ externalId: 'ext-a', subject: 'A2' },
			{ sourceId: 'src-b', subject: 'B2' },
			{ _id: c.json._id, subject: c.json.subject }, // unchanged
			{ companyId: COMPANY_ID, externalId: 'ext-new', subject: 'New' },
			{ companyId: COMPANY_ID, subject: 'No key' },
		]);
		expect(res.status).toBe(200);
		expect(res.json.created).toBe(2);
		expect(res.json.updated).toBe(3);
		expect(res.json.nonupdates).toBe(1);
		expect(res.json.modified.sort()).toEqual([a.json._id, b.json._id].sort());
		expect(res.json.updatesKeys).toEqual([
			{ _id: a.json._id, externalId: 'ext-a' },
			{ _id: b.json._id, sourceId: 'src-b' },
			{ _id: c.json._id },
		]);
		expect(res.json.insertsKeys).toHaveLength(2);
		expect(res.json.insertsKeys[0]).toMatchObject({ externalId: 'ext-new' });
		expect(res.json.upsertedIds).toEqual(res.json.insertsKeys.map((k) => k._id));
		expect(standIn.getConversation('extid-ext-a')!.subject).toBe('A2');
		expect(standIn.getConversation('srcid-src-b')!.subject).toBe('B2');
		expect(standIn.conversations).toHaveLength(5);
	});

	it('bulk upsert: 206 means partial failure, with the failures in the error arrays', async () => {
		const res = await call<BulkUpsertBody>('PUT', '/conversations', [
			{ companyId: COMPANY_ID, externalId: 'ok-1', subject: 'fine' },
			{ externalId: 'no-company', subject: 'missing companyId' },
			{ companyId: COMPANY_ID, externalId: 'reserved', type: 'email' },
			{ _id: 'ffffffffffffffffffffffff', subject: 'unknown id' },
		]);
		expect(res.status).toBe(206);
		expect(res.json.created).toBe(1);
		expect(res.json.createdErrors).toHaveLength(3);
		expect(res.json.createdErrors.map((e) => e.externalId ?? e._id)).toEqual([
			'no-company',
			'reserved',
			'ffffffffffffffffffffffff',
		]);
		expect(res.json.createdErrors[0].error).toMatch(/companyId/);
		expect(res.json.createdErrors[1].error).toMatch(/reserved/);
		expect(standIn.conversations.map((c) => c.externalId)).toEqual(['ok-1']);
	});

	it('bulk upsert: 400 for a bad payload (not an array, duplicated keys, nothing succeeded)', async () => {
		expect((await call('PUT', '/conversations', { subject: 'not an array' })).status).toBe(400);
		expect((await call('PUT', '/conversations', '[{"broken"')).status).toBe(400);
		const dup = await call<ErrorBody>('PUT', '/conversations', [
			{ companyId: COMPANY_ID, externalId: 'd' },
			{ companyId: COMPANY_ID, externalId: 'd' },
		]);
		expect(dup.status).toBe(400);
		expect(dup.json.error).toMatch(/Duplicated externalId/);
		const allFailed = await call<BulkUpsertBody>('PUT', '/conversations', [{ subject: 'no company' }]);
		expect(allFailed.status).toBe(400);
		expect(allFailed.json.createdErrors).toHaveLength(1);
		expect(standIn.conversations).toHaveLength(0);
	});

	it('types: email, chat, ticket and call are reserved and rejected on create and update', async () => {
		for (const type of ['email', 'chat', 'ticket', 'call']) {
			const res = await call<ErrorBody>('POST', '/conversations', { ...SAMPLE_CREATE, type });
			expect(res.status).toBe(400);
			expect(res.json.error).toMatch(/reserved/);
		}
		const created = await call<Conversation>('POST', '/conversations', SAMPLE_CREATE);
		const update = await call('PUT', `/conversations/${created.json._id}`, { type: 'ticket' });
		expect(update.status).toBe(400);
		expect(standIn.getConversation(created.json._id)!.type).toBe('note');
		expect(standIn.conversations).toHaveLength(1);
	});

	it('types: an unknown type silently becomes note; a custom type is kept', async () => {
		const unknown = await call<Conversation>('POST', '/conversations', { ...SAMPLE_CREATE, type: 'coffee chat' });
		expect(unknown.status).toBe(200);
		expect(unknown.json.type).toBe('note');
		const custom = await call<Conversation>('POST', '/conversations', { ...SAMPLE_CREATE, type: 'in person meeting' });
		expect(custom.json.type).toBe('in person meeting');
	});

	it('endusers: GET /endusers?email= finds the enduser with its companyId', async () => {
		const res = await call('GET', `/endusers?email=${encodeURIComponent('LARA@tenet.com')}`);
		expect(res.status).toBe(200);
		expect(res.json).toEqual([expect.objectContaining({ _id: ENDUSER_ID, companyId: COMPANY_ID })]);
		expect((await call('GET', '/endusers?email=nobody@tenet.com')).json).toEqual([]);
		expect((await call('GET', `/endusers?companyId=584d9d5505ba1b622f04adb3`)).json).toEqual([]);
	});

	it('endusers: created without companyId, Planhat attaches it to the company of the email domain', async () => {
		const res = await call('POST', '/endusers', { email: 'new.person@daimler.com', firstName: 'New', lastName: 'Person' });
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({
			companyId: '584d9d5505ba1b622f04adb3',
			companyName: 'Daimler North America',
			email: 'new.person@daimler.com',
		});
		const noMatch = await call('POST', '/endusers', { email: 'x@unknown.org' });
		expect(noMatch.status).toBe(400);
		const explicit = await call<Enduser>('POST', '/endusers', { email: 'y@unknown.org', companyId: 'extid-tenet-1' });
		expect(explicit.json.companyId).toBe(COMPANY_ID);
		expect(standIn.endusers.map((e) => e.email)).toEqual([
			'lara@tenet.com',
			'new.person@daimler.com',
			'y@unknown.org',
		]);
	});

	it('companies: get by _id / extid- / srcid-; list with filter and select; no search by domain', async () => {
		for (const key of [COMPANY_ID, 'extid-tenet-1', 'srcid-crm-tenet']) {
			const res = await call<Company>('GET', `/companies/${key}`);
			expect(res.status).toBe(200);
			expect(res.json.name).toBe('Tenet');
		}
		expect((await call('GET', '/companies/extid-none')).status).toBe(404);
		const list = await call('GET', '/companies?name=Tenet&select=name');
		expect(list.json).toEqual([{ _id: COMPANY_ID, name: 'Tenet' }]);
		// There is no company-by-domain search: an unknown filter field matches nothing.
		expect((await call('GET', '/companies?domain=tenet.com')).json).toEqual([]);
	});

	it('webhooks: Planhat has no webhook subscription API', async () => {
		expect((await call('POST', '/webhooks', { url: 'http://x' })).status).toBe(404);
		expect((await call('GET', '/webhooks')).status).toBe(404);
	});

	it('records every request, including the Authorization header as sent', async () => {
		await call('GET', '/conversations?limit=5');
		const [request] = standIn.requests;
		expect(request).toMatchObject({ method: 'GET', path: '/conversations', query: { limit: '5' } });
		expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
	});
});
