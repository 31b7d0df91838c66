'use strict';
// The Web API functions of the HaveFunnels stand-in, by their exact names. Each takes the parsed
// form ($_POST) and answers the value that api.php wraps as {"success":true,"response":<value>}.
// A ValidationError becomes {"success":false,"response":"<code>"} at HTTP 200; an ApiError becomes
// {"status":"error","response":"<code>","message":"..."} (HTTP 200 or 4xx, see index.js).
// Where the API page is silent, the behaviour follows Support Board and says so in a comment.
const { USER_TYPES, AGENT_TYPES, formatTime, encodeJsonColumn } = require('./state');
const { phpAssoc } = require('./php');

class ApiError extends Error {
	constructor(code, message, httpStatus = 400) {
		super(message);
		this.code = code;
		this.httpStatus = httpStatus;
	}
}

class ValidationError {
	constructor(code) {
		this.code = code;
	}
}

const PAGE_SIZE = 100;
const STATUS_CODES = [0, 1, 2, 3, 4];

// ---------- argument readers (PHP semantics) ----------

function has(args, name) {
	return Object.prototype.hasOwnProperty.call(args, name);
}

/** A JSON-string argument. Already structured (PHP bracket syntax) is accepted as is; a text that
 * is not JSON acts like PHP's json_decode() failing: null, so the default applies. */
function jsonArg(args, name, def) {
	if (!has(args, name)) return def;
	const v = args[name];
	if (typeof v !== 'string') return v;
	if (v === '' || v === 'false') return def;
	try {
		const parsed = JSON.parse(v);
		return parsed === null ? def : parsed;
	} catch {
		return def;
	}
}

function boolArg(args, name, def = false) {
	if (!has(args, name)) return def;
	const v = args[name];
	if (typeof v === 'boolean') return v;
	const s = String(v).trim().toLowerCase();
	if (s === 'true' || s === '1') return true;
	if (s === 'false' || s === '0' || s === '' || s === 'null') return false;
	return def;
}

/** An argument that may be a JSON array, a comma list or a single value -> array of strings. */
function listArg(args, name) {
	if (!has(args, name)) return null;
	const v = jsonArg(args, name, undefined);
	if (Array.isArray(v)) return v.map(String);
	if (v === undefined || v === false) return null;
	return String(args[name])
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
}

function strArg(args, name, def = '') {
	return has(args, name) && args[name] !== undefined ? String(args[name]) : def;
}

/** datetime argument of the get-new-* functions: an ID, or 'YYYY-MM-DD[ HH:MM:SS]' (UTC). */
function newerThan(datetime) {
	const s = String(datetime).trim();
	if (/^\d+$/.test(s)) return { id: Number(s) };
	return { time: s.length === 10 ? `${s} 00:00:00` : s };
}

function contains(hay, needle) {
	return hay !== null && hay !== undefined && String(hay).toLowerCase().includes(needle);
}

function paginate(list, args) {
	// The page says: 1 = results 1-100, 2 = 101-200. Support Board always caps a page at 100,
	// so a missing/0 pagination answers the first 100 as well.
	const page = Math.max(1, parseInt(strArg(args, 'pagination', '1'), 10) || 1);
	return list.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
}

function parseAttachments(args, name = 'attachments') {
	const v = jsonArg(args, name, []);
	if (!Array.isArray(v)) return [];
	// Pairs [name, url]; send-sms also allows bare URLs.
	return v.map((a) => (Array.isArray(a) ? [String(a[0] ?? ''), String(a[1] ?? '')] : [String(a).split('/').pop(), String(a)]));
}

function sortRows(rows, column, order) {
	const dir = String(order).toUpperCase() === 'ASC' ? 1 : -1;
	return rows.sort((a, b) => {
		const x = a[column] ?? '';
		const y = b[column] ?? '';
		const nx = Number(x);
		const ny = Number(y);
		const cmp = column === 'id' && !isNaN(nx) && !isNaN(ny) ? nx - ny : String(x).localeCompare(String(y));
		return cmp !== 0 ? dir * cmp : dir * (Number(a.id) - Number(b.id));
	});
}

// ---------- functions ----------

/** name -> { required: [args api.php checks before calling], run(ctx) } */
const FUNCTIONS = {};
function fn(name, required, run) {
	FUNCTIONS[name] = { required, run };
}

// Users

fn('get-user', ['user_id'], ({ state, args }) => {
	const u = state.user(args.user_id);
	return u ? state.userDetails(u, boolArg(args, 'extra')) : false;
});

