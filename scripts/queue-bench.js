#!/usr/bin/env node
'use strict';
// `npm run bench:queue`: HaveFunnels → Planfix throughput of the example workflow in n8n queue
// mode, with 1 worker and then 2 workers, measured in one run on this machine, printed.
//
// For each worker count it starts a fresh rig with scripts/n8n/queue.sh (Redis, PostgreSQL, n8n
// main, one webhook processor, the workers; this checkout linked into each user folder, so build
// first), the stand-ins of test/stand-ins/, and the workflows of workflows/. Then CHATS customers
// write MESSAGES messages each: every chat is a serial sender, as HaveFunnels waits for each
// webhook's answer (the workflow's trigger answers When Last Node Finishes), so up to CHATS
// executions are queued at once. The figure is messages in Planfix per second, from the first
// message sent to the last one received.
//   BENCH_CHATS (default 12)   BENCH_MESSAGES (default 5)   BENCH_LINE (default 2.x)
// Everything is stopped and removed at the end, on failure and on Ctrl+C.
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { loadWorkflows, startSyncStandIns, webhookPath, waitFor } = require('../test/e2e/lib/sync-setup');

const ROOT = path.resolve(__dirname, '..');
const QUEUE_SH = path.join(ROOT, 'scripts', 'n8n', 'queue.sh');
const LINE = process.env.BENCH_LINE || '2.x';
const CHATS = Number(process.env.BENCH_CHATS || 12);
const MESSAGES = Number(process.env.BENCH_MESSAGES || 5);

const cleanups = [];
async function cleanup() {
	while (cleanups.length) await cleanups.pop()().catch(() => undefined);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => cleanup().then(() => process.exit(130)));

