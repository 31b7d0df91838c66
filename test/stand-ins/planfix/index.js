'use strict';
// Local stand-in of Planfix's "API for chats" (webchat), written from
// ../shared/api-docs/planfix-webchat-api.txt and the Planfix part of CONTRACT-NOTES.md.
//
// Into Planfix: POST <url>/webchat/api, application/x-www-form-urlencoded, five commands
// (newMessage, getTask, getContact, updateContact, messageStatus). Success of the writing commands
// is HTTP 200 with an EMPTY body; getTask/getContact answer {"data":{"number":N}} (or, when asked,
// `data` as a JSON-encoded string that also carries statusIsActive); errors are 400
// {"error":"Invalid parameters" | "task not found" | "unknown contact"} and 401 {"error":"Invalid token"}.
//
// Out of Planfix: the `agent` API plays a Planfix employee and POSTs cmd=newMessage to the
// configured integration URL with the integration token (`token`), either as a reply in a known chat
// or as the "first message" to a contact's phone (no chatId), and records the {chatId, contactId}
// answer.
//
// Choices where the docs are silent (kept deliberately simple, documented here):
// - The token is checked before anything else (401), then the command and its parameters (400).
// - A body that is not a form (e.g. JSON) is read as an empty form, like PHP's $_POST: no token -> 401.
// - `providerId` is required on every command and may not contain "~" (400). With
//   `options.providerIds` set, only those ids are accepted (400 otherwise).
// - updateContact on an unknown contact creates it (Planfix keeps contacts per providerId).
// - messageStatus accepts any messageId; the status is normalised (sent|read|error, else sent).
// - attachments[name] / attachments[url] are zipped by position; unequal counts -> 400.
//   Other shapes (attachments[0][name], attachments[name][]) are not attachments and are ignored
//   (they are kept in `unknownFields` of the stored message so tests can see them).
const { StandIn, sendJson, postOut } = require('../base');

const DEFAULT_PATH = '/webchat/api';
const COMMANDS = ['newMessage', 'getTask', 'getContact', 'updateContact', 'messageStatus'];
const CONTACT_FIELDS = ['contactName', 'contactLastName', 'contactIco', 'contactEmail', 'contactPhone', 'contactData'];
const KNOWN_NEW_MESSAGE_FIELDS = new Set([
	'cmd',
	'providerId',
	'channel',
	'chatId',
	'planfix_token',
	'message',
	'title',
	'contactId',
	...CONTACT_FIELDS,
	'attachments[name]',
	'attachments[url]',
	'isEcho',
	'userEmail',
]);
const STATUS_VALUES = ['sent', 'read', 'error'];

function first(value) {
	return Array.isArray(value) ? value[0] : value;
}

function present(value) {
	return typeof value === 'string' && value.trim() !== '';
}

/** Zips attachments[name]/attachments[url] pairs by position; null when the counts differ. */
function readAttachments(pairs) {
	const names = pairs.filter(([k]) => k === 'attachments[name]').map(([, v]) => v);
	const urls = pairs.filter(([k]) => k === 'attachments[url]').map(([, v]) => v);
	if (names.length !== urls.length) return null;
	return names.map((name, i) => ({ name, url: urls[i] }));
}

/**
 * Creates (does not start) the Planfix stand-in.
 * options:
 *   planfixToken      the token Planfix expects as planfix_token (default 'planfix-token')
 *   providerIds       optional list of accepted providerIds (default: any id without "~")
 *   dataAsString      getTask/getContact answer `data` as a JSON string (default false; also
 *                     switchable later with standIn.setDataAsString(bool))
 *   integrationUrl    where the agent sends cmd=newMessage (also standIn.agent.configure({url}))
 *   integrationToken  the `token` the agent sends (the integration's own key)
 *   path              endpoint path (default /webchat/api)
 *   firstTaskNumber, firstContactNumber, firstMessageId   counters' starting values
 */