fn('get-user-extra', ['user_id'], ({ state, args }) => {
	const u = state.user(args.user_id);
	const slug = has(args, 'slug') && args.slug !== 'false' && args.slug !== '' ? String(args.slug) : null;
	const def = has(args, 'default') ? args.default : false;
	if (slug) {
		const d = u && u.extra.get(slug);
		return d ? d.value : def;
	}
	return u ? state.extraList(u) : [];
});

fn('get-users', [], ({ state, args }) => {
	const sorting = jsonArg(args, 'sorting', ['creation_time', 'DESC']);
	const [column, order] = Array.isArray(sorting) ? sorting : ['creation_time', 'DESC'];
	const types = jsonArg(args, 'user_types', []);
	const search = strArg(args, 'search').toLowerCase();
	const ids = jsonArg(args, 'user_ids', false);
	let users = [...state.users.values()];
	if (Array.isArray(types) && types.length) users = users.filter((u) => types.includes(u.user_type));
	if (Array.isArray(ids)) users = users.filter((u) => ids.map(String).includes(String(u.id)));
	if (search) {
		users = users.filter(
			(u) => contains(u.first_name, search) || contains(u.last_name, search) || contains(u.email, search) || contains(`${u.first_name} ${u.last_name}`, search),
		);
	}
	let rows = users.map((u) => state.userRow(u));
	rows = paginate(sortRows(rows, String(column || 'creation_time'), order || 'DESC'), args);
	// extra=true adds every detail as a column of the row; an array of slugs adds only those.
	// (Support Board joins sb_users_data; the page only says "include the extra details".)
	const extra = jsonArg(args, 'extra', false);
	if (extra === true || Array.isArray(extra)) {
		for (const row of rows) {
			const u = state.user(row.id);
			for (const [slug, d] of u.extra) if (extra === true || extra.includes(slug)) row[slug] = d.value;
		}
	}
	return rows;
});

fn('get-new-users', ['datetime'], ({ state, args }) => {
	const after = newerThan(args.datetime);
	return [...state.users.values()]
		.filter((u) => (after.id !== undefined ? u.id > after.id : formatTime(u.creation_time) > after.time))
		.sort((a, b) => b.id - a.id)
		.map((u) => state.userRow(u));
});

fn('get-online-users', [], ({ state, args }) => {
	const exclude = (jsonArg(args, 'exclude_id', []) || []).map(String);
	const column = strArg(args, 'sorting', 'creation_time') || 'creation_time';
	const agentsOnly = boolArg(args, 'agents');
	const rows = [...state.users.values()]
		.filter((u) => state.isOnline(u) && !exclude.includes(String(u.id)))
		// The bot has no activity of its own; Support Board does not list it as online.
		.filter((u) => (agentsOnly ? AGENT_TYPES.includes(u.user_type) : u.user_type !== 'bot'))
		.map((u) => state.userRow(u));
	return sortRows(rows, column, 'DESC');
});

fn('search-users', ['search'], ({ state, args }) => {
	const q = strArg(args, 'search').toLowerCase();
	if (!q) return [];
	return [...state.users.values()]
		.filter(
			(u) =>
				contains(u.first_name, q) ||
				contains(u.last_name, q) ||
				contains(u.email, q) ||
				contains(`${u.first_name} ${u.last_name}`, q) ||
				[...u.extra.values()].some((d) => contains(d.value, q)),
		)
		.sort((a, b) => b.id - a.id)
		.map((u) => state.userRow(u));
});

fn('get-users-with-details', ['details'], ({ state, args }) => {
	const details = jsonArg(args, 'details', []);
	const ids = has(args, 'user_ids') ? String(args.user_ids) : 'all';
	let users = [...state.users.values()];
	if (ids === 'agents') users = users.filter((u) => AGENT_TYPES.includes(u.user_type));
	else if (ids !== 'all' && ids !== 'false') {
		const list = listArg(args, 'user_ids') || [];
		users = users.filter((u) => list.includes(String(u.id)));
	}
	const out = {};
	for (const d of Array.isArray(details) ? details : []) {
		out[d] = users
			.map((u) => ({ id: u.id, value: d === 'email' ? u.email : u.extra.get(d)?.value }))
			.filter((x) => x.value);
	}
	return phpAssoc(out);
});

function readUserFields(args) {
	const f = {};
	for (const k of ['first_name', 'last_name', 'email', 'profile_image', 'password', 'user_type', 'department']) {
		if (has(args, k)) f[k] = String(args[k]);
	}
	return f;
}