function isFree(port) {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

async function freePortBlock(size) {
	for (let attempt = 0; attempt < 50; attempt++) {
		const base = 20000 + Math.floor(Math.random() * 20000);
		const free = await Promise.all(Array.from({ length: size }, (_, i) => isFree(base + i)));
		if (free.every(Boolean)) return base;
	}
	throw new Error('no free ports');
}

function installN8n() {
	const out = spawnSync('bash', [path.join(ROOT, 'scripts', 'n8n', 'install.sh'), LINE], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
	if (out.status !== 0) throw new Error(`n8n ${LINE} could not be installed`);
	return out.stdout.trim().split('\n').pop();
}

async function measure(dir, workers) {
	const sync = await startSyncStandIns();
	cleanups.push(() => sync.stop());
	const workflows = loadWorkflows(sync.config());
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-bench-'));
	const base = await freePortBlock(15);
	const env = { ...process.env, N8N_DIR: dir, QUEUE_HOME: home, QUEUE_PORT: String(base), WORKERS: String(workers), PKG_DIR: ROOT, N8N_HOST: '127.0.0.1', N8N_LOG_LEVEL: 'info' };
	for (const key of Object.keys(env)) if (key.startsWith('npm_')) delete env[key];
	delete env.NODE_ENV;
	delete env.N8N_USER_FOLDER;
	const q = (...args) => execFileSync('bash', [QUEUE_SH, ...args], { env, stdio: ['ignore', 'ignore', 'inherit'] });
	cleanups.push(async () => {
		q('stop');
		fs.rmSync(home, { recursive: true, force: true });
	});

	process.stderr.write(`\n== ${workers} worker(s): starting Redis, PostgreSQL and n8n ${LINE} in queue mode\n`);
	q('db');
	const fixtures = path.join(home, 'fixtures');
	fs.mkdirSync(path.join(fixtures, 'workflows'), { recursive: true });
	fs.writeFileSync(path.join(fixtures, 'credentials.json'), JSON.stringify(sync.credentials()));
	q('cli', 'import:credentials', `--input=${path.join(fixtures, 'credentials.json')}`);
	Object.values(workflows).forEach((wf, i) =>
		fs.writeFileSync(path.join(fixtures, 'workflows', `${i}.json`), JSON.stringify({ settings: { executionOrder: 'v1' }, ...wf, active: false })),
	);
	q('cli', 'import:workflow', '--separate', `--input=${path.join(fixtures, 'workflows')}`);
	for (const wf of Object.values(workflows).filter((w) => w.active)) {
		if (LINE === '1.x') q('cli', 'update:workflow', `--id=${wf.id}`, '--active=true');
		else q('cli', 'publish:workflow', `--id=${wf.id}`);
	}
	q('n8n');
	const webhookUrl = `http://127.0.0.1:${base + 2}`;
	// the webhook processor answers 401 (no key) once the workflow's webhook is registered
	const hook = webhookUrl + webhookPath(workflows.haveFunnelsEvents);
	await waitFor(async () => (await fetch(hook, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status === 401, 'the webhook', 60000, 250);
	sync.connect(webhookUrl, workflows);

	// warm-up: one message per chat (first executions load code, open connections)
	const customers = Array.from({ length: CHATS }, (_, i) => sync.newCustomer({ firstName: `Bench${i}`, email: `bench${i}@acme.test` }));
	await Promise.all(customers.map((c) => sync.customerWrites({ conversation: c, message: 'warm-up' })));
	await waitFor(() => sync.planfixMessages().length >= CHATS, 'the warm-up messages', 120000, 100);

	const before = sync.planfixMessages().length;
	const webhooksBefore = sync.haveFunnels.webhooks.length;
	const total = CHATS * MESSAGES;
	const started = Date.now();
	await Promise.all(
		customers.map(async (c, i) => {
			for (let n = 0; n < MESSAGES; n++) await sync.customerWrites({ conversation: c, message: `bench ${i}/${n}` });
		}),
	);
	await waitFor(() => sync.planfixMessages().length - before >= total, 'all messages in Planfix', 300000, 50);
	const seconds = (Date.now() - started) / 1000;
	const calls = sync.haveFunnels.webhooks.slice(webhooksBefore);
	const durations = calls.map((w) => w.durationMs).sort((a, b) => a - b);
	const result = {
		workers,
		messages: total,
		seconds,
		perSecond: total / seconds,
		medianAnswerMs: durations[Math.floor(durations.length / 2)],
		timeouts: calls.filter((w) => w.error === 'timeout').length,
		load: os.loadavg()[0],
	};
	process.stderr.write(`== ${workers} worker(s): ${total} messages in ${seconds.toFixed(1)} s\n`);
	await cleanup();
	return result;
}

async function main() {
	if (!fs.existsSync(path.join(ROOT, 'dist', 'nodes'))) throw new Error('dist/ is missing: run `npm run build` (npm run bench:queue does)');
	const dir = installN8n();
	const results = [];
	for (const workers of [1, 2]) results.push(await measure(dir, workers));
	const [one, two] = results;
	console.log(`\nHaveFunnels → Planfix through the example workflow, n8n ${LINE} queue mode (main + webhook processor + workers, Redis, PostgreSQL),`);
	console.log(`${CHATS} chats × ${MESSAGES} messages, each chat waiting for each answer (Respond: When Last Node Finishes), on ${os.cpus().length} CPU core(s):`);
	for (const r of results) {
		console.log(
			`  ${r.workers} worker${r.workers > 1 ? 's' : ' '}: ${r.perSecond.toFixed(2)} messages/s (${r.messages} in ${r.seconds.toFixed(1)} s), median answer to HaveFunnels ${r.medianAnswerMs} ms, ${r.timeouts} over 10 s, load average ${r.load.toFixed(1)}`,
		);
	}
	console.log(`  2 workers vs 1: ${((two.perSecond / one.perSecond - 1) * 100).toFixed(0)} %`);
	console.log(
		`The limit is CPU: main, the webhook processor, each worker and its task runner, Redis, PostgreSQL and the stand-ins (and whatever else runs here: see the load average) share ${os.cpus().length} core(s), so a second worker adds only the CPU left idle; on their own machines, workers add their own.`,
	);
}

main()
	.catch(async (error) => {
		console.error(`bench: ${error.message}`);
		process.exitCode = 1;
	})
	.finally(cleanup);
