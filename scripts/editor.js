#!/usr/bin/env node
'use strict';
// The n8n editor in headless Chromium, against the demo (`npm run demo`: n8n + the stand-ins).
// Maintainers' tools, not part of `npm test` (CI has no Chromium).
//
//   npm run screenshots          every README screenshot: docs/workflow-*.png (by
//                                scripts/screenshot-workflows.js) and docs/list-search-*.png
//   npm run check:editor         every From List field of the HaveFunnels and Planhat nodes (version
//                                2): opens the node, types a fragment into the list's search box and
//                                expects the stand-in's record in the dropdown; prints a table
//
// Each starts the demo on a free port and stops it afterwards, unless N8N_URL points at a running
// one. Env: DEMO_LINE (1.x or 2.x, default 2.x; `check` takes LINES=1.x,2.x for both),
// ONLY=workflows|list-search (screenshots), OUT (default docs/), CHROMIUM (default chromium;
// Debian: apt-get install chromium). Needs Node >= 22 (WebSocket): on older Node it runs itself
// again with the Node.js that scripts/n8n/install.sh installs for n8n 2.x.
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const PACKAGE = require('../package.json').name;

if (typeof WebSocket === 'undefined') {
	// Node < 22: run again with the Node.js 24 of the n8n 2.x install (installed on first use).
	const install = spawnSync('bash', [path.join(ROOT, 'scripts', 'n8n', 'install.sh'), '2.x'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
	const dir = install.stdout.trim().split('\n').pop();
	const nodeBin = install.status === 0 && fs.existsSync(path.join(dir, '.node-bin')) ? fs.readFileSync(path.join(dir, '.node-bin'), 'utf8').trim() : '';
	if (!nodeBin) {
		console.error('scripts/editor.js needs Node.js 22 or later (WebSocket)');
		process.exit(1);
	}
	const again = spawnSync(nodeBin, [__filename, ...process.argv.slice(2)], { stdio: 'inherit' });
	process.exit(again.status ?? 1);
}

const { Browser, login, rest, sleep } = require('./lib/browser');

const OUT = process.env.OUT || path.join(ROOT, 'docs');

// ------------------------------------------------------------------ the demo

function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/** Starts `scripts/demo.js` (n8n + stand-ins, the conversation played); resolves once n8n runs. */
async function startDemo(line) {
	const port = await freePort();
	const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'demo.js')], {
		cwd: ROOT,
		env: { ...process.env, DEMO_LINE: line, N8N_PORT: String(port), NO_COLOR: '1' },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	const ready = new Promise((resolve, reject) => {
		const onData = (chunk) => {
			output += chunk;
			if (/n8n is running on/.test(output)) resolve();
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', (chunk) => (output += chunk));
		child.once('exit', (code) => reject(new Error(`the demo stopped (exit ${code}) before n8n ran:\n${output.slice(-3000)}`)));
	});
	console.log(`Starting the demo with n8n ${line} on port ${port} (a minute or two)...`);
	await ready;
	return {
		url: `http://localhost:${port}`,
		async stop() {
			if (child.exitCode !== null) return;
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGINT');
			await Promise.race([exited, sleep(30000)]);
		},
	};
}

/** Runs `fn(n8nUrl)` against N8N_URL, or against a demo of `line` started (and stopped) for it. */
async function withN8n(line, fn) {
	if (process.env.N8N_URL) return await fn(process.env.N8N_URL.replace(/\/+$/, ''));
	const demo = await startDemo(line);
	try {
		return await fn(demo.url);
	} finally {
		await demo.stop();
	}
}

// ------------------------------------------------------------------ the From List fields

const CREDENTIALS = {
	haveFunnels: { haveFunnelsApi: { id: 'havefunnels-credential', name: 'HaveFunnels account' } },
	planhat: { planhatApi: { id: 'planhat-credential', name: 'Planhat account' } },
};

/**
 * What to type into each list's search box, and a record of the demo's stand-ins it must find
 * (scripts/demo.js plays the conversation that creates them).
 */
const PROBES = {
	haveFunnels: {
		searchUsers: { type: 'alice', expect: 'Alice Smith (alice@acme.test)' },
		searchAgents: { type: 'bruce', expect: 'Bruce Peterson (bruce@havefunnels.test)' },
		searchConversations: { type: 'carol', expect: '#4 Carol White: Your renewal' },
		searchDepartments: { type: 'sup', expect: 'Support' },
	},
	planhat: {
		searchCompanies: { type: 'acm', expect: 'Acme Ltd' },
		searchEndUsers: { type: 'alice', expect: 'Alice Smith (alice@acme.test)' },
		searchConversations: { type: 'order', expect: 'Order #1001' },
	},
};

const NODE_CLASSES = {
	haveFunnels: ['HaveFunnels/HaveFunnels.node.js', 'HaveFunnels'],
	planhat: ['Planhat/Planhat.node.js', 'Planhat'],
};

const firstValue = (values) => (Array.isArray(values) ? values.find((v) => typeof v !== 'object') : undefined);

/**
 * Every resource locator with From List in version 2 of a node (from dist/), grouped by the
 * parameters that show it: [{ show: { resource, operation, ... }, fields: [{ name, parent, method }] }].
 */
function locatorFields(key) {
	const [file, cls] = NODE_CLASSES[key];
	const { description } = new (require(path.join(ROOT, 'dist', 'nodes', file))[cls])();
	const groups = new Map();
	const add = (show, field) => {
		const values = {};
		for (const [name, allowed] of Object.entries(show || {})) if (name !== '@version') values[name] = firstValue(allowed);
		const id = JSON.stringify(values);
		if (!groups.has(id)) groups.set(id, { show: values, fields: [] });
		groups.get(id).fields.push(field);
	};
	const list = (p) => (p.modes || []).find((m) => m.name === 'list');
	for (const p of description.properties) {
		const versions = p.displayOptions?.show?.['@version'];
		if (versions && !versions.some((v) => typeof v === 'object' || v >= 2)) continue;
		if (p.type === 'resourceLocator' && list(p)) add(p.displayOptions?.show, { name: p.name, method: list(p).typeOptions.searchListMethod, label: p.displayName });
		if (p.type === 'collection') {
			for (const o of p.options || []) {
				if (o.type === 'resourceLocator' && list(o)) add(p.displayOptions?.show, { name: o.name, parent: p.name, method: list(o).typeOptions.searchListMethod, label: `${p.displayName} > ${o.displayName}` });
			}
		}
	}
	return [...groups.values()];
}

/** A workflow with one node per resource/operation that has From List fields, each field empty in list mode. */
function checkWorkflow() {
	const nodes = [];
	for (const key of Object.keys(NODE_CLASSES)) {
		locatorFields(key).forEach((group, i) => {
			const parameters = { ...group.show };
			for (const f of group.fields) {
				const value = { __rl: true, mode: 'list', value: '' };
				if (f.parent) parameters[f.parent] = { ...(parameters[f.parent] || {}), [f.name]: value };
				else parameters[f.name] = value;
			}
			nodes.push({
				id: `${key}-${i}`,
				name: `${key} ${group.show.resource} ${group.show.operation}${group.show.dataMode ? ` ${group.show.dataMode}` : ''}`,
				type: `${PACKAGE}.${key}`,
				typeVersion: 2,
				position: [(i % 8) * 220, Math.floor(i / 8) * 160 + (key === 'planhat' ? 1200 : 0)],
				parameters,
				credentials: CREDENTIALS[key],
				fields: group.fields,
			});
		});
	}
	return nodes;
}

async function createWorkflow(url, cookie, name, nodes) {
	const clean = nodes.map(({ fields, ...node }) => node);
	return await rest(url, cookie, 'POST', '/rest/workflows', { name, nodes: clean, connections: {}, settings: { executionOrder: 'v1' }, active: false });
}

// ------------------------------------------------------------------ the editor

/** Opens a node's parameters (the node view at /workflow/<id>/<nodeId>). */
async function openNode(browser, workflowId, nodeId) {
	await browser.eval(() => document.activeElement && document.activeElement.blur());
	const routed = await browser.eval((path) => {
		const router = document.querySelector('#app')?.__vue_app__?.config.globalProperties.$router;
		if (!router || !location.pathname.startsWith('/workflow/')) return false;
		router.push(path);
		return true;
	}, `/workflow/${workflowId}/${nodeId}`);
	if (!routed) await browser.navigate(`/workflow/${workflowId}/${nodeId}`);
	await browser.waitFor(`node ${nodeId} to open`, () => document.querySelectorAll('[data-test-id="ndv"] [data-test-id^="resource-locator-"]').length > 0, [], 30000);
	await sleep(400);
}

const ndvOpen = (browser) => browser.eval(() => !!document.querySelector('[data-test-id="ndv"] [data-test-id^="resource-locator-"]'));

async function closeNode(browser, workflowId) {
	await browser.press('Escape');
	await browser.eval((path) => document.querySelector('#app').__vue_app__.config.globalProperties.$router.push(path), `/workflow/${workflowId}`);
	await browser.waitFor('the node to close', () => !document.querySelector('[data-test-id="ndv"] [data-test-id^="resource-locator-"]'), [], 10000);
}

const visibleItems = () =>
	[...document.querySelectorAll('[data-test-id="rlc-item"]')].filter((e) => e.getBoundingClientRect().width > 0).map((e) => e.textContent.trim());

/**
 * In the open node: the field's mode, then a click into its box (the list opens), the fragment
 * typed into the list's search box, and the items the list then shows.
 */
async function searchField(browser, field, fragment, expected) {
	const root = `[data-test-id="ndv"] [data-test-id="resource-locator-${field}"]`;
	const mode = await browser.waitFor(`${field} to show`, (sel) => {
		const input = document.querySelector(`${sel} [data-test-id="rlc-mode-selector"] input`);
		return input ? input.value || input.placeholder || '?' : null;
	}, [root]);
	await browser.click(`${root} [data-test-id="rlc-input"]`);
	await browser.waitFor(`the list of ${field} to open`, () => [...document.querySelectorAll('[data-test-id="rlc-search"]')].some((e) => e.getBoundingClientRect().width > 0), [], 10000);
	await browser.eval(() => {
		const box = [...document.querySelectorAll('[data-test-id="rlc-search"]')].find((e) => e.getBoundingClientRect().width > 0);
		(box.tagName === 'INPUT' ? box : box.querySelector('input')).focus();
	});
	await browser.type(fragment);
	let items = [];
	const deadline = Date.now() + 10000;
	while (Date.now() < deadline) {
		await sleep(300);
		items = await browser.eval(visibleItems);
		if (items.some((i) => i.includes(expected))) break;
	}
	await sleep(300);
	items = await browser.eval(visibleItems);
	const error = await browser.eval(() => {
		const e = [...document.querySelectorAll('[data-test-id="rlc-error-container"]')].find((x) => x.getBoundingClientRect().width > 0);
		return e ? e.textContent.trim() : '';
	});
	return { mode, items, error, found: items.some((i) => i.includes(expected)) };
}

async function check(line) {
	return await withN8n(line, async (url) => {
		const cookie = await login(url);
		const nodes = checkWorkflow();
		const workflow = await createWorkflow(url, cookie, `From List fields (editor check ${new Date().toISOString()})`, nodes);
		const browser = await Browser.launch({ n8nUrl: url, cookie });
		const rows = [];
		try {
			await browser.navigate(`/workflow/${workflow.id}`);
			await browser.waitFor('the canvas', () => document.querySelectorAll('[data-test-id="canvas-node"]').length > 0, [], 60000);
			const version = await rest(url, cookie, 'GET', '/rest/settings').then((s) => s.versionCli).catch(() => '?');
			console.log(`n8n ${version} at ${url}: ${nodes.length} nodes, ${nodes.reduce((n, x) => n + x.fields.length, 0)} From List fields`);
			for (const node of nodes) {
				await openNode(browser, workflow.id, node.id);
				for (const field of node.fields) {
					const key = node.type.split('.').pop();
					const probe = PROBES[key][field.method];
					let result;
					// a second try with the node opened again (Escape on the previous list may close the node)
					for (let attempt = 1; attempt <= 2; attempt++) {
						try {
							if (attempt === 2 || !(await ndvOpen(browser))) {
								await closeNode(browser, workflow.id).catch(() => {});
								await openNode(browser, workflow.id, node.id);
							}
							result = await searchField(browser, field.name, probe.type, probe.expect);
						} catch (error) {
							result = { mode: '?', items: [], error: error.message, found: false };
						}
						if (result.found) break;
					}
					const ok = result.found && /from list/i.test(result.mode);
					rows.push({ ok, node: node.name, field: field.label, mode: result.mode, typed: probe.type, items: result.items, error: result.error });
					console.log(`${ok ? 'ok  ' : 'FAIL'}  ${node.name} › ${field.label} [${result.mode}] "${probe.type}" → ${result.items.length ? result.items.join(' | ') : '(nothing)'}${result.error ? `  error: ${result.error}` : ''}`);
					await browser.press('Escape');
					await sleep(200);
				}
				await closeNode(browser, workflow.id);
			}
		} finally {
			await browser.close();
			await rest(url, cookie, 'DELETE', `/rest/workflows/${workflow.id}`).catch(() => {});
		}
		const failed = rows.filter((r) => !r.ok);
		console.log(`n8n ${line}: ${rows.length - failed.length} of ${rows.length} From List fields found the stand-in's record by a typed fragment`);
		return failed.length;
	});
}

// ------------------------------------------------------------------ screenshots

/** The README's list-search pictures: a node open, a fragment typed, the dropdown showing the records. */
const LIST_SHOTS = [
	{
		file: 'list-search-havefunnels.png',
		node: { key: 'haveFunnels', name: 'Send Message', parameters: { resource: 'message', operation: 'send' } },
		field: 'userId',
		type: 'acme',
		expect: 'Alice Smith',
	},
	{
		file: 'list-search-planhat.png',
		node: { key: 'planhat', name: 'Create Conversation', parameters: { resource: 'conversation', operation: 'create' } },
		field: 'companyId',
		mode: 'list',
		type: 'ac',
		expect: 'Acme Ltd',
	},
];

async function listSearchShots(url) {
	const cookie = await login(url);
	const nodes = LIST_SHOTS.map((shot, i) => ({
		id: `shot-${i}`,
		name: shot.node.name,
		type: `${PACKAGE}.${shot.node.key}`,
		typeVersion: 2,
		position: [i * 240, 0],
		parameters: { ...shot.node.parameters, [shot.field]: { __rl: true, mode: 'list', value: '' } },
		credentials: CREDENTIALS[shot.node.key],
	}));
	const workflow = await createWorkflow(url, cookie, 'From List (screenshots)', nodes);
	const browser = await Browser.launch({ n8nUrl: url, cookie, size: { width: 1400, height: 820 } });
	try {
		fs.mkdirSync(OUT, { recursive: true });
		await browser.navigate(`/workflow/${workflow.id}`);
		await browser.waitFor('the canvas', () => document.querySelectorAll('[data-test-id="canvas-node"]').length > 0, [], 60000);
		for (const [i, shot] of LIST_SHOTS.entries()) {
			await openNode(browser, workflow.id, `shot-${i}`);
			const result = await searchField(browser, shot.field, shot.type, shot.expect);
			if (!result.found) throw new Error(`${shot.file}: typing "${shot.type}" did not list ${shot.expect} (${result.items.join(' | ') || result.error || 'nothing'})`);
			await sleep(600);
			// the parameters column with the open list
			const clip = await browser.eval((field) => {
				const rlc = document.querySelector(`[data-test-id="ndv"] [data-test-id="resource-locator-${field}"]`).getBoundingClientRect();
				const x = Math.max(0, rlc.left - 24);
				const y = Math.max(0, rlc.top - 234);
				return { x, y, width: Math.min(window.innerWidth - x, rlc.width + 72), height: Math.min(window.innerHeight - y, 390) };
			}, shot.field);
			const png = await browser.screenshot(clip);
			fs.writeFileSync(path.join(OUT, shot.file), png);
			console.log(`${shot.file}: ${Math.round(png.length / 1024)} KB (typed "${shot.type}": ${result.items.join(' | ')})`);
			await browser.press('Escape');
			await closeNode(browser, workflow.id);
		}
	} finally {
		await browser.close();
		await rest(url, cookie, 'DELETE', `/rest/workflows/${workflow.id}`).catch(() => {});
	}
}

async function screenshots(line) {
	const only = process.env.ONLY;
	await withN8n(line, async (url) => {
		if (!only || only === 'workflows') {
			const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'screenshot-workflows.js')], { stdio: 'inherit', env: { ...process.env, N8N_URL: url, OUT } });
			if (run.status !== 0) throw new Error('scripts/screenshot-workflows.js failed');
		}
		if (!only || only === 'list-search') await listSearchShots(url);
	});
}

async function main() {
	const command = process.argv[2];
	if (command === 'screenshots') return await screenshots(process.env.DEMO_LINE || '2.x');
	if (command === 'check') {
		const lines = (process.env.LINES || process.env.DEMO_LINE || '2.x').split(',').map((l) => l.trim());
		let failed = 0;
		for (const line of lines) failed += await check(line);
		if (failed) process.exitCode = 1;
		return;
	}
	console.error('usage: node scripts/editor.js screenshots | check   (see the top of scripts/editor.js)');
	process.exitCode = 2;
}

main().catch((error) => {
	console.error(error.stack || error.message);
	process.exit(1);
});
