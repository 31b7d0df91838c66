'use strict';
// Local stand-in of HaveFunnels (a white-label of Support Board): `POST <installation>/include/api.php`
// form-encoded with `token` + `function` + arguments, answered the way the PHP API answers
// (JSON printed by json_encode, `\/` escapes, a text/html content type), and the webhooks it sends.
//
//   const { createHaveFunnelsStandIn } = require('../stand-ins/havefunnels');
//   const hf = await createHaveFunnelsStandIn({ token: 't0k', webhookUrl, webhookKey: 'k' }).start();
//   hf.url                     -> http://127.0.0.1:<port>   (installation URL: hf.url or hf.url + '/script')
//   hf.calls('send-message')   -> recorded requests of that function ({ args, fn, rawBody, form, ... })
//   hf.webhooks                -> webhooks sent: { event, body, rawBody, status, responseText, error }
//   hf.emitEvent('login')      -> send any documented event by hand (doc sample data by default)
//   hf.inject({ status: 429, retryAfter: 2 }) / { status: 503 } / { delayMs } / { drop: true }
const path = require('path');
const { StandIn, sendText } = require('../base');
const { parsePhpForm, parsePhpMultipart, phpJsonEncode } = require('./php');
const { HaveFunnelsState } = require('./state');
const { FUNCTIONS, ApiError, ValidationError } = require('./functions');
require('./functions-more'); // the functions of issue 15 register into FUNCTIONS

const WEBHOOK_SAMPLES = require(path.join(__dirname, 'fixtures', 'webhook-samples.json'));

/** Every webhook event the vendor documents (Settings > Miscellaneous > Webhooks). */
const WEBHOOK_EVENTS = Object.keys(WEBHOOK_SAMPLES);

/** $_POST of a recorded request. PHP fills it only from form bodies (urlencoded or multipart):
 * a JSON body or a GET query leaves it empty. */
function readArgs(request) {
	if (request.contentType.includes('application/x-www-form-urlencoded')) return parsePhpForm(request.rawBody);
	if (request.contentType.includes('multipart/form-data')) return parsePhpMultipart(request.rawBody, request.contentType);
	return {};
}

class HaveFunnelsStandIn extends StandIn {
	/**
	 * @param {object} options
	 *   token            admin API token (default 'hf-test-token')
	 *   webhookUrl       where webhooks go (none: no webhooks); webhookKey: the secret `key`
	 *   webhookEvents    active events (array or comma list); empty = all, as in the settings
	 *   webhookTimeoutMs 10000, as Support Board's cURL call
	 *   senderUrl        the `sender-url` field (default: the stand-in's URL + '/script')
	 *   legacyErrors     true: API errors at HTTP 200 (old versions); false: 400/401/404 (recent)
	 *   contentType      content type of answers (default 'text/html; charset=UTF-8', as PHP)
	 *   escapeSlashes / escapeUnicode   json_encode() defaults (both true)
	 *   messageIdKey     send-message answer key: 'message-id' (page), 'id' or 'both'
	 *   seed             seed admin/agent/bot, departments, articles (default true);
	 *                    seedCustomers: also a lead "John Doe" with a conversation of two messages
	 *   pushNotifications  false: push-notification answers false (disabled in settings)
	 *   now              () => epoch ms, the stand-in's clock
	 */
	constructor(options = {}) {
		super('havefunnels', (request, res) => this.handle(request, res));
		this.options = {
			token: 'hf-test-token',
			webhookTimeoutMs: 10000,
			legacyErrors: false,
			contentType: 'text/html; charset=UTF-8',
			escapeSlashes: true,
			escapeUnicode: true,
			messageIdKey: 'message-id',
			seed: true,
			...options,
		};
		this.state = new HaveFunnelsState(this.options);
		if (this.options.seed !== false) this.state.seed({ customers: !!this.options.seedCustomers });
		this.webhooks = [];
		this.forced = [];
		this.webhookWaiters = [];
		this.setWebhook({
			url: options.webhookUrl,
			key: options.webhookKey,
			events: options.webhookEvents,
			enabled: options.webhooksEnabled,
		});
	}

	get token() {
		return this.options.token;
	}

	get adminId() {
		return this.state.adminId;
	}

	get agentId() {
		return this.state.agentId;
	}