fn('add-user', [], ({ state, args }) => {
	// The page lists no arguments for add-user; CONTRACT-NOTES: first_name, last_name, email,
	// profile_image, password, user_type, department, extra ({slug: [value, label]}). Support
	// Board also reads `settings_extra` in some versions: accepted as a fallback.
	const f = readUserFields(args);
	const extra = jsonArg(args, 'extra', undefined) ?? jsonArg(args, 'settings_extra', undefined);
	if (f.user_type && !USER_TYPES.includes(f.user_type)) return new ValidationError('invalid-user-type');
	if (f.email && state.userByEmail(f.email)) return new ValidationError('duplicate-email');
	const phone = extra && extra.phone !== undefined ? (Array.isArray(extra.phone) ? extra.phone[0] : extra.phone) : null;
	if (phone && state.userByExtra('phone', phone)) return new ValidationError('duplicate-phone');
	// Support Board: no type given -> 'user' when an email is there, else 'visitor'; a visitor
	// without a name gets "User #<random>".
	const userType = f.user_type || (f.email ? 'user' : 'visitor');
	const u = state.addUser({
		...f,
		user_type: userType,
		first_name: f.first_name ?? (userType === 'visitor' ? 'User' : ''),
		last_name: f.last_name ?? (userType === 'visitor' ? `#${Math.floor(10000 + Math.random() * 89999)}` : ''),
		department: f.department || null,
		extra: extra && typeof extra === 'object' ? extra : undefined,
	});
	return u.id;
});

fn('update-user', ['user_id'], ({ state, args }) => {
	const u = state.user(args.user_id);
	const f = readUserFields(args);
	if (f.user_type && !USER_TYPES.includes(f.user_type)) return new ValidationError('invalid-user-type');
	if (f.email && f.email !== 'NULL') {
		const other = state.userByEmail(f.email);
		if (other && (!u || other.id !== u.id)) return new ValidationError('duplicate-email');
	}
	const extra = jsonArg(args, 'settings_extra', undefined) ?? jsonArg(args, 'extra', undefined);
	const phone = extra && extra.phone !== undefined ? (Array.isArray(extra.phone) ? extra.phone[0] : extra.phone) : null;
	if (phone) {
		const other = state.userByExtra('phone', phone);
		if (other && (!u || other.id !== u.id)) return new ValidationError('duplicate-phone');
	}
	// Support Board runs an UPDATE: an unknown user_id changes nothing and still answers true.
	if (!u) return true;
	for (const [k, v] of Object.entries(f)) {
		if (k === 'email') u.email = v === 'NULL' || v === '' ? null : v;
		else if (k === 'department') u.department = v === '' || v === 'false' ? null : v;
		else u[k] = v;
	}
	// The page names the argument settings_extra; `extra` (add-user's name) is accepted too.
	state.setExtra(u, extra);
	return true;
});

fn('delete-user', ['user_id'], async ({ state, args, emit }) => {
	if (state.deleteUser(args.user_id)) await emit('user-deleted', String(args.user_id));
	return true;
});

fn('delete-users', ['user_ids'], ({ state, args }) => {
	// Support Board deletes these with one query and fires no user-deleted webhook for them.
	for (const id of jsonArg(args, 'user_ids', []) || []) state.deleteUser(id);
	return true;
});

fn('is-online', ['user_id'], ({ state, args }) => state.isOnline(state.user(args.user_id)));

fn('agents-online', [], ({ state }) => [...state.users.values()].some((u) => AGENT_TYPES.includes(u.user_type) && state.isOnline(u)));

fn('current-url', ['user_id'], ({ state, args }) => {
	const u = state.user(args.user_id);
	if (has(args, 'url') && args.url !== 'false') {
		if (u) state.setExtra(u, { current_url: [String(args.url), 'Current URL'] });
		return true;
	}
	return (u && u.extra.get('current_url')?.value) || false;
});

fn('count-users', [], ({ state }) => {
	const counts = { all: 0, lead: 0, user: 0, visitor: 0 };
	for (const u of state.users.values()) {
		if (counts[u.user_type] !== undefined) {
			counts[u.user_type] += 1;
			counts.all += 1;
		}
	}
	// MySQL COUNT() reaches PHP as strings.
	return Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, String(v)]));
});

fn('update-user-to-lead', ['user_id'], ({ state, args }) => {
	// Support Board turns a visitor into a lead; registered users and agents keep their type.
	const u = state.user(args.user_id);
	if (u && u.user_type === 'visitor') u.user_type = 'lead';
	return true;
});

