'use strict';
// Common base of the local service stand-ins: an HTTP server on 127.0.0.1 that records every
// request, can inject faults on demand, and hands each request to the service's handler.
// Plain CommonJS so that tests, the e2e rig and `npm run demo` can all load it without a build.
const http = require('http');

/** Parses an application/x-www-form-urlencoded body: ordered pairs plus a flat object in which a
 * repeated key becomes an array (what Node's querystring and n8n's webhook parser produce). */
function parseForm(text) {
	const pairs = [...new URLSearchParams(text).entries()];
	const fields = {};
	for (const [k, v] of pairs) {
		if (k in fields) fields[k] = [].concat(fields[k], v);
		else fields[k] = v;
	}
	return { pairs, fields };
}

function sendJson(res, status, body, headers = {}) {
	const text = typeof body === 'string' ? body : JSON.stringify(body);
	res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
	res.end(text);
}

function sendText(res, status, text = '', headers = {}) {
	res.writeHead(status, { 'Content-Type': 'text/html; charset=UTF-8', ...headers });
	res.end(text);
}

/**
 * A fault, injected with `standIn.inject(fault)`, applies to the next matching requests:
 *   { status: 429, retryAfter: 2 }   answer 429 with Retry-After (seconds)
 *   { status: 503, body: {...} }     answer that status (any 4xx/5xx)
 *   { delayMs: 3000 }                answer normally, but late
 *   { drop: true }                   destroy the connection without an answer
 *   { dropAfter: true }              run the handler (the call takes effect), then destroy the
 *                                    connection instead of answering: an answer lost on the way back
 * Options: `times` (default 1; Infinity for all), `match(request) => boolean` to pick requests,
 * `body` may be a function of the recorded request (to echo it back, headers included).
 * `retryAfter` is sent with any status.
 * A faulted request is still recorded, with `fault` set, and never reaches the handler (except
 * with `dropAfter`).
 */
class StandIn {
	constructor(name, handler) {
		this.name = name;
		this.handler = handler;
		this.requests = [];
		this.faults = [];
		this.server = null;
		this.url = null;
		this.port = null;
		this.sockets = new Set();
	}

	inject(fault) {
		this.faults.push({ times: 1, ...fault });
		return this;
	}

	clearFaults() {
		this.faults = [];
	}

	clearRequests() {
		this.requests = [];
	}

	takeFault(request) {
		const index = this.faults.findIndex((f) => f.times > 0 && (!f.match || f.match(request)));
		if (index < 0) return null;
		const fault = this.faults[index];
		fault.times -= 1;
		if (fault.times <= 0) this.faults.splice(index, 1);
		return fault;
	}

	async start(port = 0, host = '127.0.0.1') {
		this.server = http.createServer((req, res) => this.onRequest(req, res));
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, host, resolve);
		});
		this.port = this.server.address().port;
		this.url = `http://${host}:${this.port}`;
		return this;
	}

	async stop() {
		if (!this.server) return;
		for (const socket of this.sockets) socket.destroy();
		await new Promise((resolve) => this.server.close(() => resolve()));
		this.server = null;
	}

	onRequest(req, res) {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', async () => {
			const rawBody = Buffer.concat(chunks).toString('utf8');
			const url = new URL(req.url, 'http://127.0.0.1');
			const contentType = String(req.headers['content-type'] || '');
			const request = {
				at: Date.now(),
				method: req.method,
				path: url.pathname,
				query: Object.fromEntries(url.searchParams.entries()),
				headers: req.headers,
				contentType,
				rawBody,
				form: null,
				json: undefined,
				status: null,
				fault: null,
			};
			if (contentType.includes('application/x-www-form-urlencoded')) request.form = parseForm(rawBody);
			else if (contentType.includes('application/json') && rawBody) {
				try {
					request.json = JSON.parse(rawBody);
				} catch {
					request.json = undefined;
				}
			}
			this.requests.push(request);
			const originalWriteHead = res.writeHead.bind(res);
			res.writeHead = (status, ...rest) => {
				request.status = status;
				return originalWriteHead(status, ...rest);
			};
			const fault = this.takeFault(request);
			if (fault) {
				request.fault = fault.drop ? 'drop' : fault.dropAfter ? 'drop-after' : fault.status ? String(fault.status) : 'slow';
				if (fault.dropAfter) {
					// The handler runs and its effect stays; the answer it writes never leaves.
					res.writeHead = (status) => {
						request.status = status;
						return res;
					};
					res.write = () => true;
					res.end = () => {
						req.socket.destroy();
						return res;
					};
				}
				if (fault.drop) {
					req.socket.destroy();
					return;
				}
				if (fault.status) {
					const headers = fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {};
					const body = typeof fault.body === 'function' ? fault.body(request) : fault.body;
					sendJson(res, fault.status, body ?? { error: `injected ${fault.status}` }, headers);
					return;
				}
				if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
			}
			try {
				await this.handler(request, res, this);
			} catch (error) {
				if (!res.headersSent) sendJson(res, 500, { error: String(error && error.message) });
			}
		});
	}
}

/** POSTs JSON or a form from a stand-in to somewhere else (webhooks, Planfix -> integration). */
async function postOut(url, { json, form, headers = {}, timeoutMs = 10000 } = {}) {
	const body = json !== undefined ? JSON.stringify(json) : new URLSearchParams(form).toString();
	const contentType = json !== undefined ? 'application/json' : 'application/x-www-form-urlencoded';
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(), timeoutMs);
	try {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'Content-Type': contentType, ...headers },
			body,
			signal: controller.signal,
		});
		const text = await response.text();
		let parsed;
		try {
			parsed = text ? JSON.parse(text) : undefined;
		} catch {
			parsed = undefined;
		}
		return { status: response.status, text, json: parsed };
	} catch (error) {
		return { status: 0, text: String(error && error.message), json: undefined, error };
	} finally {
		clearTimeout(timer);
	}
}

module.exports = { StandIn, parseForm, sendJson, sendText, postOut };