	get botId() {
		return this.state.botId;
	}

	/** The installation URL under the cloud-style prefix: `${url}/script` (api at /script/include/api.php). */
	get installationUrl() {
		return `${this.url}/script`;
	}

	setLegacyErrors(on = true) {
		this.options.legacyErrors = !!on;
		return this;
	}

	/** Settings > Miscellaneous > Webhooks. `events`: array or comma list; empty = all. */
	setWebhook({ url, key, events, enabled } = {}) {
		const list = Array.isArray(events)
			? events
			: typeof events === 'string'
				? events.split(',').map((s) => s.trim()).filter(Boolean)
				: [];
		this.webhookConfig = {
			url: url || null,
			key: key ?? '',
			events: list,
			enabled: enabled === undefined ? !!url : !!enabled,
		};
		return this;
	}

	isEventActive(event) {
		const c = this.webhookConfig;
		return !!(c.enabled && c.url) && (c.events.length === 0 || c.events.includes(event));
	}

	/** Answer the next call(s) of `fn` with this instead of running it: `{ body }` (a value printed
	 * as PHP does) or `{ raw }` (text as is), `status` (default 200), `contentType`, `times`. */
	forceResponse(fn, { status = 200, body, raw, contentType, times = 1 } = {}) {
		this.forced.push({ fn, status, body, raw, contentType, times });
		return this;
	}

	// ---------- state shortcuts for tests ----------

	addUser(fields) {
		return this.state.addUser(fields);
	}

	addConversation(fields) {
		return this.state.addConversation(fields);
	}

	addMessage(fields) {
		return this.state.addMessage(fields);
	}

	setOnline(userId, online = true) {
		return this.state.setOnline(userId, online);
	}

	/** Recorded api.php requests, optionally only those of one function. Requests that a fault
	 * answered (429, 5xx, drop, ...) never reached the handler: their `args`/`fn` are filled in
	 * here, so retries count as calls too. */
	calls(fn) {
		const list = [];
		for (const r of this.requests) {
			if (!/\/include\/api\.php$/.test(r.path)) continue;
			if (r.fn === undefined) {
				r.args = readArgs(r);
				r.fn = typeof r.args.function === 'string' ? r.args.function : '';
			}
			if (fn === undefined || r.fn === fn) list.push(r);
		}
		return list;
	}

	clearWebhooks() {
		this.webhooks = [];
	}

	// ---------- HTTP ----------

	print(res, status, value, contentType) {
		const text = phpJsonEncode(value, this.options);
		res.writeHead(status, { 'Content-Type': contentType || this.options.contentType });
		res.end(text);
	}

	apiError(res, code, message, httpStatus) {
		const status = this.options.legacyErrors ? 200 : httpStatus;
		this.print(res, status, { status: 'error', response: code, message });
	}

	async handle(request, res) {
		const api = /^(.*)\/include\/api\.php$/.exec(request.path);
		if (!api) {
			const upload = /\/uploads\/(.+)$/.exec(request.path);
			if (request.method === 'GET' && upload && this.state.transcripts.has(upload[1])) {
				sendText(res, 200, this.state.transcripts.get(upload[1]), {
					'Content-Type': upload[1].endsWith('.csv') ? 'text/csv' : 'text/plain',
				});
				return;
			}
			sendText(res, 404, '<h1>Not Found</h1>');
			return;
		}
		const prefix = api[1];
		const args = readArgs(request);
		request.args = args;
		request.fn = typeof args.function === 'string' ? args.function : '';

		if (!args.token) {
			// Assumed code/message: the page documents the error form, not each code.
			this.apiError(res, 'missing-token', 'The token is required. Use the admin API token (Account > Installation > API token).', 401);
			return;
		}
		if (args.token !== this.options.token) {
			this.apiError(res, 'invalid-token', 'Invalid token. Only the admin API token is supported.', 401);
			return;
		}
		if (!request.fn) {
			this.apiError(res, 'missing-function', 'The function name is required. Get it from the docs.', 400);
			return;
		}
		const forced = this.forced.findIndex((f) => f.fn === request.fn && f.times > 0);
		if (forced >= 0) {
			const f = this.forced[forced];
			f.times -= 1;
			if (f.times <= 0) this.forced.splice(forced, 1);
			if (f.raw !== undefined) {
				res.writeHead(f.status, { 'Content-Type': f.contentType || this.options.contentType });
				res.end(String(f.raw));
			} else this.print(res, f.status, f.body, f.contentType);
			return;
		}
		const def = FUNCTIONS[request.fn];
		if (!def) {
			this.apiError(res, 'function-not-found', `Function ${request.fn} not found. Check the function name.`, 404);
			return;
		}
		const missing = def.required.filter((a) => args[a] === undefined);
		if (missing.length) {
			this.apiError(res, 'missing-argument', `Missing argument${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`, 400);
			return;
		}
		let value;
		try {
			value = await def.run({
				state: this.state,
				args,
				options: this.options,
				installationUrl: `${this.url}${prefix}`,
				emit: (event, data) => this.emit(event, data),
			});
		} catch (error) {
			if (error instanceof ApiError) {
				this.apiError(res, error.code, error.message, error.httpStatus);
				return;
			}
			throw error;
		}
		if (value instanceof ValidationError) this.print(res, 200, { success: false, response: value.code });
		else this.print(res, 200, { success: true, response: value });
	}