fn('get-agent', ['agent_id'], ({ state, args }) => {
	const u = state.user(args.agent_id);
	return u && AGENT_TYPES.includes(u.user_type) ? state.userDetails(u, true) : false;
});

fn('get-agents-ids', [], ({ state, args }) => {
	const admins = boolArg(args, 'admins', true);
	return [...state.users.values()]
		.filter((u) => u.user_type === 'agent' || (admins && u.user_type === 'admin'))
		.map((u) => u.id);
});

fn('get-bot-id', [], ({ state }) => {
	const bot = [...state.users.values()].find((u) => u.user_type === 'bot');
	return bot ? bot.id : false;
});

fn('get-user-from-conversation', ['conversation_id'], ({ state, args }) => {
	const c = state.conversation(args.conversation_id);
	if (!c) return false;
	let u;
	if (boolArg(args, 'agent')) {
		const fromAgent = state
			.conversationMessages(c)
			.filter((m) => AGENT_TYPES.includes(state.user(m.user_id)?.user_type))
			.pop();
		u = fromAgent ? state.user(fromAgent.user_id) : null;
	} else u = state.user(c.user_id);
	return u ? { id: String(u.id), email: u.email } : false;
});

// Conversations

fn('get-conversation', ['conversation_id'], ({ state, args }) => {
	const c = state.conversation(args.conversation_id);
	// Admin tokens read any conversation; user_id is only checked for non-admin callers.
	if (!c) return { messages: [], details: '' };
	return { messages: state.conversationMessages(c).map((m) => state.messageRow(m)), details: state.conversationDetails(c) };
});

function listRows(state, convs, rowOf = (c, m) => state.conversationListRow(c, m)) {
	// Support Board's lists join each conversation to its last message: a conversation without
	// any message (text or attachment) is not listed. Newest last message first.
	return convs
		.map((c) => ({ c, m: state.lastMessage(c) }))
		.filter((x) => x.m)
		.sort((a, b) => b.m.creation_time - a.m.creation_time || b.m.id - a.m.id)
		.map(({ c, m }) => rowOf(c, m));
}

fn('get-conversations', [], ({ state, args }) => {
	let convs = [...state.conversations.values()];
	const status = strArg(args, 'status_code', '');
	if (status !== '' && status !== 'false' && status !== 'all') convs = convs.filter((c) => String(c.status_code) === status);
	else if (status !== 'all') convs = convs.filter((c) => c.status_code !== 3 && c.status_code !== 4);
	const dept = strArg(args, 'department', '');
	if (dept !== '' && dept !== 'false') convs = convs.filter((c) => String(c.department) === dept);
	const source = strArg(args, 'source', '');
	if (source !== '' && source !== 'false') convs = convs.filter((c) => String(c.source) === source);
	// routing / routing_unassigned only restrict what an agent sees; the API runs as an admin,
	// who sees every conversation, so they are accepted and change nothing (as in Support Board).
	return paginate(listRows(state, convs), args);
});

fn('get-new-conversations', ['datetime'], ({ state, args }) => {
	const after = newerThan(args.datetime);
	// The page: "created after the given date/ID or with a message created after the given
	// date/ID". An ID is compared with conversation and message IDs, a date with both times.
	const convs = [...state.conversations.values()].filter((c) => {
		const msgs = state.conversationMessages(c);
		if (after.id !== undefined) return c.id > after.id || msgs.some((m) => m.id > after.id);
		return formatTime(c.creation_time) > after.time || msgs.some((m) => formatTime(m.creation_time) > after.time);
	});
	return listRows(state, convs);
});

fn('get-user-conversations', ['user_id'], ({ state, args }) => {
	const uid = Number(args.user_id);
	const exclude = strArg(args, 'exclude_id', '');
	const agents = boolArg(args, 'agents');
	const convs = [...state.conversations.values()].filter((c) => {
		if (exclude && String(c.id) === exclude) return false;
		if (agents) return c.agent_id !== null && Number(c.agent_id) === uid ? true : state.conversationMessages(c).some((m) => m.user_id === uid);
		return c.user_id === uid;
	});
	return listRows(state, convs, (c, m) => state.userConversationRow(c, m));
});

fn('get-new-user-conversations', ['user_id', 'datetime'], ({ state, args }) => {
	const after = newerThan(args.datetime);
	const convs = [...state.conversations.values()].filter((c) => {
		if (c.user_id !== Number(args.user_id)) return false;
		const msgs = state.conversationMessages(c);
		if (after.id !== undefined) return c.id > after.id || msgs.some((m) => m.id > after.id);
		return formatTime(c.creation_time) > after.time || msgs.some((m) => formatTime(m.creation_time) > after.time);
	});
	return listRows(state, convs, (c, m) => state.userConversationRow(c, m));
});