function createPlanfixStandIn(options = {}) {
	const config = {
		planfixToken: 'planfix-token',
		providerIds: null,
		dataAsString: false,
		integrationUrl: null,
		integrationToken: 'integration-token',
		path: DEFAULT_PATH,
		firstTaskNumber: 1001,
		firstContactNumber: 5001,
		firstMessageId: 4188001,
		...options,
	};

	const state = {
		/** key `${providerId}~${chatId}` -> { providerId, chatId, contactId, channel, taskNumber, messages: [] } */
		chats: new Map(),
		/** key `${providerId}~${contactId}` -> { providerId, contactId, number, contactName, ... } */
		contacts: new Map(),
		/** task number -> { number, providerId, chatId, title, fields: {data_x -> x: value}, statusIsActive } */
		tasks: new Map(),
		/** every message, both directions, in order: { direction: 'in'|'out', ... } */
		messages: [],
		/** messageId -> { messageId, providerId, status, statusText, raw, history: [] } */
		statuses: new Map(),
		nextTask: config.firstTaskNumber,
		nextContact: config.firstContactNumber,
		nextMessageId: config.firstMessageId,
	};

	const key = (providerId, id) => `${providerId}~${id}`;

	function providerOk(providerId) {
		if (!present(providerId) || providerId.includes('~')) return false;
		if (Array.isArray(config.providerIds) && !config.providerIds.includes(providerId)) return false;
		return true;
	}

	function invalid(res, error = 'Invalid parameters') {
		sendJson(res, 400, { error });
	}

	function numberAnswer(res, number, task) {
		const data = { number };
		if (config.dataAsString) {
			// observed form: data is a JSON-encoded string, sometimes with statusIsActive
			const inner = task ? { ...data, statusIsActive: task.statusIsActive } : data;
			sendJson(res, 200, { data: JSON.stringify(inner) });
		} else {
			sendJson(res, 200, { data });
		}
	}

	function upsertContact(providerId, f) {
		const k = key(providerId, f.contactId);
		let contact = state.contacts.get(k);
		if (!contact) {
			contact = { providerId, contactId: f.contactId, number: state.nextContact++ };
			state.contacts.set(k, contact);
		}
		for (const field of CONTACT_FIELDS) if (f[field] !== undefined) contact[field] = f[field];
		return contact;
	}

	function openTask(providerId, chatId, title, fields) {
		const number = state.nextTask++;
		const task = { number, providerId, chatId, title: title || null, fields: { ...fields }, statusIsActive: true };
		state.tasks.set(number, task);
		return task;
	}

	function ensureChat(providerId, chatId, contactId, extra = {}) {
		const k = key(providerId, chatId);
		let chat = state.chats.get(k);
		let opened = false;
		if (!chat) {
			const task = openTask(providerId, chatId, extra.title, extra.fields || {});
			chat = { providerId, chatId, contactId, channel: extra.channel, taskNumber: task.number, messages: [] };
			state.chats.set(k, chat);
			opened = true;
		}
		return { chat, opened };
	}

	const handlers = {
		newMessage(f, pairs, res) {
			if (!present(f.chatId) || !present(f.contactId) || !present(f.contactName)) return invalid(res);
			const attachments = readAttachments(pairs);
			if (attachments === null) return invalid(res);
			if (!present(f.message) && attachments.length === 0) return invalid(res);
			const taskFields = {};
			for (const [k, v] of pairs) if (k.startsWith('data_') && k.length > 5) taskFields[k.slice(5)] = v;
			const unknownFields = pairs.filter(([k]) => !KNOWN_NEW_MESSAGE_FIELDS.has(k) && !k.startsWith('data_'));
			const contact = upsertContact(f.providerId, f);
			const { chat, opened } = ensureChat(f.providerId, f.chatId, f.contactId, {
				title: f.title,
				fields: taskFields,
				channel: f.channel,
			});
			const task = state.tasks.get(chat.taskNumber);
			if (!opened) Object.assign(task.fields, taskFields);
			const message = {
				direction: 'in',
				providerId: f.providerId,
				chatId: f.chatId,
				contactId: f.contactId,
				contactNumber: contact.number,
				taskNumber: task.number,
				openedTask: opened,
				message: f.message ?? '',
				title: f.title,
				channel: f.channel,
				attachments,
				isEcho: f.isEcho === 'true' || f.isEcho === '1',
				userEmail: f.userEmail,
				taskFields,
				unknownFields,
			};
			chat.messages.push(message);
			state.messages.push(message);
			res.writeHead(200);
			res.end();
		},
		getTask(f, _pairs, res) {
			if (!present(f.chatId)) return invalid(res);
			const chat = state.chats.get(key(f.providerId, f.chatId));
			if (!chat) return invalid(res, 'task not found');
			return numberAnswer(res, chat.taskNumber, state.tasks.get(chat.taskNumber));
		},
		getContact(f, _pairs, res) {
			if (!present(f.contactId)) return invalid(res);
			const contact = state.contacts.get(key(f.providerId, f.contactId));
			if (!contact) return invalid(res, 'unknown contact');
			return numberAnswer(res, contact.number);
		},
		updateContact(f, _pairs, res) {
			if (!present(f.contactId) || !present(f.contactName)) return invalid(res);
			upsertContact(f.providerId, f);
			res.writeHead(200);
			res.end();
		},
		messageStatus(f, _pairs, res) {
			if (!present(f.messageId) || !present(f.messageStatus)) return invalid(res);
			const status = STATUS_VALUES.includes(f.messageStatus) ? f.messageStatus : 'sent';
			let entry = state.statuses.get(f.messageId);
			if (!entry) {
				entry = { messageId: f.messageId, providerId: f.providerId, history: [] };
				state.statuses.set(f.messageId, entry);
			}
			entry.status = status;
			entry.raw = f.messageStatus;
			entry.statusText = f.messageStatusText;
			entry.history.push({ status, raw: f.messageStatus, statusText: f.messageStatusText });
			res.writeHead(200);
			res.end();
		},
	};

	async function handle(request, res) {
		if (request.path !== config.path) return sendJson(res, 404, { error: 'Not found' });
		if (request.method !== 'POST') return sendJson(res, 405, { error: 'Method not allowed' });
		// Only a form body is read (PHP $_POST); anything else looks like an empty form.
		const pairs = request.form ? request.form.pairs : [];
		const fields = {};
		for (const [k, v] of pairs) if (!(k in fields)) fields[k] = v;
		if (fields.planfix_token !== config.planfixToken) return sendJson(res, 401, { error: 'Invalid token' });
		if (!COMMANDS.includes(fields.cmd)) return invalid(res);
		if (!providerOk(fields.providerId)) return invalid(res);
		return handlers[fields.cmd](fields, pairs, res);
	}

	const standIn = new StandIn('planfix', handle);
	standIn.state = state;
	standIn.config = config;
	standIn.setDataAsString = (on = true) => {
		config.dataAsString = Boolean(on);
		return standIn;
	};
	/** The Planfix address to put into the credential (the whole URL, like the integration window). */
	Object.defineProperty(standIn, 'apiUrl', { get: () => (standIn.url ? standIn.url + config.path : null) });

	// Seeding helpers for tests (what a chat would have produced earlier).
	standIn.seedChat = ({ providerId, chatId, contactId, contactName = 'Seeded', title, fields } = {}) => {
		upsertContact(providerId, { contactId, contactName });
		return ensureChat(providerId, chatId, contactId, { title, fields }).chat;
	};
	standIn.seedContact = ({ providerId, contactId, ...rest }) => upsertContact(providerId, { contactId, ...rest });
	standIn.taskForChat = (providerId, chatId) => {
		const chat = state.chats.get(key(providerId, chatId));
		return chat ? state.tasks.get(chat.taskNumber) : undefined;
	};
	standIn.contact = (providerId, contactId) => state.contacts.get(key(providerId, contactId));
	standIn.chat = (providerId, chatId) => state.chats.get(key(providerId, chatId));
	/** Requests that reached the API endpoint, as ordered form pairs plus the flat fields. */
	standIn.apiCalls = () => standIn.requests.filter((r) => r.path === config.path);

	// ---- the Planfix agent: Planfix -> integration ----
	const agent = {
		/** Every call the agent made: { form (ordered pairs), status, text, json, answer, error } */
		sent: [],
		configure({ url, token } = {}) {
			if (url !== undefined) config.integrationUrl = url;
			if (token !== undefined) config.integrationToken = token;
			return agent;
		},
		/**
		 * Sends raw cmd=newMessage fields (ordered pairs or an object) to the integration.
		 * options.token overrides the integration token (null leaves it out); options.url the target.
		 */
		async send(pairs, { token = config.integrationToken, url = config.integrationUrl, timeoutMs } = {}) {
			if (!url) throw new Error('planfix stand-in: no integration URL configured (agent.configure({ url }))');
			const list = Array.isArray(pairs) ? [...pairs] : Object.entries(pairs);
			if (token !== null && token !== undefined) list.splice(Math.min(list.length, 3), 0, ['token', token]);
			const form = list.filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => [k, String(v)]);
			const response = await postOut(url, { form, timeoutMs });
			const record = {
				form,
				status: response.status,
				text: response.text,
				json: response.json,
				answer: null,
			};
			if (response.status === 200 && response.json && present(String(response.json.chatId ?? '')) && present(String(response.json.contactId ?? ''))) {
				record.answer = { chatId: String(response.json.chatId), contactId: String(response.json.contactId) };
			}
			agent.sent.push(record);
			return record;
		},
		buildMessage({
			providerId,
			chatId,
			contactPhone,
			channel,
			message = 'Hello, how can I help you?',
			messageId,
			userName = 'Peter',
			userLastName = 'Peterson',
			userIco = 'https://account_name.planfix.com/?action=getuserpic&id=77',
			taskEmail,
			attachments = [],
		}) {
			const pairs = [
				['cmd', 'newMessage'],
				['providerId', providerId],
			];
			if (chatId !== undefined) pairs.push(['chatId', chatId]);
			if (contactPhone !== undefined) pairs.push(['contactPhone', contactPhone]);
			if (channel !== undefined) pairs.push(['channel', channel]);
			pairs.push(
				['message', message],
				['messageId', messageId],
				['userName', userName],
				['userLastName', userLastName],
				['userIco', userIco],
			);
			if (taskEmail !== undefined) pairs.push(['taskEmail', taskEmail]);
			for (const a of attachments) pairs.push(['attachments[name]', a.name], ['attachments[url]', a.url]);
			return pairs;
		},
		/**
		 * An employee answers in a known chat. Records the outgoing message (for messageStatus) and
		 * the integration's {chatId, contactId} answer.
		 */
		async reply({ providerId, chatId, token, url, ...rest }) {
			if (!present(chatId)) throw new Error('planfix stand-in: agent.reply needs a chatId');
			const chat = state.chats.get(key(providerId, chatId));
			const messageId = rest.messageId ?? String(state.nextMessageId++);
			const taskEmail = rest.taskEmail ?? (chat ? `task+${chat.taskNumber}@planfix.test` : undefined);
			const record = await agent.send(agent.buildMessage({ providerId, chatId, ...rest, messageId, taskEmail }), {
				token,
				url,
			});
			record.messageId = messageId;
			state.messages.push({ direction: 'out', providerId, chatId, messageId, message: rest.message, answer: record.answer });
			if (!state.statuses.has(messageId)) state.statuses.set(messageId, { messageId, providerId, status: null, history: [] });
			return record;
		},
		/**
		 * The "Write" button on a contact with a phone: no chatId, a contactPhone instead. On a
		 * {chatId, contactId} answer, the chat is bound to the answered ids and a task is opened.
		 */
		async firstMessage({ providerId, contactPhone, token, url, ...rest }) {
			if (!present(contactPhone)) throw new Error('planfix stand-in: agent.firstMessage needs a contactPhone');
			const messageId = rest.messageId ?? String(state.nextMessageId++);
			const record = await agent.send(
				agent.buildMessage({ providerId, contactPhone, ...rest, chatId: undefined, messageId }),
				{ token, url },
			);
			record.messageId = messageId;
			if (record.answer) {
				upsertContact(providerId, { contactId: record.answer.contactId, contactPhone });
				ensureChat(providerId, record.answer.chatId, record.answer.contactId, { channel: rest.channel });
			}
			state.messages.push({ direction: 'out', providerId, contactPhone, messageId, message: rest.message, answer: record.answer, first: true });
			// The integration may already have reported a status while answering: keep it.
			if (!state.statuses.has(messageId)) state.statuses.set(messageId, { messageId, providerId, status: null, history: [] });
			return record;
		},
	};
	standIn.agent = agent;
	return standIn;
}

module.exports = { createPlanfixStandIn, readAttachments, DEFAULT_PATH };