	// ---------- webhooks ----------

	/** Sends an event if it is active (as Support Board does), awaiting the receiver like PHP's
	 * synchronous cURL call: one attempt, 10 s timeout, no retry. Returns the record or null. */
	async emit(event, data, { force = false } = {}) {
		if (!force && !this.isEventActive(event)) return null;
		if (!this.webhookConfig.url) return null;
		const body = {
			function: event,
			key: this.webhookConfig.key,
			data,
			'sender-url': this.options.senderUrl || this.installationUrl,
		};
		const rawBody = phpJsonEncode(body, this.options);
		const record = { at: Date.now(), event, url: this.webhookConfig.url, body, rawBody, status: null, responseText: null, error: null, durationMs: null };
		this.webhooks.push(record);
		const controller = new AbortController();
		const timer = setTimeout(() => controller.abort(), this.options.webhookTimeoutMs);
		const started = Date.now();
		try {
			const response = await fetch(this.webhookConfig.url, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', 'User-Agent': 'HaveFunnels' },
				body: rawBody,
				signal: controller.signal,
			});
			record.status = response.status;
			record.responseText = await response.text();
		} catch (error) {
			record.status = 0;
			record.error = controller.signal.aborted ? 'timeout' : String((error && error.cause && error.cause.code) || (error && error.message));
		} finally {
			clearTimeout(timer);
			record.durationMs = Date.now() - started;
		}
		this.notifyWaiters();
		return record;
	}

	/** Sends any documented event by hand; `data` defaults to the vendor's sample for it.
	 * Active-event settings apply unless `force` is set. */
	emitEvent(event, data, { force = false } = {}) {
		const payload = data !== undefined ? data : WEBHOOK_SAMPLES[event] !== undefined ? JSON.parse(JSON.stringify(WEBHOOK_SAMPLES[event])) : {};
		return this.emit(event, payload, { force });
	}

	/** Resolves with the webhook records once `predicate(records)` (or count >= n) holds. */
	waitForWebhooks(predicate = 1, timeoutMs = 5000) {
		const test = typeof predicate === 'number' ? (list) => list.length >= predicate : predicate;
		if (test(this.webhooks)) return Promise.resolve(this.webhooks);
		return new Promise((resolve, reject) => {
			const waiter = { test, resolve };
			waiter.timer = setTimeout(() => {
				this.webhookWaiters = this.webhookWaiters.filter((w) => w !== waiter);
				reject(new Error(`waitForWebhooks: timed out after ${timeoutMs} ms (${this.webhooks.length} sent)`));
			}, timeoutMs);
			this.webhookWaiters.push(waiter);
		});
	}

	notifyWaiters() {
		for (const w of [...this.webhookWaiters]) {
			if (w.test(this.webhooks)) {
				clearTimeout(w.timer);
				this.webhookWaiters = this.webhookWaiters.filter((x) => x !== w);
				w.resolve(this.webhooks);
			}
		}
	}
}

function createHaveFunnelsStandIn(options) {
	return new HaveFunnelsStandIn(options);
}

module.exports = { createHaveFunnelsStandIn, HaveFunnelsStandIn, WEBHOOK_EVENTS, WEBHOOK_SAMPLES, FUNCTIONS };
