#!/usr/bin/env node
'use strict';
// `npm run bench`: the pack's nodes side by side with what a user would build instead, in a real
// n8n against the project's stand-ins (test/stand-ins/), measured on this machine and printed as
// one table (medians, min–max, ratios), also written as JSON. It never fails on a number: the exit
// code is non-zero only when the benchmark itself could not run.
//
// For each n8n line it starts the stand-ins (in this process) and one n8n (scripts/n8n/start.sh,
// this checkout linked into its user folder, so build first: `npm run bench` does), imports the
// credentials and the benchmark workflows (built below; each starts with a Webhook node and
// answers when its last node finishes), runs every case A/B interleaved for several rounds (the
// order flips every round), reads each node's time from n8n's own execution data
// (runData[node][0].executionTime), and stops everything at the end, on failure and on Ctrl+C.
//
// Cases (pack vs alternative):
//   upsert    Planhat Create or Update ("Map Each Field") of SIZE conversations, create then
//             update, vs n8n's Set node computing the same fields from the same expressions (the
//             floor inside n8n), vs the HTTP Request node one call per item, vs a raw Node client
//             sending the same batches of 5,000
//   getall    Planhat Conversation Get Many, Return All, over SIZE conversations vs the HTTP
//             Request node's own pagination (2,000 a page, like the node)
//   triggers  each trigger vs n8n's Webhook node with Header Auth (and without), requests/s at
//             concurrency 10, right secret and wrong secret; also the Webhook node at type
//             version 1 (a version-1 webhook node) with a wrong secret
//   chain     HaveFunnels Get User → Planfix Send, CHAIN items, vs HTTP Request nodes doing the
//             same calls (with the pack's own credentials) one item at a time (Batching: 1) and
//             with their default (all items at once)
//   ratelimit Planhat Conversation Get per item under a Planhat limit of 20 calls / 6 s: all
//             succeed, none sent twice, time vs the minimum the limit allows
//   workflow  the HaveFunnels → Planfix example workflow (workflows/), messages/s
//             (queue mode with 1 and 2 workers: `npm run bench:queue`)
//
// Options (after `npm run bench --`):
//   --line 1.x|2.x|both   (default both)        --rounds N      (default 3)
//   --size N              (default 10000)       --http-size N   (HTTP Request one call per item; default: --size)
//   --chain N             (default 300)         --requests N    (trigger requests per run; default 400)
//   --ratelimit N         (default 60)          --messages N    (example workflow: chats × 5 messages; default 12 chats)
//   --only a,b            (cases, as named above)
//   --out FILE            (default bench-results/latest.json)
const { execFile, spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { promisify } = require('util');
const { performance } = require('perf_hooks');
const { loadWorkflows, startSyncStandIns, waitFor, SECRETS } = require('../../test/e2e/lib/sync-setup');

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');
const SCRIPTS = path.join(ROOT, 'scripts', 'n8n');

// ------------------------------------------------------------------------------------- options

function parseArgs(argv) {
	const options = {
		line: 'both',
		rounds: 3,
		size: 10000,
		httpSize: undefined,
		chain: 300,
		requests: 400,
		ratelimit: 60,
		chats: 12,
		only: undefined,
		out: path.join(ROOT, 'bench-results', 'latest.json'),
	};
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split('=');
		const value = () => (inline !== undefined ? inline : argv[++i]);
		switch (flag) {
			case '--line': options.line = value(); break;
			case '--rounds': options.rounds = Number(value()); break;
			case '--size': options.size = Number(value()); break;
			case '--http-size': options.httpSize = Number(value()); break;
			case '--chain': options.chain = Number(value()); break;
			case '--requests': options.requests = Number(value()); break;
			case '--ratelimit': options.ratelimit = Number(value()); break;
			case '--messages': options.chats = Number(value()); break;
			case '--only': options.only = value().split(',').map((s) => s.trim()); break;
			case '--out': options.out = path.resolve(value()); break;
			default: throw new Error(`unknown option ${argv[i]} (see the head of scripts/bench/n8n.js)`);
		}
	}
	if (options.httpSize === undefined) options.httpSize = options.size;
	options.lines = options.line === 'both' ? ['1.x', '2.x'] : [options.line];
	for (const l of options.lines) if (l !== '1.x' && l !== '2.x') throw new Error(`--line must be 1.x, 2.x or both, not ${l}`);
	return options;
}

const OPTIONS = parseArgs(process.argv.slice(2));
const wants = (name) => !OPTIONS.only || OPTIONS.only.includes(name);
const log = (text) => process.stderr.write(`${text}\n`);

// ------------------------------------------------------------------------------------- cleanup

const cleanups = [];
async function cleanup() {
	while (cleanups.length) await cleanups.pop()().catch(() => undefined);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => cleanup().then(() => process.exit(130)));

// ------------------------------------------------------------------------------------- statistics

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
function stats(values) {
	return { median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values };
}

// ------------------------------------------------------------------------------------- n8n

function isFree(port) {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}
async function freePortPair() {
	for (let attempt = 0; attempt < 50; attempt++) {
		const port = 20000 + Math.floor(Math.random() * 20000);
		if ((await Promise.all([isFree(port), isFree(port + 1)])).every(Boolean)) return port;
	}
	throw new Error('no free port pair');
}