function attachmentNames(m) {
	if (!m.attachments) return '';
	try {
		return JSON.parse(m.attachments)
			.map((a) => (Array.isArray(a) ? a[0] : a))
			.join(' ');
	} catch {
		return m.attachments;
	}
}

fn('search-conversations', ['search'], ({ state, args }) => {
	const q = strArg(args, 'search').toLowerCase();
	if (!q) return [];
	const convs = [...state.conversations.values()].filter((c) => {
		const u = state.user(c.user_id);
		if (u && (contains(u.email, q) || contains(u.first_name, q) || contains(u.last_name, q))) return true;
		if (contains(c.title, q)) return true;
		return state.conversationMessages(c).some((m) => contains(m.message, q) || contains(attachmentNames(m), q));
	});
	return listRows(state, convs);
});

fn('search-user-conversations', ['search', 'id'], ({ state, args }) => {
	// The user's ID comes as `id` here, not `user_id` (as the page says).
	const q = strArg(args, 'search').toLowerCase();
	const convs = [...state.conversations.values()].filter(
		(c) =>
			c.user_id === Number(args.id) &&
			(contains(c.title, q) || state.conversationMessages(c).some((m) => contains(m.message, q) || contains(attachmentNames(m), q))),
	);
	return listRows(state, convs, (c, m) => state.userConversationRow(c, m));
});

function statusArg(value) {
	const s = String(value).trim();
	return /^[0-4]$/.test(s) ? Number(s) : null;
}

function optionalId(args, name) {
	// -1 / false / '' mean "none" (the page's defaults are -1).
	if (!has(args, name)) return null;
	const s = String(args[name]).trim();
	return s === '' || s === '-1' || s === 'false' || s === 'null' ? null : s;
}

fn('new-conversation', ['user_id'], async ({ state, args, emit }) => {
	if (!state.user(args.user_id)) return new ValidationError('user-not-found');
	let status = 0;
	if (has(args, 'status_code') && args.status_code !== '') {
		status = statusArg(args.status_code);
		if (status === null) return new ValidationError('invalid-status-code');
	}
	const extra = has(args, 'extra') && args.extra !== 'false' ? (typeof args.extra === 'string' ? args.extra : JSON.stringify(args.extra)) : null;
	const c = state.addConversation({
		user_id: args.user_id,
		status_code: status,
		title: strArg(args, 'title'),
		department: optionalId(args, 'department'),
		agent_id: optionalId(args, 'agent_id'),
		source: optionalId(args, 'source'),
		extra,
	});
	const conversation = { messages: [], details: state.conversationDetails(c) };
	// The webhook sample carries only `details` (no `messages`), with '' for empty columns.
	const details = { ...conversation.details };
	for (const k of ['department', 'agent_id']) if (details[k] === null) details[k] = '';
	await emit('new-conversation-created', { details });
	return conversation;
});

fn('update-conversation-status', ['conversation_id', 'status_code'], async ({ state, args, emit }) => {
	const status = statusArg(args.status_code);
	if (status === null) return new ValidationError('invalid-status-code');
	const c = state.conversation(args.conversation_id);
	if (c) {
		c.status_code = status;
		// Support Board fires the webhook on every call that reaches an existing conversation,
		// without comparing with the old status.
		await emit('conversation-status-updated', { conversation_id: String(c.id), status_code: String(status) });
	}
	return true;
});

fn('update-conversation-department', ['conversation_id', 'department'], ({ state, args }) => {
	const c = state.conversation(args.conversation_id);
	// "The department ID is not validated"; false removes the department.
	if (c) c.department = optionalId(args, 'department');
	if (c && has(args, 'message') && args.message) state.outbox.push.push({ kind: 'department-notification', conversation_id: c.id, message: args.message });
	return true;
});

fn('update-conversation-agent', ['conversation_id', 'agent_id'], ({ state, args }) => {
	const c = state.conversation(args.conversation_id);
	if (c) c.agent_id = optionalId(args, 'agent_id');
	if (c && has(args, 'message') && args.message) state.outbox.push.push({ kind: 'agent-notification', conversation_id: c.id, message: args.message });
	return true;
});

