'use strict';
// Headless Chromium driven over the DevTools protocol (Node >= 22 has WebSocket built in), logged
// in to a running n8n as the `npm run demo` owner. Used by scripts/editor.js; maintainers' tools,
// never part of `npm test` (CI has no Chromium).
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const LOGIN = { email: 'demo@example.com', password: 'Demo-chat-crm-1' };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Logs in to n8n as the demo owner; returns the value of the n8n-auth cookie. */
async function login(n8nUrl) {
	for (const body of [{ emailOrLdapLoginId: LOGIN.email, password: LOGIN.password }, LOGIN]) {
		const res = await fetch(`${n8nUrl}/rest/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
		const cookie = (res.headers.get('set-cookie') || '').match(/n8n-auth=([^;]+)/);
		if (res.ok && cookie) return cookie[1];
	}
	throw new Error(`could not log in to ${n8nUrl} as ${LOGIN.email}: is \`npm run demo\` running?`);
}

/** n8n's REST API as the logged-in owner. */
async function rest(n8nUrl, cookie, method, urlPath, body) {
	const res = await fetch(n8nUrl + urlPath, {
		method,
		headers: { 'Content-Type': 'application/json', Cookie: `n8n-auth=${cookie}`, 'browser-id': 'editor-script' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.text();
	let json;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = undefined;
	}
	if (!res.ok) throw new Error(`${method} ${urlPath}: HTTP ${res.status} ${text.slice(0, 300)}`);
	return json && typeof json === 'object' && 'data' in json ? json.data : json;
}

class Cdp {
	constructor(url) {
		this.ws = new WebSocket(url);
		this.id = 0;
		this.pending = new Map();
		this.ws.onmessage = (event) => {
			const message = JSON.parse(event.data);
			const waiter = this.pending.get(message.id);
			if (!waiter) return;
			this.pending.delete(message.id);
			if (message.error) waiter.reject(new Error(JSON.stringify(message.error)));
			else waiter.resolve(message.result);
		};
	}

	open() {
		return new Promise((resolve, reject) => {
			this.ws.onopen = resolve;
			this.ws.onerror = reject;
		});
	}

	send(method, params = {}) {
		const id = ++this.id;
		this.ws.send(JSON.stringify({ id, method, params }));
		return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
	}
}

/** A page of headless Chromium with the n8n-auth cookie set. */
class Browser {
	static async launch({ n8nUrl, cookie, size = { width: 1800, height: 940 } }) {
		const port = 9300 + Math.floor(Math.random() * 500);
		const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-editor-'));
		const proc = spawn(
			process.env.CHROMIUM || 'chromium',
			['--headless=new', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, `--window-size=${size.width},${size.height}`, 'about:blank'],
			{ stdio: 'ignore' },
		);
		const browser = new Browser(proc, profile, n8nUrl);
		try {
			let target;
			for (let i = 0; i < 75 && !target; i++) {
				await sleep(200);
				target = await fetch(`http://127.0.0.1:${port}/json/list`)
					.then((r) => r.json())
					.then((list) => list.find((t) => t.type === 'page'))
					.catch(() => undefined);
			}
			if (!target) throw new Error('chromium did not start (CHROMIUM names the binary; Debian: apt-get install chromium)');
			browser.cdp = new Cdp(target.webSocketDebuggerUrl);
			await browser.cdp.open();
			await browser.cdp.send('Network.enable');
			await browser.cdp.send('Network.setCookie', { name: 'n8n-auth', value: cookie, domain: new URL(n8nUrl).hostname, path: '/' });
			await browser.cdp.send('Emulation.setDeviceMetricsOverride', { ...size, deviceScaleFactor: 1, mobile: false });
		} catch (error) {
			await browser.close();
			throw error;
		}
		return browser;
	}

	constructor(proc, profile, n8nUrl) {
		this.proc = proc;
		this.profile = profile;
		this.n8nUrl = n8nUrl;
	}

	async close() {
		this.proc.kill('SIGTERM');
		await sleep(500);
		fs.rmSync(this.profile, { recursive: true, force: true });
	}

	/** Evaluates an expression (or a function's source called with JSON arguments) in the page. */
	async eval(fn, ...args) {
		const expression = typeof fn === 'function' ? `(${fn.toString()})(...${JSON.stringify(args)})` : fn;
		const { result, exceptionDetails } = await this.cdp.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
		if (exceptionDetails) throw new Error(`in the page: ${exceptionDetails.exception?.description || exceptionDetails.text}`);
		return result.value;
	}

	/** Polls `fn` in the page until it returns a truthy value; returns it (or throws after timeoutMs). */
	async waitFor(what, fn, args = [], timeoutMs = 15000) {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const value = await this.eval(fn, ...args);
			if (value) return value;
			if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
			await sleep(150);
		}
	}

	async navigate(urlPath) {
		await this.cdp.send('Page.navigate', { url: this.n8nUrl + urlPath });
	}

	/** Clicks the middle of the first element matching a CSS selector (a real mouse click). */
	async click(selector) {
		const box = await this.waitFor(`${selector} to be visible`, (sel) => {
			const el = [...document.querySelectorAll(sel)].find((e) => e.getBoundingClientRect().width > 0);
			if (!el) return null;
			el.scrollIntoView({ block: 'center' });
			const r = el.getBoundingClientRect();
			return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
		}, [selector]);
		for (const type of ['mouseMoved', 'mousePressed', 'mouseReleased']) {
			await this.cdp.send('Input.dispatchMouseEvent', { type, x: box.x, y: box.y, button: 'left', clickCount: 1 });
		}
	}

	/** Types text into the focused element as a user would (key events per character). */
	async type(text) {
		for (const char of text) {
			await this.cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', text: char, unmodifiedText: char, key: char });
			await this.cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: char });
			await sleep(40);
		}
	}

	async press(key) {
		const codes = { Escape: 27, Enter: 13 };
		await this.cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key, code: key, windowsVirtualKeyCode: codes[key] });
		await this.cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code: key, windowsVirtualKeyCode: codes[key] });
	}

	/** A PNG of the page (or of the clip rectangle) as a Buffer. */
	async screenshot(clip) {
		const shot = await this.cdp.send('Page.captureScreenshot', { format: 'png', ...(clip ? { clip: { ...clip, scale: 1 } } : {}) });
		return Buffer.from(shot.data, 'base64');
	}
}

module.exports = { Browser, Cdp, LOGIN, login, rest, sleep };