function installN8n(line) {
	const out = spawnSync('bash', [path.join(SCRIPTS, 'install.sh'), line], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
	if (out.status !== 0) throw new Error(`n8n ${line} could not be installed`);
	return out.stdout.trim().split('\n').pop();
}

class N8n {
	constructor(line, dir) {
		this.line = line;
		this.dir = dir;
		this.nodeBin = fs.readFileSync(path.join(dir, '.node-bin'), 'utf8').trim();
		this.version = JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', 'n8n', 'package.json'), 'utf8')).version;
	}

	async start(credentials, workflows) {
		this.home = fs.mkdtempSync(path.join(os.tmpdir(), `n8n-bench-${this.line}-`));
		this.port = await freePortPair();
		this.baseUrl = `http://127.0.0.1:${this.port}`;
		const env = { ...process.env, N8N_DIR: this.dir, N8N_HOME: this.home, N8N_PORT: String(this.port), N8N_HOST: '127.0.0.1', PKG_DIR: ROOT, N8N_LOG_LEVEL: 'info' };
		for (const key of Object.keys(env)) if (key.startsWith('npm_')) delete env[key];
		delete env.NODE_ENV;
		delete env.N8N_USER_FOLDER;
		delete env.NODE_OPTIONS;
		// a 10,000-item execution is one payload; executions are pruned by nobody during a run
		env.N8N_PAYLOAD_SIZE_MAX = env.N8N_PAYLOAD_SIZE_MAX || '64';
		this.env = env;
		cleanups.push(() => this.stop());
		const fixtures = path.join(this.home, 'fixtures');
		fs.mkdirSync(path.join(fixtures, 'workflows'), { recursive: true });
		fs.writeFileSync(path.join(fixtures, 'credentials.json'), JSON.stringify(credentials));
		await this.cli('import:credentials', `--input=${path.join(fixtures, 'credentials.json')}`);
		workflows.forEach((wf, i) => fs.writeFileSync(path.join(fixtures, 'workflows', `${i}.json`), JSON.stringify({ settings: { executionOrder: 'v1' }, ...wf, active: false })));
		await this.cli('import:workflow', '--separate', `--input=${path.join(fixtures, 'workflows')}`);
		for (const wf of workflows) {
			if (this.line === '2.x') await this.cli('publish:workflow', `--id=${wf.id}`);
			else await this.cli('update:workflow', `--id=${wf.id}`, '--active=true');
		}
		await run('bash', [path.join(SCRIPTS, 'start.sh')], { env });
		await waitFor(async () => {
			const rows = await this.query('select count(distinct workflowId) n from webhook_entity');
			return rows[0].n >= workflows.length;
		}, 'the webhooks of the benchmark workflows', 60000, 250);
	}

	async cli(...args) {
		await run('bash', [path.join(SCRIPTS, 'cli.sh'), ...args], { env: this.env, maxBuffer: 64 * 1024 * 1024 });
	}

	get db() {
		return path.join(this.home, '.n8n', 'database.sqlite');
	}

	async query(sql) {
		const script = `
const sqlite3 = require('sqlite3');
const db = new sqlite3.Database(process.argv[1], sqlite3.OPEN_READONLY);
db.all(process.argv[2], (err, rows) => { if (err) { console.error(err.message); process.exit(1); } console.log(JSON.stringify(rows)); db.close(); });`;
		const { stdout } = await run(this.nodeBin, ['-e', script, this.db, sql], { cwd: path.join(this.dir, 'node_modules', 'n8n') });
		return JSON.parse(stdout);
	}

	async lastExecutionId() {
		const rows = await this.query('select max(id) id from execution_entity');
		return Number(rows[0].id || 0);
	}

	/**
	 * The finished executions after `afterId`: status, each node's time (ms, from runData) and
	 * number of output items, and the first error. Waits until `count` of them have finished.
	 */
	async executionsAfter(afterId, count = 1, timeoutMs = 120000) {
		const script = `
const sqlite3 = require('sqlite3');
const { parse } = require('flatted');
const db = new sqlite3.Database(process.argv[1], sqlite3.OPEN_READONLY);
db.all("select e.id, e.workflowId, e.status, e.startedAt, e.stoppedAt, d.data from execution_entity e left join execution_data d on d.executionId = e.id where e.id > ? order by e.id", [Number(process.argv[2])], (err, rows) => {
  if (err) { console.error(err.message); process.exit(1); }
  console.log(JSON.stringify(rows.map((r) => {
    const nodes = {}; let error;
    try {
      const data = r.data ? parse(r.data) : null;
      const runData = (data && data.resultData && data.resultData.runData) || {};
      for (const [name, runs] of Object.entries(runData)) {
        nodes[name] = {
          ms: runs.reduce((sum, t) => sum + (t.executionTime || 0), 0),
          items: runs.reduce((sum, t) => sum + (((t.data && t.data.main) || []).reduce((s, o) => s + ((o || []).length), 0)), 0),
          errors: runs.reduce((sum, t) => sum + (((t.data && t.data.main) || []).reduce((s, o) => s + ((o || []).filter((i) => i.json && i.json.error !== undefined).length), 0)), 0),
        };
        const failed = runs.find((t) => t.error); if (failed && !error) error = name + ': ' + failed.error.message;
      }
      const e = data && data.resultData && data.resultData.error; if (e && !error) error = e.message;
    } catch (e) { error = 'unparsable execution data: ' + e.message; }
    return { id: r.id, workflowId: r.workflowId, status: r.status, nodes, error };
  })));
  db.close();
});`;
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const { stdout } = await run(this.nodeBin, ['-e', script, this.db, String(afterId)], { cwd: path.join(this.dir, 'node_modules', 'n8n'), maxBuffer: 64 * 1024 * 1024 });
			const rows = JSON.parse(stdout);
			const done = rows.filter((r) => !['new', 'running', 'waiting'].includes(r.status));
			if (done.length >= count && done.length === rows.length) return rows;
			if (Date.now() > deadline) throw new Error(`expected ${count} finished executions after ${afterId}, found ${JSON.stringify(rows.map((r) => [r.id, r.status]))}`);
			await new Promise((r) => setTimeout(r, 300));
		}
	}

	/** Waits until no execution is new or running. */
	async settle(timeoutMs = 120000) {
		await waitFor(async () => (await this.query("select count(*) n from execution_entity where status in ('new', 'running')"))[0].n === 0, 'the executions to finish', timeoutMs, 500);
	}

	async stop() {
		if (!this.home) return;
		const pidFile = path.join(this.home, 'n8n.pid');
		if (fs.existsSync(pidFile)) {
			const pid = Number(fs.readFileSync(pidFile, 'utf8'));
			try {
				process.kill(pid, 'SIGTERM');
			} catch {
				/* gone */
			}
			const deadline = Date.now() + 15000;
			while (Date.now() < deadline) {
				try {
					process.kill(pid, 0);
				} catch {
					break;
				}
				await new Promise((r) => setTimeout(r, 200));
			}
			try {
				process.kill(pid, 'SIGKILL');
			} catch {
				/* stopped */
			}
		}
		if (!process.env.BENCH_KEEP) fs.rmSync(this.home, { recursive: true, force: true });
		this.home = undefined;
	}
}

// ------------------------------------------------------------------------------------- workflows

const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).name;
const BENCH_HEADER = 'x-bench-key';
const BENCH_HEADER_SECRET = 'bench-header-secret-5e1f'; // the Webhook node's Header Auth value

