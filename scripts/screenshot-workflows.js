#!/usr/bin/env node
'use strict';
// Takes the README's screenshots of the example workflows in the n8n editor, with headless
// Chromium, from a running `npm run demo`. A maintainer's tool: tests and CI do not use it.
//
//   npm run demo                                  (in another terminal; leave it running)
//   node scripts/screenshot-workflows.js          needs Node >= 22 (WebSocket) and chromium
//
// Env: N8N_URL (default http://localhost:5678), CHROMIUM (default chromium), OUT (default docs/).
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { WORKFLOW_FILES, readWorkflow } = require('../test/e2e/lib/sync-setup');
const { Cdp } = require('./lib/browser');

const ROOT = path.resolve(__dirname, '..');
const N8N_URL = process.env.N8N_URL || 'http://localhost:5678';
const OUT = process.env.OUT || path.join(ROOT, 'docs');
const LOGIN = { email: 'demo@example.com', password: 'Demo-chat-crm-1' };
const SIZE = { width: 1800, height: 940 };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function login() {
	for (const body of [{ emailOrLdapLoginId: LOGIN.email, password: LOGIN.password }, LOGIN]) {
		const res = await fetch(`${N8N_URL}/rest/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
		const cookie = (res.headers.get('set-cookie') || '').match(/n8n-auth=([^;]+)/);
		if (res.ok && cookie) return cookie[1];
	}
	throw new Error(`could not log in to ${N8N_URL} as ${LOGIN.email}: is \`npm run demo\` running?`);
}

async function main() {
	const cookie = await login();
	const port = 9300 + Math.floor(Math.random() * 500);
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-shots-'));
	const chromium = spawn(
		process.env.CHROMIUM || 'chromium',
		['--headless=new', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, `--window-size=${SIZE.width},${SIZE.height}`, 'about:blank'],
		{ stdio: 'ignore' },
	);
	try {
		let target;
		for (let i = 0; i < 50 && !target; i++) {
			await sleep(200);
			target = await fetch(`http://127.0.0.1:${port}/json/list`)
				.then((r) => r.json())
				.then((list) => list.find((t) => t.type === 'page'))
				.catch(() => undefined);
		}
		if (!target) throw new Error('chromium did not start');
		const cdp = new Cdp(target.webSocketDebuggerUrl);
		await cdp.open();
		await cdp.send('Network.enable');
		await cdp.send('Network.setCookie', { name: 'n8n-auth', value: cookie, domain: new URL(N8N_URL).hostname, path: '/' });
		await cdp.send('Emulation.setDeviceMetricsOverride', { ...SIZE, deviceScaleFactor: 1, mobile: false });
		fs.mkdirSync(OUT, { recursive: true });
		for (const file of Object.values(WORKFLOW_FILES)) {
			const wf = readWorkflow(file);
			await cdp.send('Page.navigate', { url: `${N8N_URL}/workflow/${wf.id}` });
			// wait for the canvas to show every node of the workflow, then for its fade-in to end
			const expected = wf.nodes.length;
			for (let i = 0; i < 120; i++) {
				await sleep(250);
				const { result } = await cdp.send('Runtime.evaluate', {
					expression: "document.querySelectorAll('[data-test-id=\"canvas-node\"], [data-test-id=\"canvas-sticky-note-node\"], .vue-flow__node').length",
				});
				if (result.value >= expected) break;
			}
			await sleep(3000);
			// close whatever the editor opened on top (tours, notices)
			await cdp.send('Runtime.evaluate', {
				expression: "document.querySelectorAll('.el-notification__closeBtn, .el-message-box__headerbtn, [data-test-id=\"close-button\"]').forEach((b) => b.click())",
			});
			await sleep(800);
			const shot = await cdp.send('Page.captureScreenshot', { format: 'png' });
			const name = `workflow-${file.replace(/\.json$/, '')}.png`;
			fs.writeFileSync(path.join(OUT, name), Buffer.from(shot.data, 'base64'));
			console.log(`${name}: ${Math.round(Buffer.from(shot.data, 'base64').length / 1024)} KB`);
		}
	} finally {
		chromium.kill('SIGTERM');
		await sleep(500);
		fs.rmSync(profile, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error.message);
	process.exit(1);
});