fn('set-rating', ['settings'], ({ state, args }) => {
	// The page shows the argument as {"settings": {"conversation_id", "rating"}}; the inner object
	// alone is accepted too.
	const raw = jsonArg(args, 'settings', {});
	const settings = raw && raw.settings ? raw.settings : raw || {};
	const c = state.conversation(settings.conversation_id);
	if (c) c.rating = Number(settings.rating) === 1 ? 1 : 0;
	if (has(args, 'message_id')) {
		const m = state.message(args.message_id);
		if (m) {
			if (has(args, 'message')) m.message = String(args.message);
			if (has(args, 'payload')) m.payload = encodeJsonColumn(jsonArg(args, 'payload', ''));
		}
	}
	return true;
});

fn('get-rating', ['user_id'], ({ state, args }) => {
	const uid = Number(args.user_id);
	let positive = 0;
	let negative = 0;
	for (const c of state.conversations.values()) {
		if (c.rating === null) continue;
		const assigned = c.agent_id !== null ? Number(c.agent_id) === uid : state.conversationMessages(c).some((m) => m.user_id === uid);
		if (!assigned) continue;
		if (c.rating === 1) positive += 1;
		else negative += 1;
	}
	return [positive, negative];
});

fn('count-conversations', [], ({ state, args }) => {
	const status = strArg(args, 'status_code', '');
	const list = [...state.conversations.values()];
	if (status === '' || status === 'false') return list.length;
	return list.filter((c) => String(c.status_code) === status).length;
});

fn('transcript', ['conversation_id'], ({ state, args, installationUrl }) => {
	const c = state.conversation(args.conversation_id);
	if (!c) return false;
	const type = strArg(args, 'type', 'false');
	const ext = type === 'txt' ? 'txt' : 'csv'; // false -> the setting's default, csv here
	const msgs = state.conversationMessages(c).map((m) => state.messageRow(m));
	const text =
		ext === 'csv'
			? ['Date,User,Message', ...msgs.map((m) => `${m.creation_time},"${m.first_name} ${m.last_name}","${m.message.replace(/"/g, '""')}"`)].join('\n')
			: msgs.map((m) => `${m.creation_time} ${m.first_name} ${m.last_name}: ${m.message}`).join('\n');
	const file = `conversation-${c.id}.${ext}`;
	state.transcripts.set(file, text);
	return `${installationUrl}/uploads/${file}`;
});

fn('get-agents-in-conversation', ['conversation_id'], ({ state, args }) => {
	const ids = jsonArg(args, 'conversation_id', undefined);
	const list = Array.isArray(ids) ? ids : [args.conversation_id];
	const out = {};
	for (const cid of list) {
		const c = state.conversation(cid);
		if (!c) continue;
		const seen = new Set();
		for (const m of state.conversationMessages(c)) {
			const u = state.user(m.user_id);
			if (!u || !AGENT_TYPES.includes(u.user_type) || seen.has(u.id)) continue;
			seen.add(u.id);
			(out[c.id] = out[c.id] || []).push({ id: u.id, first_name: u.first_name, last_name: u.last_name, profile_image: u.profile_image, conversation_id: c.id });
		}
	}
	return phpAssoc(out); // no agent anywhere: PHP prints the empty array as []
});

fn('check-conversations-assignment', ['conversation_ids'], ({ state, args }) => {
	const ids = jsonArg(args, 'conversation_ids', []) || [];
	const agent = optionalId(args, 'agent_id');
	const dept = optionalId(args, 'department_id');
	if (agent === null && dept === null) return [];
	// Support Board: assigned to the agent OR to the department when both are given.
	return ids
		.map((id) => state.conversation(id))
		.filter((c) => c && ((agent !== null && String(c.agent_id) === agent) || (dept !== null && String(c.department) === dept)))
		.map((c) => c.id);
});

// Messages

async function sendMessage(ctx, { senderId, conversationId, message, attachments, statusArgValue, payload }) {
	const { state, emit, options } = ctx;
	const c = state.conversation(conversationId);
	// Not on the page: Support Board answers a validation error for a conversation that does not exist.
	if (!c) return new ValidationError('conversation-not-found');
	let newStatus;
	if (statusArgValue === undefined || statusArgValue === '') {
		// Support Board's default: a reply from an agent/admin/bot waits for the user (1), a message
		// from the user waits for an agent (2).
		const sender = state.user(senderId);
		newStatus = sender && ['agent', 'admin', 'bot'].includes(sender.user_type) ? 1 : 2;
	} else if (String(statusArgValue) === 'skip') newStatus = c.status_code;
	else {
		newStatus = statusArg(statusArgValue);
		if (newStatus === null) return new ValidationError('invalid-status-code');
	}
	const m = state.addMessage({ user_id: senderId, conversation_id: c.id, message, attachments, payload });
	c.status_code = newStatus; // no conversation-status-updated webhook from send-message (as SB)
	await emit('message-sent', {
		user_id: String(senderId),
		message_id: String(m.id),
		message,
		attachments,
		conversation_user_id: String(c.user_id),
		conversation_id: String(c.id),
		conversation_status_code: String(newStatus),
		conversation_source: c.source ?? '',
	});
	const key = options.messageIdKey || 'message-id';
	const result = { status: 'success' };
	if (key === 'message-id' || key === 'both') result['message-id'] = m.id;
	if (key === 'id' || key === 'both') result.id = m.id;
	return { ...result, queue: false, notifications: [] };
}