const CRED = {
	planhat: { planhatApi: { id: 'planhat-credential', name: 'Planhat account' } },
	haveFunnels: { haveFunnelsApi: { id: 'havefunnels-credential', name: 'HaveFunnels account' } },
	planfix: { planfixWebchatApi: { id: 'planfix-credential', name: 'Planfix Webchat account' } },
	headerAuth: { httpHeaderAuth: { id: 'bench-header-auth', name: 'Bench header auth' } },
};

let nodeX = 0;
function node(name, type, typeVersion, parameters, extra = {}) {
	nodeX += 220;
	return { id: crypto.randomUUID(), name, type, typeVersion, position: [nodeX, 300], parameters, ...extra };
}

/**
 * A benchmark flow: Webhook (answers when the last node finishes, no data) → the given nodes in a
 * row. Node names get the flow's id as prefix, so that all flows fit in one n8n workflow (one
 * import and one activation instead of one per flow; each Webhook node starts only its own row).
 */
function chainWorkflow(id, nodes) {
	const hook = node('Webhook', 'n8n-nodes-base.webhook', 2, { httpMethod: 'POST', path: `bench-${id}`, responseMode: 'lastNode', responseData: 'noData', options: {} }, { webhookId: crypto.randomUUID() });
	return flow(id, [hook, ...nodes]);
}

