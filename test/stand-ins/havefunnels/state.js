'use strict';
// In-memory data of the HaveFunnels stand-in (Support Board's tables: sb_users, sb_users_data,
// sb_conversations, sb_messages, plus settings-held departments, articles and notes) and the row
// shapes the Web API prints. IDs are numbers inside, printed as strings in rows (MySQL rows reach
// PHP as strings), as numbers where the API page shows numbers (new IDs, get-agents-ids, ...).

const USER_TYPES = ['visitor', 'user', 'lead', 'agent', 'admin', 'bot'];
const AGENT_TYPES = ['agent', 'admin'];
const ONLINE_SECONDS = 30; // Support Board: online = last activity within the last 30 seconds

const DEFAULT_IMAGE = 'https://havefunnels.com/script/media/user.svg';

function pad(n) {
	return String(n).padStart(2, '0');
}

/** UTC 'YYYY-MM-DD HH:MM:SS', the format of every date the API prints and accepts. */
function formatTime(ms) {
	const d = new Date(ms);
	return (
		`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
		`${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
	);
}

function randomToken() {
	return require('crypto').randomBytes(20).toString('hex');
}

function slugLabel(slug) {
	const s = String(slug).replace(/[-_]+/g, ' ');
	return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A Map that counts its changes (set, delete, clear), for the message index. */
class VersionedMap extends Map {
	constructor() {
		super();
		this.version = 0;
	}
	set(key, value) {
		this.version = (this.version || 0) + 1;
		return super.set(key, value);
	}
	delete(key) {
		this.version += 1;
		return super.delete(key);
	}
	clear() {
		this.version += 1;
		super.clear();
	}
}

class HaveFunnelsState {
	constructor(options = {}) {
		this.now = typeof options.now === 'function' ? options.now : () => Date.now();
		this.users = new Map();
		this.conversations = new Map();
		this.messages = new VersionedMap();
		this.notes = new Map(); // conversation id -> [{id, user_id, name, message}]
		this.departments = new Map(); // id -> {name, color, image}
		this.articles = [];
		this.categories = [];
		this.transcripts = new Map(); // file name -> text
		this.outbox = { emails: [], customEmails: [], sms: [], push: [], directMessages: [] };
		this.seq = { user: 0, conversation: 0, message: 0, note: 0 };
	}

	time() {
		return this.now();
	}

	// ---------- users ----------

	addUser(fields = {}) {
		const id = fields.id !== undefined ? Number(fields.id) : ++this.seq.user;
		if (id > this.seq.user) this.seq.user = id;
		const at = fields.creation_time_ms ?? this.time();
		const user = {
			id,
			first_name: fields.first_name ?? '',
			last_name: fields.last_name ?? '',
			email: fields.email || null,
			profile_image: fields.profile_image || DEFAULT_IMAGE,
			user_type: fields.user_type || 'visitor',
			creation_time: at,
			last_activity: fields.last_activity_ms ?? at,
			department: fields.department === undefined || fields.department === '' ? null : fields.department,
			token: fields.token || randomToken(),
			password: fields.password || '',
			extra: new Map(),
		};
		this.users.set(id, user);
		this.setExtra(user, fields.extra);
		return user;
	}

	/** extra: {slug: [value, label]} or {slug: value}; a null/'' value deletes the detail. */
	setExtra(user, extra) {
		if (!extra || typeof extra !== 'object') return;
		for (const [slug, raw] of Object.entries(extra)) {
			const value = Array.isArray(raw) ? raw[0] : raw;
			const label = Array.isArray(raw) && raw[1] ? raw[1] : user.extra.get(slug)?.name || slugLabel(slug);
			if (value === null || value === undefined || value === '') user.extra.delete(slug);
			else user.extra.set(slug, { name: String(label), value: String(value) });
		}
	}

	user(id) {
		return this.users.get(Number(id)) || null;
	}

	userByEmail(email) {
		if (!email) return null;
		const e = String(email).toLowerCase();
		for (const u of this.users.values()) if (u.email && u.email.toLowerCase() === e) return u;
		return null;
	}

	userByExtra(slug, value) {
		for (const u of this.users.values()) if (u.extra.get(slug)?.value === String(value)) return u;
		return null;
	}

	isOnline(user) {
		return !!user && this.time() - user.last_activity <= ONLINE_SECONDS * 1000;
	}

	setOnline(id, online = true) {
		const u = this.user(id);
		if (u) u.last_activity = online ? this.time() : this.time() - 3600 * 1000;
		return u;
	}

	deleteUser(id) {
		const u = this.user(id);
		if (!u) return false;
		this.users.delete(u.id);
		for (const c of [...this.conversations.values()]) if (c.user_id === u.id) this.deleteConversation(c.id);
		return true;
	}

	deleteConversation(id) {
		this.conversations.delete(Number(id));
		this.notes.delete(Number(id));
		for (const m of [...this.messages.values()]) if (m.conversation_id === Number(id)) this.messages.delete(m.id);
	}

	extraList(user) {
		return [...user.extra.entries()].map(([slug, d]) => ({ slug, name: d.name, value: d.value }));
	}

	/** A row of sb_users as the list functions print it (get-users, search-users, ...). */
	userRow(u) {
		return {
			id: String(u.id),
			first_name: u.first_name,
			last_name: u.last_name,
			email: u.email,
			profile_image: u.profile_image,
			user_type: u.user_type,
			creation_time: formatTime(u.creation_time),
			last_activity: formatTime(u.last_activity),
			department: u.department === null ? null : String(u.department),
			token: u.token,
		};
	}

	/** get-user / get-agent: the row plus `password` (never the hash here) and, on request, details. */
	userDetails(u, withDetails) {
		const row = { ...this.userRow(u), password: '' };
		if (withDetails) row.details = this.extraList(u);
		return row;
	}

	// ---------- conversations ----------

	addConversation(fields = {}) {
		const id = fields.id !== undefined ? Number(fields.id) : ++this.seq.conversation;
		if (id > this.seq.conversation) this.seq.conversation = id;
		const conv = {
			id,
			user_id: Number(fields.user_id),
			title: fields.title ?? '',
			creation_time: fields.creation_time_ms ?? this.time(),
			status_code: Number(fields.status_code ?? 0),
			department: fields.department ?? null,
			agent_id: fields.agent_id ?? null,
			source: fields.source ?? null,
			extra: fields.extra ?? null,
			rating: null,
		};
		this.conversations.set(id, conv);
		return conv;
	}

	conversation(id) {
		return this.conversations.get(Number(id)) || null;
	}

	/** The `details` object of get-conversation / new-conversation and of the conversation webhooks. */
	conversationDetails(c) {
		const u = this.user(c.user_id);
		return {
			user_id: String(c.user_id),
			first_name: u ? u.first_name : '',
			last_name: u ? u.last_name : '',
			profile_image: u ? u.profile_image : '',
			user_type: u ? u.user_type : '',
			id: String(c.id),
			title: c.title,
			conversation_time: formatTime(c.creation_time),
			conversation_status_code: String(c.status_code),
			department: c.department === null ? null : String(c.department),
			// Not on the API page's sample; recent Support Board versions print them (the webhook
			// sample of new-conversation-created carries agent_id).
			agent_id: c.agent_id === null ? null : String(c.agent_id),
			source: c.source,
			extra: c.extra,
		};
	}

	conversationMessages(c) {
		// Indexed by conversation, rebuilt when a message is added or deleted: a history of tens of
		// thousands of messages stays fast to read conversation by conversation.
		if (this.messageIndexVersion !== this.messages.version) {
			const index = new Map();
			for (const m of this.messages.values()) {
				if (!index.has(m.conversation_id)) index.set(m.conversation_id, []);
				index.get(m.conversation_id).push(m);
			}
			for (const list of index.values()) list.sort((a, b) => a.id - b.id);
			this.messageIndex = index;
			this.messageIndexVersion = this.messages.version;
		}
		return [...(this.messageIndex.get(c.id) || [])];
	}

	/** Support Board's lists pick each conversation's last message with a text or attachments. */
	lastMessage(c) {
		const list = this.conversationMessages(c).filter((m) => m.message !== '' || m.attachments !== '');
		return list.length ? list[list.length - 1] : null;
	}

	// ---------- messages ----------

	addMessage(fields = {}) {
		const id = fields.id !== undefined ? Number(fields.id) : ++this.seq.message;
		if (id > this.seq.message) this.seq.message = id;
		const msg = {
			id,
			user_id: Number(fields.user_id),
			message: fields.message ?? '',
			creation_time: fields.creation_time_ms ?? this.time(),
			attachments: encodeJsonColumn(fields.attachments),
			status_code: Number(fields.status_code ?? 0),
			payload: encodeJsonColumn(fields.payload),
			conversation_id: Number(fields.conversation_id),
		};
		this.messages.set(id, msg);
		return msg;
	}

	message(id) {
		return this.messages.get(Number(id)) || null;
	}

	/** A message row: the message columns plus its sender's name, image and type. The
	 * `attachments` and `payload` columns are JSON texts (or ''), as stored in the database. */
	messageRow(m) {
		const s = this.user(m.user_id);
		return {
			id: String(m.id),
			user_id: String(m.user_id),
			message: m.message,
			creation_time: formatTime(m.creation_time),
			attachments: m.attachments,
			status_code: String(m.status_code),
			payload: m.payload,
			conversation_id: String(m.conversation_id),
			first_name: s ? s.first_name : '',
			last_name: s ? s.last_name : '',
			profile_image: s ? s.profile_image : '',
			user_type: s ? s.user_type : '',
		};
	}

	/** A row of the conversation lists (get-conversations, search-conversations, ...): the last
	 * message, `message_user_type` = its sender's type, and the names/type of the conversation's
	 * user, plus `conversation_status_code`. */
	conversationListRow(c, m) {
		const u = this.user(c.user_id);
		const sender = this.user(m.user_id);
		return {
			...this.messageRow(m),
			message_user_type: sender ? sender.user_type : '',
			first_name: u ? u.first_name : '',
			last_name: u ? u.last_name : '',
			profile_image: u ? u.profile_image : '',
			user_type: u ? u.user_type : '',
			conversation_status_code: String(c.status_code),
			// Beyond the page's sample; recent versions add the conversation's own columns.
			department: c.department === null ? null : String(c.department),
			agent_id: c.agent_id === null ? null : String(c.agent_id),
			title: c.title,
			source: c.source,
		};
	}

	/** Rows of get-user-conversations / search-user-conversations: the last message with its
	 * sender's names and type (the page's sample shows an agent's name there). */
	userConversationRow(c, m) {
		return { ...this.messageRow(m), conversation_status_code: String(c.status_code) };
	}

	// ---------- seed ----------

	seed(options = {}) {
		const t = this.time() - 24 * 3600 * 1000;
		const admin = this.addUser({
			first_name: 'Ada',
			last_name: 'Admin',
			email: 'admin@havefunnels.test',
			user_type: 'admin',
			creation_time_ms: t,
			last_activity_ms: this.time(),
		});
		const agent = this.addUser({
			first_name: 'Bruce',
			last_name: 'Peterson',
			email: 'bruce@havefunnels.test',
			user_type: 'agent',
			department: 1,
			creation_time_ms: t + 1000,
			last_activity_ms: t + 1000,
		});
		const bot = this.addUser({
			first_name: 'Virtual',
			last_name: 'Agent',
			user_type: 'bot',
			profile_image: 'https://havefunnels.com/script/media/bot.svg',
			creation_time_ms: t + 2000,
			last_activity_ms: t + 2000,
		});
		this.adminId = admin.id;
		this.agentId = agent.id;
		this.botId = bot.id;
		this.departments.set(1, { name: 'Sales', color: 'yellow', image: 'https://havefunnels.com/script/media/sales.png' });
		this.departments.set(2, { name: 'Support', color: 'red', image: 'https://havefunnels.com/script/media/support.png' });
		this.categories = [
			{ id: 'K92kl', title: 'Getting started' },
			{ id: 'ols85', title: 'Billing' },
		];
		this.articles = [
			{
				id: '6P2Oq',
				title: "What's new with the API V2?",
				content:
					'The API V2 is the new iteration of our developer API. The new API integrates the chat, the tickets and the knowledge base into a single set of functions.',
				link: 'https://havefunnels.com/docs/api-v2',
				categories: ['K92kl'],
			},
			{
				id: 'qf7kD',
				title: 'Should I move to the new system?',
				content: 'Yes. The newest version of the Actions is faster and supports every channel.',
				link: 'https://havefunnels.com/docs/move',
				categories: ['K92kl'],
			},
			{
				id: 'b7Hn2',
				title: 'How do I change my invoice details?',
				content: 'Open Account > Billing and edit the invoice details; the next invoice uses them.',
				link: 'https://havefunnels.com/docs/invoices',
				categories: ['ols85'],
			},
		];
		if (options.customers) {
			const john = this.addUser({
				first_name: 'John',
				last_name: 'Doe',
				email: 'john@example.com',
				user_type: 'lead',
				creation_time_ms: t + 3000,
				last_activity_ms: t + 3000,
				extra: { phone: ['+44123456', 'Phone'], location: ['New York, United States', 'Location'] },
			});
			const conv = this.addConversation({ user_id: john.id, status_code: 2, creation_time_ms: t + 4000, department: 1 });
			this.addMessage({ user_id: john.id, conversation_id: conv.id, message: 'Hello! I need help.', creation_time_ms: t + 4000 });
			this.addMessage({ user_id: agent.id, conversation_id: conv.id, message: 'Hello, how can I help?', creation_time_ms: t + 5000 });
		}
	}
}

/** attachments / payload columns: '' when empty, else the JSON text. */
function encodeJsonColumn(value) {
	if (value === undefined || value === null || value === '' || value === false) return '';
	if (typeof value === 'string') return value;
	if (Array.isArray(value) && value.length === 0) return '';
	return JSON.stringify(value);
}

module.exports = {
	HaveFunnelsState,
	USER_TYPES,
	AGENT_TYPES,
	formatTime,
	encodeJsonColumn,
	slugLabel,
	DEFAULT_IMAGE,
};