fn('send-message', ['user_id', 'conversation_id'], (ctx) => {
	const { args } = ctx;
	return sendMessage(ctx, {
		senderId: Number(args.user_id),
		conversationId: args.conversation_id,
		message: strArg(args, 'message'),
		attachments: parseAttachments(args),
		statusArgValue: has(args, 'conversation_status_code') ? String(args.conversation_status_code) : undefined,
		payload: jsonArg(args, 'payload', ''),
	});
});

fn('update-message', ['message_id'], ({ state, args }) => {
	const m = state.message(args.message_id);
	if (!m) return true; // an UPDATE that matches nothing: still true
	if (has(args, 'message')) m.message = String(args.message);
	if (has(args, 'attachments')) m.attachments = encodeJsonColumn(parseAttachments(args));
	if (has(args, 'payload')) m.payload = encodeJsonColumn(jsonArg(args, 'payload', ''));
	return true;
});

fn('delete-message', ['message_id'], async ({ state, args, emit }) => {
	const m = state.message(args.message_id);
	if (m) {
		state.messages.delete(m.id);
		await emit('message-deleted', String(m.id));
	}
	return true;
});

fn('get-new-messages', ['conversation_id', 'datetime'], ({ state, args }) => {
	const c = state.conversation(args.conversation_id);
	if (!c) return [];
	const after = newerThan(args.datetime);
	return state
		.conversationMessages(c)
		.filter((m) => (after.id !== undefined ? m.id > after.id : formatTime(m.creation_time) > after.time))
		.map((m) => state.messageRow(m));
});

fn('update-messages-status', ['message_ids'], ({ state, args }) => {
	// Support Board marks them read with status_code 2.
	for (const id of jsonArg(args, 'message_ids', []) || []) {
		const m = state.message(id);
		if (m) m.status_code = 2;
	}
	return true;
});

fn('direct-message', ['user_ids', 'message'], async (ctx) => {
	// A chat direct message: Support Board opens a conversation for each user and posts the
	// message there as the active agent (the admin that owns the API), so the usual
	// new-conversation-created / message-sent webhooks fire.
	const { state, args, emit } = ctx;
	const ids = listArg(args, 'user_ids') || [];
	for (const id of ids) {
		const u = state.user(id);
		if (!u) continue;
		const c = state.addConversation({ user_id: u.id, status_code: 1, title: strArg(args, 'subject', '') === 'false' ? '' : strArg(args, 'subject', '') });
		const details = state.conversationDetails(c);
		await emit('new-conversation-created', { details: { ...details, department: details.department ?? '', agent_id: details.agent_id ?? '' } });
		await sendMessage(ctx, { senderId: state.adminId, conversationId: c.id, message: String(args.message), attachments: [], statusArgValue: '1', payload: '' });
	}
	state.outbox.directMessages.push({ user_ids: ids, message: String(args.message), subject: has(args, 'subject') ? args.subject : false });
	return true;
});

// Notes

fn('get-notes', ['conversation_id'], ({ state, args }) => (state.notes.get(Number(args.conversation_id)) || []).map((n) => ({ ...n })));

fn('add-note', ['conversation_id', 'user_id', 'name', 'message'], ({ state, args }) => {
	const c = state.conversation(args.conversation_id);
	if (!c) return false;
	// Support Board picks a random numeric note ID; the stand-in counts up from 1001 (stable tests).
	const id = 1000 + ++state.seq.note;
	const list = state.notes.get(c.id) || [];
	list.push({ id, user_id: String(args.user_id), name: String(args.name), message: String(args.message) });
	state.notes.set(c.id, list);
	return id;
});

fn('delete-note', ['conversation_id', 'note_id'], ({ state, args }) => {
	const list = state.notes.get(Number(args.conversation_id)) || [];
	const i = list.findIndex((n) => String(n.id) === String(args.note_id));
	if (i < 0) return false;
	list.splice(i, 1);
	return true;
});