let flowY = 0;
function flow(id, nodes) {
	flowY += 200;
	const name = (n) => `${id}: ${n}`;
	const all = nodes.map((n, i) => ({
		...JSON.parse(JSON.stringify(n).replace(/\$\('([^']+)'\)/g, (_, ref) => `$('${name(ref)}')`)),
		id: crypto.randomUUID(),
		name: name(n.name),
		position: [i * 220, flowY],
	}));
	const connections = {};
	for (let i = 0; i + 1 < all.length; i++) connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	return { id, name: `Bench ${id}`, nodes: all, connections };
}

/** All flows in one workflow. */
function mergeFlows(id, flows) {
	return {
		id,
		name: 'Benchmark (npm run bench)',
		nodes: flows.flatMap((f) => f.nodes),
		connections: Object.assign({}, ...flows.map((f) => f.connections)),
		settings: { executionOrder: 'v1' },
	};
}

/** A Code node that makes `body.n` items from the webhook's body. */
function itemsNode(jsBody) {
	return node('Items', 'n8n-nodes-base.code', 2, { jsCode: `const body = $input.first().json.body;\n${jsBody}` });
}

const CONVERSATION_ITEMS = itemsNode(
	"return Array.from({ length: body.n }, (_, i) => ({ json: { id: body.prefix + '-' + i, subject: 'Chat ' + i + ' ' + body.version, text: 'Transcript of chat ' + i + ' (' + body.version + ')', date: new Date(Date.UTC(2026, 0, 1) + i * 60000).toISOString(), type: 'HaveFunnels Chat' } }));",
);

function upsertWorkflows(companyId, planhatUrl) {
	const fields = { subject: '={{ $json.subject }}', description: '={{ $json.text }}', date: '={{ $json.date }}', type: '={{ $json.type }}' };
	const pack = node('Create or Update', `${PKG}.planhat`, 1, {
		resource: 'conversation',
		operation: 'upsert',
		dataMode: 'define',
		companyId: { __rl: true, mode: 'id', value: companyId },
		matchOn: 'externalId',
		matchValue: '={{ $json.id }}',
		fields,
	}, { credentials: CRED.planhat });
	const set = node('Set', 'n8n-nodes-base.set', 3.4, {
		mode: 'manual',
		assignments: {
			assignments: [
				{ id: crypto.randomUUID(), name: 'externalId', value: '={{ $json.id }}', type: 'string' },
				{ id: crypto.randomUUID(), name: 'subject', value: fields.subject, type: 'string' },
				{ id: crypto.randomUUID(), name: 'description', value: fields.description, type: 'string' },
				{ id: crypto.randomUUID(), name: 'date', value: fields.date, type: 'string' },
				{ id: crypto.randomUUID(), name: 'type', value: fields.type, type: 'string' },
				{ id: crypto.randomUUID(), name: 'companyId', value: companyId, type: 'string' },
			],
		},
		includeOtherFields: false,
		options: {},
	});
	const jsonBody = `={{ JSON.stringify({ externalId: $json.id, companyId: '${companyId}', subject: $json.subject, description: $json.text, date: $json.date, type: $json.type }) }}`;
	const http = (method, url) =>
		node('HTTP Request', 'n8n-nodes-base.httpRequest', 4.2, {
			method,
			url,
			authentication: 'predefinedCredentialType',
			nodeCredentialType: 'planhatApi',
			sendBody: true,
			specifyBody: 'json',
			jsonBody,
			options: {},
		}, { credentials: CRED.planhat });
	return {
		pack: chainWorkflow('upsert-pack', [CONVERSATION_ITEMS, pack]),
		set: chainWorkflow('upsert-set', [CONVERSATION_ITEMS, set]),
		httpCreate: chainWorkflow('upsert-httpc', [CONVERSATION_ITEMS, http('POST', `${planhatUrl}/conversations`)]),
		httpUpdate: chainWorkflow('upsert-httpu', [CONVERSATION_ITEMS, http('PUT', `={{ '${planhatUrl}/conversations/extid-' + encodeURIComponent($json.id) }}`)]),
	};
}

function getAllWorkflows(planhatUrl) {
	const pack = node('Get Many', `${PKG}.planhat`, 1, { resource: 'conversation', operation: 'getAll', returnAll: true, filters: {}, options: {} }, { credentials: CRED.planhat });
	const http = node('HTTP Request', 'n8n-nodes-base.httpRequest', 4.2, {
		method: 'GET',
		url: `${planhatUrl}/conversations`,
		authentication: 'predefinedCredentialType',
		nodeCredentialType: 'planhatApi',
		sendQuery: true,
		queryParameters: { parameters: [{ name: 'limit', value: '2000' }] },
		options: {
			pagination: {
				pagination: {
					paginationMode: 'updateAParameterInEachRequest',
					parameters: { parameters: [{ type: 'qs', name: 'offset', value: '={{ $pageCount * 2000 }}' }] },
					paginationCompleteWhen: 'other',
					completeExpression: '={{ $response.body.length < 2000 }}',
					limitPagesFetched: false,
				},
			},
		},
	}, { credentials: CRED.planhat });
	return { pack: chainWorkflow('getall-pack', [pack]), http: chainWorkflow('getall-http', [http]) };
}

const CHAIN_ITEMS = itemsNode("return body.users.map((u, i) => ({ json: { userId: String(u), chatId: 'bench-' + body.prefix + '-' + i, message: 'Hello ' + i } }));");

function chainWorkflows(haveFunnelsUrl, planfixUrl) {
	const getUser = node('Get User', `${PKG}.haveFunnels`, 1, { resource: 'user', operation: 'get', userId: "={{ $json.userId }}", includeExtra: false }, { credentials: CRED.haveFunnels });
	const send = node('Send', `${PKG}.planfixWebchat`, 1, {
		resource: 'message',
		operation: 'send',
		chatId: "={{ $('Items').item.json.chatId }}",
		message: "={{ $('Items').item.json.message }}",
		contactId: '={{ $json.id }}',
		contactName: '={{ $json.first_name }}',
		additionalFields: {},
	}, { credentials: CRED.planfix });
	const httpNodes = (batching) => {
		// Batching 1 item needs an interval: with 0 ms n8n sends all items at once, as by default; 1 ms
		// is the smallest (n8n then spaces the requests, it does not wait for each answer)
		const options = batching ? { batching: { batch: { batchSize: 1, batchInterval: 1 } } } : {};
		return [
			node('Get User', 'n8n-nodes-base.httpRequest', 4.2, {
				method: 'POST',
				url: `${haveFunnelsUrl}/include/api.php`,
				sendBody: true,
				contentType: 'form-urlencoded',
				bodyParameters: { parameters: [{ name: 'token', value: SECRETS.haveFunnelsToken }, { name: 'function', value: 'get-user' }, { name: 'user_id', value: '={{ $json.userId }}' }] },
				// HaveFunnels answers JSON as text/html, as PHP does
				options: { ...options, response: { response: { responseFormat: 'json' } } },
			}),
			node('Send', 'n8n-nodes-base.httpRequest', 4.2, {
				method: 'POST',
				url: planfixUrl,
				sendBody: true,
				contentType: 'form-urlencoded',
				bodyParameters: {
					parameters: [
						{ name: 'planfix_token', value: SECRETS.planfixToken },
						{ name: 'cmd', value: 'newMessage' },
						{ name: 'providerId', value: 'havefunnels' },
						{ name: 'chatId', value: "={{ $('Items').item.json.chatId }}" },
						{ name: 'message', value: "={{ $('Items').item.json.message }}" },
						{ name: 'contactId', value: '={{ $json.response.id }}' },
						{ name: 'contactName', value: '={{ $json.response.first_name }}' },
					],
				},
				options,
			}),
		];
	};
	return {
		pack: chainWorkflow('chain-pack', [CHAIN_ITEMS, getUser, send]),
		httpOne: chainWorkflow('chain-http1', [CHAIN_ITEMS, ...httpNodes(true)]),
		httpDefault: chainWorkflow('chain-httpd', [CHAIN_ITEMS, ...httpNodes(false)]),
	};
}

function rateLimitWorkflow() {
	const get = node('Get', `${PKG}.planhat`, 1, { resource: 'conversation', operation: 'get', conversationId: '={{ $json.id }}' }, { credentials: CRED.planhat });
	return chainWorkflow('ratelimit', [itemsNode('return body.ids.map((id) => ({ json: { id } }));'), get]);
}

/** Trigger workflows: each trigger, and n8n's Webhook node with and without Header Auth; each → No Op. */
function triggerWorkflows() {
	const noop = () => node('Done', 'n8n-nodes-base.noOp', 1, {});
	const wf = (id, trigger) => flow(`trigger-${id}`, [trigger, noop()]);
	const hookId = () => crypto.randomUUID();
	const webhook = (suffix, auth, version = 2) =>
		node('Webhook', 'n8n-nodes-base.webhook', version, { httpMethod: 'POST', path: `bench-hook-${suffix}`, authentication: auth ? 'headerAuth' : 'none', responseMode: 'onReceived', options: {} }, { webhookId: hookId(), ...(auth ? { credentials: CRED.headerAuth } : {}) });
	return {
		planhat: wf('planhat', node('Planhat Trigger', `${PKG}.planhatTrigger`, 1.1, {}, { webhookId: hookId(), credentials: CRED.planhat })),
		planfix: wf('planfix', node('Planfix Trigger', `${PKG}.planfixWebchatTrigger`, 1.1, {}, { webhookId: hookId(), credentials: CRED.planfix })),
		haveFunnels: wf('havefunnels', node('HaveFunnels Trigger', `${PKG}.haveFunnelsTrigger`, 1.1, { events: ['*'] }, { webhookId: hookId(), credentials: CRED.haveFunnels })),
		hookAuth: wf('hookauth', webhook('auth', true)),
		hookOpen: wf('hookopen', webhook('open', false)),
		// the Webhook node at type version 1 (as the pack's triggers before 1.1): n8n evaluates an expression for
		// every request to a version-1 webhook node before it calls it (parseRequestBody)
		hookAuthV1: wf('hookauthv1', webhook('auth-v1', true, 1)),
	};
}

function triggerPath(workflow) {
	const trigger = workflow.nodes[0];
	if (trigger.type === 'n8n-nodes-base.webhook') return `/webhook/${trigger.parameters.path}`;
	return `/webhook/${trigger.webhookId}/${trigger.type.endsWith('planfixWebchatTrigger') ? 'planfix' : 'webhook'}`;
}

// ------------------------------------------------------------------------------------- runs

async function post(url, body, headers = {}) {
	const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
	const text = await response.text();
	return { status: response.status, text };
}

/** Runs a benchmark workflow once; returns its execution (node times) and the wall time. */
async function runWorkflow(n8n, workflow, body) {
	const before = await n8n.lastExecutionId();
	const started = performance.now();
	const answer = await post(`${n8n.baseUrl}/webhook/${workflow.nodes[0].parameters.path}`, body);
	const wallMs = performance.now() - started;
	const [execution] = await n8n.executionsAfter(before, 1);
	const prefix = `${workflow.id}: `;
	execution.nodes = Object.fromEntries(Object.entries(execution.nodes).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v]));
	if (answer.status >= 300 || execution.status !== 'success' || execution.error) {
		throw new Error(`${workflow.name}: HTTP ${answer.status}, execution ${execution.status}: ${execution.error ?? answer.text.slice(0, 300)}`);
	}
	return { execution, wallMs };
}