// Departments

fn('get-departments', [], ({ state }) => phpAssoc(Object.fromEntries([...state.departments.entries()].map(([id, d]) => [String(id), { ...d }]))));

// Notifications

fn('send-email', [], ({ state, args }) => {
	if (!has(args, 'recipient_id') || !strArg(args, 'message')) return new ValidationError('missing-user-id-or-message');
	const to = state.user(args.recipient_id);
	const senderId = has(args, 'sender_id') ? args.sender_id : state.adminId;
	if (!to || !state.user(senderId)) return new ValidationError('user-or-sender-not-found');
	if (!to.email) return new ValidationError('user-email-not-found');
	state.outbox.emails.push({ recipient_id: to.id, to: to.email, sender_id: Number(senderId), message: String(args.message), attachments: parseAttachments(args) });
	return true;
});

fn('send-custom-email', ['to', 'subject', 'message'], ({ state, args }) => {
	state.outbox.customEmails.push({ to: String(args.to), subject: String(args.subject), message: String(args.message), sender_suffix: strArg(args, 'sender_suffix') });
	return true;
});

fn('send-sms', ['message', 'to'], ({ state, args }) => {
	const now = new Date(state.time()).toUTCString().replace('GMT', '+0000');
	const sid = 'SM' + require('crypto').randomBytes(16).toString('hex');
	const sms = {
		sid,
		date_created: now,
		date_updated: now,
		date_sent: null,
		account_sid: 'ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
		to: String(args.to),
		from: '+15104564545',
		body: String(args.message),
		status: 'queued',
		flags: ['outbound'],
		api_version: '2010-04-01',
		price: null,
		uri: `/2010-04-01/Accounts/ACXXXX/Messages/${sid}.json`,
	};
	state.outbox.sms.push({ ...sms, template: boolArg(args, 'template', true), conversation_id: has(args, 'conversation_id') ? args.conversation_id : null, attachments: parseAttachments(args) });
	return sms;
});

fn('push-notification', ['title', 'message'], ({ state, args, options }) => {
	if (options.pushNotifications === false) return false; // disabled in the settings
	const publishId = 'pubid-' + require('crypto').randomUUID();
	state.outbox.push.push({ kind: 'push', publishId, title: String(args.title), message: String(args.message), icon: strArg(args, 'icon'), interest: has(args, 'interest') ? args.interest : null, conversation_id: has(args, 'conversation_id') ? args.conversation_id : null });
	return { publishId };
});

// Articles

function articleOut(a, full) {
	const content = full || a.content.length <= 100 ? a.content : `${a.content.slice(0, 100)} ...`;
	return { id: a.id, title: a.title, content, link: a.link, categories: [...a.categories] };
}

fn('get-articles', [], ({ state, args }) => {
	const full = boolArg(args, 'full');
	const id = strArg(args, 'id', '-1');
	if (id !== '-1' && id !== '' && id !== 'false') {
		const a = state.articles.find((x) => x.id === id);
		return a ? articleOut(a, true) : false;
	}
	let list = state.articles;
	const cat = strArg(args, 'categories', 'false');
	const withCategories = cat === 'true';
	if (cat !== 'false' && cat !== 'true' && cat !== '') list = list.filter((a) => a.categories.includes(cat));
	const count = parseInt(strArg(args, 'count', ''), 10);
	if (count > 0) list = list.slice(0, count);
	const out = list.map((a) => articleOut(a, full));
	return withCategories ? [out, state.categories.map((c) => ({ ...c }))] : out;
});

fn('search-articles', ['search'], ({ state, args }) => {
	const q = strArg(args, 'search').toLowerCase();
	if (!q) return [];
	return state.articles.filter((a) => contains(a.title, q) || contains(a.content, q)).map((a) => articleOut(a, false));
});

fn('get-articles-categories', [], ({ state }) => state.categories.map((c) => ({ ...c })));

// Misc (harmless calls a credential test can use)

fn('get-versions', [], () => ({ sb: '3.7.6', dialogflow: '1.3.4', slack: '1.2.1' }));

fn('saved-replies', [], () => [
	{ 'reply-name': 'hello', 'reply-text': 'Hello! How can I help?' },
	{ 'reply-name': 'email', 'reply-text': 'Our email is support@example.com.' },
]);

module.exports = { FUNCTIONS, ApiError, ValidationError, PAGE_SIZE, STATUS_CODES, jsonArg, boolArg };