/** Interleaved rounds: `variants` is [{ name, run: async (round) => number }]; order flips each round. */
async function interleaved(label, variants, rounds) {
	const results = {};
	// a warm-up round, not counted (round -1: cases run it small): the first executions load code
	for (const variant of variants) await variant.run(-1);
	for (let round = 0; round < rounds; round++) {
		const order = round % 2 === 0 ? variants : [...variants].reverse();
		for (const variant of order) {
			const value = await variant.run(round);
			for (const [key, v] of Object.entries(typeof value === 'number' ? { [variant.name]: value } : value)) (results[key] ??= []).push(v);
		}
		log(`   ${label} round ${round + 1}/${rounds}: ${Object.entries(results).map(([k, v]) => `${k} ${v[v.length - 1].toFixed(0)}`).join(', ')}`);
	}
	return Object.fromEntries(Object.entries(results).map(([k, v]) => [k, stats(v)]));
}

/** `total` requests, `concurrency` at a time; requests/s and the statuses seen. */
async function load(send, total, concurrency = 10) {
	let next = 0;
	const statuses = {};
	const started = performance.now();
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < total) {
				next++;
				const status = await send();
				statuses[status] = (statuses[status] || 0) + 1;
			}
		}),
	);
	return { perSecond: total / ((performance.now() - started) / 1000), statuses };
}

// ------------------------------------------------------------------------------------- cases

async function caseUpsert(ctx) {
	const { n8n, sync, wfs } = ctx;
	const planhat = sync.planhat;
	let size = OPTIONS.size;
	let httpSize = OPTIONS.httpSize;
	const sized = (fn) => async (round) => {
		size = round < 0 ? Math.min(200, OPTIONS.size) : OPTIONS.size;
		httpSize = round < 0 ? Math.min(200, OPTIONS.httpSize) : OPTIONS.httpSize;
		return fn();
	};
	const clear = () => {
		planhat.conversations = [];
		planhat.requests = [];
	};
	const companyId = planhat.companies[0]._id;
	let seq = 0;
	const packRun = async () => {
		clear();
		const prefix = `pk${seq++}`;
		const create = await runWorkflow(n8n, wfs.upsert.pack, { n: size, prefix, version: 'v1' });
		const created = planhat.conversations.length;
		const update = await runWorkflow(n8n, wfs.upsert.pack, { n: size, prefix, version: 'v2' });
		const bulkCalls = planhat.requests.filter((r) => r.method === 'PUT').length;
		if (created !== size || planhat.conversations.length !== size) throw new Error(`Create or Update: ${created} created, ${planhat.conversations.length} after the update, expected ${size}`);
		ctx.notes.upsertRequests = bulkCalls;
		clear();
		return { 'pack create': create.execution.nodes['Create or Update'].ms, 'pack update': update.execution.nodes['Create or Update'].ms };
	};
	const setRun = async () => {
		const { execution } = await runWorkflow(n8n, wfs.upsert.set, { n: size, prefix: `st${seq++}`, version: 'v1' });
		return { set: execution.nodes.Set.ms };
	};
	const httpRun = async () => {
		clear();
		const prefix = `ht${seq++}`;
		const create = await runWorkflow(n8n, wfs.upsert.httpCreate, { n: httpSize, prefix, version: 'v1' });
		const update = await runWorkflow(n8n, wfs.upsert.httpUpdate, { n: httpSize, prefix, version: 'v2' });
		if (planhat.conversations.length !== httpSize) throw new Error(`HTTP Request per item: ${planhat.conversations.length} conversations, expected ${httpSize}`);
		clear();
		return { 'http create': create.execution.nodes['HTTP Request'].ms, 'http update': update.execution.nodes['HTTP Request'].ms };
	};
	const rawRun = async () => {
		clear();
		const items = (version) =>
			Array.from({ length: size }, (_, i) => ({
				externalId: `rw${seq}-${i}`,
				companyId,
				subject: `Chat ${i} ${version}`,
				description: `Transcript of chat ${i} (${version})`,
				date: new Date(Date.UTC(2026, 0, 1) + i * 60000).toISOString(),
				type: 'HaveFunnels Chat',
			}));
		seq++;
		const send = async (list) => {
			const started = performance.now();
			for (let i = 0; i < list.length; i += 5000) {
				const response = await fetch(`${planhat.url}/conversations`, {
					method: 'PUT',
					headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${SECRETS.planhatToken}` },
					body: JSON.stringify(list.slice(i, i + 5000)),
				});
				if (!response.ok) throw new Error(`raw client: HTTP ${response.status}`);
				await response.json();
			}
			return performance.now() - started;
		};
		const create = await send(items('v1'));
		const update = await send(items('v2'));
		clear();
		return { 'raw create': create, 'raw update': update };
	};
	const variants = [
		{ name: 'pack', run: sized(packRun) },
		{ name: 'set', run: sized(setRun) },
		{ name: 'raw', run: sized(rawRun) },
	];
	if (httpSize > 0) variants.push({ name: 'http', run: sized(httpRun) });
	return interleaved('Create or Update', variants, OPTIONS.rounds);
}

async function caseGetAll(ctx) {
	const { n8n, sync, wfs } = ctx;
	const planhat = sync.planhat;
	planhat.conversations = [];
	planhat.requests = [];
	planhat.seedConversations(OPTIONS.size, { prefix: 'getall' });
	const one = (workflow, nodeName, key) => async () => {
		planhat.requests = [];
		const { execution } = await runWorkflow(n8n, workflow, {});
		const result = execution.nodes[nodeName];
		if (result.items !== OPTIONS.size) throw new Error(`${workflow.name}: ${result.items} items, expected ${OPTIONS.size}`);
		ctx.notes[`getAllPages ${key}`] = planhat.requests.length;
		return { [key]: result.ms };
	};
	const out = await interleaved('Get Many', [
		{ name: 'pack', run: one(wfs.getAll.pack, 'Get Many', 'pack') },
		{ name: 'http', run: one(wfs.getAll.http, 'HTTP Request', 'http') },
	], OPTIONS.rounds);
	planhat.conversations = [];
	planhat.requests = [];
	return out;
}

async function caseTriggers(ctx) {
	const { n8n, wfs } = ctx;
	const t = wfs.triggers;
	const url = (wf) => n8n.baseUrl + triggerPath(wf);
	const bodies = {
		planhat: { event: 'conversation.created', data: { _id: '64b7f0a1c2d3e4f5a6b7c8ff', subject: 'Bench', companyId: '64b7f0a1c2d3e4f5a6b7c8d9' } },
		haveFunnels: (key) => ({ function: 'message-sent', key, data: { user_id: '5', conversation_user_id: '5', conversation_id: '7', message: 'Bench' }, 'sender-url': 'https://example.test' }),
		planfix: (token) => new URLSearchParams({ cmd: 'newMessage', providerId: 'havefunnels', chatId: '7', message: 'Bench', token }).toString(),
	};
	const form = (wf, body, headers = {}) => () =>
		fetch(url(wf), { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers }, body }).then(async (r) => (await r.arrayBuffer(), r.status));
	const send = (wf, body, headers = {}) => () =>
		fetch(url(wf), { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) }).then(async (r) => (await r.arrayBuffer(), r.status));
	const wrong = 'wrong-secret-000000';
	const requests = {
		planhat: { right: send(t.planhat, bodies.planhat, { 'x-planhat-secret': SECRETS.planhatWebhookSecret }), wrong: send(t.planhat, bodies.planhat, { 'x-planhat-secret': wrong }) },
		haveFunnels: { right: send(t.haveFunnels, bodies.haveFunnels(SECRETS.haveFunnelsWebhookKey)), wrong: send(t.haveFunnels, bodies.haveFunnels(wrong)) },
		planfix: { right: form(t.planfix, bodies.planfix(SECRETS.integrationToken)), wrong: form(t.planfix, bodies.planfix(wrong)) },
	};
	const hook = {
		planhat: { right: send(t.hookAuth, bodies.planhat, { [BENCH_HEADER]: BENCH_HEADER_SECRET }), wrong: send(t.hookAuth, bodies.planhat, { [BENCH_HEADER]: wrong }), open: send(t.hookOpen, bodies.planhat) },
		haveFunnels: { right: send(t.hookAuth, bodies.haveFunnels('x'), { [BENCH_HEADER]: BENCH_HEADER_SECRET }), wrong: send(t.hookAuth, bodies.haveFunnels('x'), { [BENCH_HEADER]: wrong }), open: send(t.hookOpen, bodies.haveFunnels('x')) },
		planfix: { right: form(t.hookAuth, bodies.planfix('x'), { [BENCH_HEADER]: BENCH_HEADER_SECRET }), wrong: form(t.hookAuth, bodies.planfix('x'), { [BENCH_HEADER]: wrong }), open: form(t.hookOpen, bodies.planfix('x')) },
	};
	const hookV1Wrong = {
		planhat: send(t.hookAuthV1, bodies.planhat, { [BENCH_HEADER]: wrong }),
		haveFunnels: send(t.hookAuthV1, bodies.haveFunnels('x'), { [BENCH_HEADER]: wrong }),
		planfix: form(t.hookAuthV1, bodies.planfix('x'), { [BENCH_HEADER]: wrong }),
	};
	const out = {};
	const expect = { right: 200, wrong: [401, 403], open: 200 };
	for (const name of ['planhat', 'planfix', 'haveFunnels']) {
		const variant = (key, fn, kind) => ({
			name: key,
			run: async (round) => {
				const result = await load(fn, round < 0 ? 50 : OPTIONS.requests);
				const ok = Object.entries(result.statuses).every(([status]) => [].concat(expect[kind]).includes(Number(status)));
				if (!ok) throw new Error(`${key}: unexpected statuses ${JSON.stringify(result.statuses)}`);
				// the executions a right secret started still run after their answers: let them finish
				// (outside the measurement) so that they do not slow down the next variant
				await n8n.settle();
				return result.perSecond;
			},
		});
		Object.assign(
			out,
			Object.fromEntries(
				Object.entries(
					await interleaved(`${name} trigger`, [
						variant(`${name} right`, requests[name].right, 'right'),
						variant(`${name} hook+auth right`, hook[name].right, 'right'),
						variant(`${name} wrong`, requests[name].wrong, 'wrong'),
						variant(`${name} hook+auth wrong`, hook[name].wrong, 'wrong'),
						variant(`${name} hook open`, hook[name].open, 'open'),
						variant(`${name} hook v1+auth wrong`, hookV1Wrong[name], 'wrong'),
					], OPTIONS.rounds),
				),
			),
		);
		// let n8n finish and save the executions before the next trigger
		await n8n.settle();
	}
	return out;
}

async function caseChain(ctx) {
	const { n8n, sync, wfs } = ctx;
	const hf = sync.haveFunnels;
	const users = Array.from({ length: OPTIONS.chain }, (_, i) => hf.addUser({ first_name: `Bench${i}`, last_name: 'User', email: `chain${i}@acme.test`, user_type: 'lead' }).id);
	let seq = 0;
	const one = (workflow, key) => async () => {
		const before = sync.planfixMessages().length;
		const { execution, wallMs } = await runWorkflow(n8n, workflow, { users, prefix: `${key}${seq++}` });
		const sent = sync.planfixMessages().length - before;
		if (sent !== users.length) throw new Error(`${workflow.name}: ${sent} messages reached Planfix, expected ${users.length}`);
		const nodeMs = execution.nodes['Get User'].ms + execution.nodes.Send.ms;
		return { [key]: (users.length / nodeMs) * 1000, [`${key} wall`]: (users.length / wallMs) * 1000 };
	};
	return interleaved('chain', [
		{ name: 'pack', run: one(wfs.chain.pack, 'pack') },
		{ name: 'http one', run: one(wfs.chain.httpOne, 'http one') },
		{ name: 'http default', run: one(wfs.chain.httpDefault, 'http default') },
	], OPTIONS.rounds);
}

async function caseRateLimit(ctx) {
	const { n8n, sync, wfs } = ctx;
	const planhat = sync.planhat;
	const limit = 20;
	const windowMs = 6000;
	planhat.conversations = [];
	const ids = planhat.seedConversations(OPTIONS.ratelimit, { prefix: 'rl' });
	planhat.requests = [];
	planhat.setRateLimit({ limit, windowMs });
	try {
		const { execution, wallMs } = await runWorkflow(n8n, wfs.rateLimit, { ids });
		const handled = planhat.handled.filter((r) => r.method === 'GET');
		const perId = new Map();
		for (const r of handled) perId.set(r.path, (perId.get(r.path) || 0) + 1);
		const twice = [...perId.values()].filter((n) => n > 1).length;
		const node = execution.nodes.Get;
		const minimumMs = (Math.ceil(ids.length / limit) - 1) * windowMs;
		return {
			items: ids.length,
			succeeded: node.items - node.errors,
			sentTwice: twice,
			refused429: planhat.requests.filter((r) => r.rateLimited).length,
			nodeMs: node.ms,
			wallMs,
			minimumMs,
			ratio: node.ms / minimumMs,
		};
	} finally {
		planhat.setRateLimit(null);
		planhat.conversations = [];
		planhat.requests = [];
	}
}

async function caseWorkflow(ctx) {
	const { n8n, sync, exampleWorkflows } = ctx;
	sync.connect(n8n.baseUrl, exampleWorkflows);
	const chats = OPTIONS.chats;
	const messages = 5;
	const customers = Array.from({ length: chats }, (_, i) => sync.newCustomer({ firstName: `Flow${i}`, email: `flow${i}@acme.test` }));
	await Promise.all(customers.map((c) => sync.customerWrites({ conversation: c, message: 'warm-up' })));
	await waitFor(() => sync.planfixMessages().length >= chats, 'the warm-up messages', 120000, 100);
	const runs = [];
	for (let round = 0; round < OPTIONS.rounds; round++) {
		const before = sync.planfixMessages().length;
		const started = performance.now();
		await Promise.all(customers.map(async (c, i) => {
			for (let n = 0; n < messages; n++) await sync.customerWrites({ conversation: c, message: `bench ${round}/${i}/${n}` });
		}));
		await waitFor(() => sync.planfixMessages().length - before >= chats * messages, 'all messages in Planfix', 300000, 50);
		runs.push((chats * messages) / ((performance.now() - started) / 1000));
		log(`   example workflow round ${round + 1}/${OPTIONS.rounds}: ${runs[runs.length - 1].toFixed(1)} messages/s`);
	}
	return { 'messages/s': stats(runs), chats, messages };
}

/** mapUpsertResult on 5,000-item answers, in and out of order (plain Node, scripts/bench/micro.js). */
function caseMapping() {
	const micro = require('./micro');
	const fn = micro.load('dist');
	const out = {};
	for (const c of micro.allCases([5000])) out[c.name] = micro.measure(fn, c.make());
	return out;
}

// ------------------------------------------------------------------------------------- one line

const done = [];

async function benchLine(line) {
	const dir = installN8n(line);
	const n8n = new N8n(line, dir);
	log(`\n== n8n ${n8n.version} (${line}): starting the stand-ins and n8n`);
	const sync = await startSyncStandIns();
	cleanups.push(() => sync.stop());
	const credentials = [
		...sync.credentials(),
		{ ...CRED.headerAuth.httpHeaderAuth, type: 'httpHeaderAuth', data: { name: BENCH_HEADER, value: BENCH_HEADER_SECRET } },
	];
	const wfs = {
		upsert: upsertWorkflows(sync.planhat.companies[0]._id, sync.planhat.url),
		getAll: getAllWorkflows(sync.planhat.url),
		chain: chainWorkflows(sync.haveFunnels.installationUrl, sync.planfix.apiUrl),
		rateLimit: rateLimitWorkflow(),
		triggers: triggerWorkflows(),
	};
	const exampleWorkflows = loadWorkflows(sync.config());
	const bench = mergeFlows('benchmarkflows00', [
		...Object.values(wfs.upsert),
		...Object.values(wfs.getAll),
		...Object.values(wfs.chain),
		wfs.rateLimit,
		...Object.values(wfs.triggers),
	]);
	const all = [bench, ...(wants('workflow') ? Object.values(exampleWorkflows) : [])];
	await n8n.start(credentials, all);
	log(`   n8n ${n8n.version} on ${n8n.baseUrl}`);
	const ctx = { n8n, sync, wfs, exampleWorkflows, notes: {} };
	const result = { line, version: n8n.version, cases: {}, notes: ctx.notes };
	const cases = { upsert: caseUpsert, getall: caseGetAll, triggers: caseTriggers, chain: caseChain, ratelimit: caseRateLimit, workflow: caseWorkflow };
	for (const [name, fn] of Object.entries(cases)) {
		if (!wants(name)) continue;
		log(`-- ${name}`);
		result.cases[name] = await fn(ctx);
		writeResults([...done, result], true); // what is measured so far survives a later failure
	}
	await cleanup();
	return result;
}

// ------------------------------------------------------------------------------------- table

const fmt = (value, unit) => (unit === 'ms' ? (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(0)} ms`) : value.toFixed(1));
const cell = (s, unit) => (s ? `${fmt(s.median, unit)} (${fmt(s.min, unit)}–${fmt(s.max, unit)})` : '—');

/** The rows of the table: what is compared, the pack's figure, the alternative's, their ratio, the target. */
function rows(result) {
	const out = [];
	const c = result.cases;
	const add = (work, pack, alt, altName, unit, target) => {
		if (!pack || !alt) return;
		// ratio: time ratios pack/alternative (lower is better), throughput ratios pack/alternative (higher is better)
		const ratio = pack.median / alt.median;
		let holds;
		if (target) holds = target.op === '<=' ? ratio <= target.value : ratio >= target.value;
		out.push({ work, pack: cell(pack, unit), alternative: `${altName}: ${cell(alt, unit)}`, ratio: ratio.toFixed(2), target: target ? `${target.op} ${target.value}` : '', holds, packMedian: pack.median, altMedian: alt.median });
	};
	if (c.mapping) {
		for (const [name, m] of Object.entries(c.mapping)) {
			out.push({ work: `mapUpsertResult, ${name}`, pack: `${m.median.toFixed(1)} ms (fastest ${m.min.toFixed(1)})`, alternative: '', ratio: '', target: '<= 20 ms', holds: m.median <= 20 });
		}
	}
	if (c.upsert) {
		const u = c.upsert;
		const n = OPTIONS.size.toLocaleString('en');
		add(`Create or Update ${n}, create (node time)`, u['pack create'], u.set, 'Set node, same fields', 'ms', { op: '<=', value: 1.1 });
		add(`Create or Update ${n}, update (node time)`, u['pack update'], u.set, 'Set node, same fields', 'ms', { op: '<=', value: 1.1 });
		const hn = OPTIONS.httpSize === OPTIONS.size ? '' : ` (${OPTIONS.httpSize.toLocaleString('en')} items, ×${(OPTIONS.size / OPTIONS.httpSize).toFixed(1)} to compare)`;
		const scale = (s) => s && { median: (s.median * OPTIONS.size) / OPTIONS.httpSize, min: (s.min * OPTIONS.size) / OPTIONS.httpSize, max: (s.max * OPTIONS.size) / OPTIONS.httpSize };
		add(`Create or Update ${n}, create (node time)`, u['pack create'], scale(u['http create']), `HTTP Request per item${hn}`, 'ms');
		add(`Create or Update ${n}, update (node time)`, u['pack update'], scale(u['http update']), `HTTP Request per item${hn}`, 'ms');
		add(`Create or Update ${n}, create`, u['pack create'], u['raw create'], 'raw client, same batches', 'ms');
		add(`Create or Update ${n}, update`, u['pack update'], u['raw update'], 'raw client, same batches', 'ms');
	}
	if (c.getall) add(`Get Many Return All, ${OPTIONS.size.toLocaleString('en')} (node time)`, c.getall.pack, c.getall.http, 'HTTP Request pagination', 'ms', { op: '<=', value: 1.0 });
	if (c.triggers) {
		for (const [name, label] of [['planhat', 'Planhat Trigger'], ['planfix', 'Planfix Trigger'], ['haveFunnels', 'HaveFunnels Trigger']]) {
			const t = c.triggers;
			add(`${label}, right secret (req/s)`, t[`${name} right`], t[`${name} hook+auth right`], 'Webhook + Header Auth', 'n', { op: '>=', value: 0.95 });
			add(`${label}, wrong secret (req/s)`, t[`${name} wrong`], t[`${name} hook+auth wrong`], 'Webhook + Header Auth', 'n', { op: '>=', value: 0.95 });
			add(`${label}, right secret (req/s)`, t[`${name} right`], t[`${name} hook open`], 'Webhook, no auth', 'n');
			add(`${label}, wrong secret (req/s)`, t[`${name} wrong`], t[`${name} hook v1+auth wrong`], 'Webhook version 1 + Header Auth', 'n');
		}
	}
	if (c.chain) {
		add(`Get User → Send, ${OPTIONS.chain} items (items/s, node time)`, c.chain.pack, c.chain['http one'], 'HTTP Request, Batching 1 item / 1 ms', 'n', { op: '>=', value: 0.9 });
		add(`Get User → Send, ${OPTIONS.chain} items (items/s, node time)`, c.chain.pack, c.chain['http default'], 'HTTP Request, default', 'n');
		add(`Get User → Send, ${OPTIONS.chain} items (items/s, wall)`, c.chain['pack wall'], c.chain['http one wall'], 'HTTP Request, Batching 1 item / 1 ms', 'n');
	}
	if (c.ratelimit) {
		const r = c.ratelimit;
		out.push({
			work: `Planhat Get per item under 20 calls / 6 s, ${r.items} items`,
			pack: `${fmt(r.nodeMs, 'ms')}; ${r.succeeded}/${r.items} succeeded, ${r.sentTwice} sent twice, ${r.refused429} × 429`,
			alternative: `minimum the limit allows: ${fmt(r.minimumMs, 'ms')}`,
			ratio: r.ratio.toFixed(2),
			target: 'all succeed, none twice',
			holds: r.succeeded === r.items && r.sentTwice === 0,
		});
	}
	if (c.workflow) {
		out.push({ work: `Example workflow HaveFunnels → Planfix, ${c.workflow.chats} chats × ${c.workflow.messages}`, pack: `${cell(c.workflow['messages/s'], 'n')} messages/s`, alternative: 'queue mode: npm run bench:queue', ratio: '', target: '' });
	}
	return out;
}

function printTable(results) {
	const lines = [];
	lines.push(`npm run bench — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${os.cpus().length} CPU core(s), load average ${os.loadavg()[0].toFixed(1)}, ${OPTIONS.rounds} interleaved rounds; median (min–max)`);
	lines.push('');
	lines.push('| n8n | Work | Pack | Alternative | Ratio | Target | Holds |');
	lines.push('|---|---|---|---|---|---|---|');
	for (const result of results) {
		for (const row of rows(result)) {
			lines.push(`| ${result.version} | ${row.work} | ${row.pack} | ${row.alternative} | ${row.ratio} | ${row.target} | ${row.holds === undefined ? '' : row.holds ? 'yes' : 'no'} |`);
		}
	}
	return lines.join('\n');
}

async function main() {
	if (!fs.existsSync(path.join(ROOT, 'dist', 'nodes'))) throw new Error('dist/ is missing: run `npm run build` (npm run bench does)');
	const results = [];
	const mapping = wants('mapping') ? caseMapping() : undefined;
	for (const line of OPTIONS.lines) {
		results.push(await benchLine(line));
		done.push(results[results.length - 1]);
	}
	if (mapping) results.push({ line: 'node', version: `Node ${process.version}`, cases: { mapping }, notes: {} });
	const table = writeResults(results, false);
	console.log(`\n${table}`);
	console.log(`\nwritten to ${path.relative(ROOT, OPTIONS.out)}`);
}

/** Writes the results as JSON (with the table); `partial` while cases are still running. */
function writeResults(results, partial) {
	const table = printTable(results);
	fs.mkdirSync(path.dirname(OPTIONS.out), { recursive: true });
	const json = {
		date: new Date().toISOString(),
		partial,
		machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, load: os.loadavg(), node: process.version },
		options: { ...OPTIONS, out: path.relative(ROOT, OPTIONS.out) },
		results: results.map((r) => ({ ...r, rows: rows(r) })),
		table,
	};
	fs.writeFileSync(OPTIONS.out, `${JSON.stringify(json, null, '\t')}\n`);
	return table;
}

main()
	.catch((error) => {
		console.error(`bench: ${error.stack || error.message}`);
		process.exitCode = 1;
	})
	.finally(cleanup);
