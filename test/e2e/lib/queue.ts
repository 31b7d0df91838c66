/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- test code runs in Node.js, not in n8n's node sandbox */
/**
 * The queue-mode e2e rig: Redis, PostgreSQL, n8n main, one webhook processor and workers, all
 * started by scripts/n8n/queue.sh (as `DEV_QUEUE=1 npm run dev` does) on a free block of ports,
 * each n8n process with the packed tarball installed in its own user folder. Tests talk to the
 * webhook processor (the public webhook URL), read executions from PostgreSQL and the workers'
 * logs, and can SIGKILL a worker.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { ROOT, installDir, packageTarball, type CredentialFixture, type ExecutionRow, type HttpResult, type N8nLine, type WorkflowFixture } from './n8n';

const run = promisify(execFile);
const QUEUE_SH = path.join(ROOT, 'scripts', 'n8n', 'queue.sh');
/** queue.sh uses 15 consecutive ports from QUEUE_PORT. */
const PORT_BLOCK = 15;

export interface QueueOptions {
	line?: N8nLine;
	workers?: number;
	credentials?: CredentialFixture[];
	workflows?: WorkflowFixture[];
	env?: Record<string, string>;
}

function isFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

async function freePortBlock(size: number): Promise<number> {
	for (let attempt = 0; attempt < 50; attempt++) {
		const base = 20000 + Math.floor(Math.random() * 20000);
		const ports = Array.from({ length: size }, (_, i) => base + i);
		if ((await Promise.all(ports.map(isFree))).every(Boolean)) return base;
	}
	throw new Error(`no block of ${size} free ports found`);
}

async function request(url: string, init: RequestInit): Promise<HttpResult> {
	const response = await fetch(url, init);
	const text = await response.text();
	let json: unknown;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = undefined;
	}
	return { status: response.status, headers: response.headers, text, json };
}

/** What a worker's log says it ran: execution ids started and finished. */
export interface WorkerRuns {
	started: string[];
	finished: string[];
}

export class QueueRig {
	readonly mainUrl: string;
	readonly webhookUrl: string;
	readonly redisPort: number;
	readonly pgPort: number;
	private stopped = false;

	constructor(
		readonly dir: string,
		readonly home: string,
		readonly base: number,
		readonly workers: number,
		private readonly env: NodeJS.ProcessEnv,
		readonly version: string,
	) {
		this.mainUrl = `http://127.0.0.1:${base}`;
		this.webhookUrl = `http://127.0.0.1:${base + 2}`;
		this.redisPort = base + 13;
		this.pgPort = base + 14;
	}

	get nodeBin(): string {
		return fs.readFileSync(path.join(this.dir, '.node-bin'), 'utf8').trim();
	}

	/** POSTs JSON, a form or raw text to a path of the webhook processor (or `base`). */
	post(
		urlPath: string,
		body: { json?: unknown; form?: Record<string, string>; raw?: string; contentType?: string } = {},
		options: { headers?: Record<string, string>; base?: string } = {},
	): Promise<HttpResult> {
		const headers: Record<string, string> = { ...(options.headers ?? {}) };
		let payload: string | undefined;
		if (body.json !== undefined) {
			payload = JSON.stringify(body.json);
			headers['Content-Type'] = 'application/json';
		} else if (body.form !== undefined) {
			payload = new URLSearchParams(body.form).toString();
			headers['Content-Type'] = 'application/x-www-form-urlencoded';
		} else if (body.raw !== undefined) {
			payload = body.raw;
			headers['Content-Type'] = body.contentType ?? 'text/plain';
		}
		return request((options.base ?? this.webhookUrl) + urlPath, { method: 'POST', headers, body: payload });
	}

	/** Runs SQL on n8n's PostgreSQL database (with n8n's own `pg` client). */
	async query<T = Record<string, unknown>>(sql: string): Promise<T[]> {
		const script = `
const { Client } = require('pg');
const c = new Client({ host: '127.0.0.1', port: Number(process.argv[1]), user: 'postgres', database: 'n8n' });
c.connect().then(() => c.query(process.argv[2])).then((r) => { console.log(JSON.stringify(r.rows)); return c.end(); })
  .catch((e) => { console.error(e.message); process.exit(1); });`;
		const { stdout } = await run(this.nodeBin, ['-e', script, String(this.pgPort), sql], {
			cwd: path.join(this.dir, 'node_modules', 'n8n'),
			maxBuffer: 64 * 1024 * 1024,
		});
		return JSON.parse(stdout) as T[];
	}

	/** Executions stored in PostgreSQL, oldest first, with each node's output items. */
	async executions(): Promise<ExecutionRow[]> {
		const script = `
const { Client } = require('pg');
const { parse } = require('flatted');
const c = new Client({ host: '127.0.0.1', port: Number(process.argv[1]), user: 'postgres', database: 'n8n' });
const sql = 'select e.id, e."workflowId", e.status, e.mode, e.finished, d.data from execution_entity e left join execution_data d on d."executionId" = e.id order by e.id';
c.connect().then(() => c.query(sql)).then((res) => {
  const out = res.rows.map((r) => {
    const nodes = {}; let error;
    try {
      const data = r.data ? parse(r.data) : null;
      const runData = (data && data.resultData && data.resultData.runData) || {};
      for (const [name, runs] of Object.entries(runData)) nodes[name] = runs.flatMap((t) => ((t.data && t.data.main) || []).flatMap((o) => (o || []).map((i) => i.json)));
      const e = data && data.resultData && data.resultData.error; if (e) error = e.message;
    } catch (e) { error = 'unparsable execution data: ' + e.message; }
    return { id: String(r.id), workflowId: r.workflowId, status: r.status, mode: r.mode, finished: !!r.finished, nodes, dataText: r.data || '', error };
  });
  console.log(JSON.stringify(out));
  return c.end();
}).catch((e) => { console.error(e.message); process.exit(1); });`;
		const { stdout } = await run(this.nodeBin, ['-e', script, String(this.pgPort)], {
			cwd: path.join(this.dir, 'node_modules', 'n8n'),
			maxBuffer: 64 * 1024 * 1024,
		});
		return JSON.parse(stdout) as ExecutionRow[];
	}

	/** The log of one process: 'main', 'webhook', 'worker1', … */
	log(role: string): string {
		const file = path.join(this.home, role, 'n8n.log');
		return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
	}

	/** The executions a worker's log says it started and finished. */
	workerRuns(worker: number): WorkerRuns {
		const text = this.log(`worker${worker}`);
		const ids = (verb: string) => [...text.matchAll(new RegExp(`Worker ${verb} execution (\\d+)`, 'g'))].map((m) => m[1]);
		return { started: ids('started'), finished: ids('finished') };
	}

	pid(role: string): number {
		return Number(fs.readFileSync(path.join(this.home, role, 'n8n.pid'), 'utf8'));
	}

	/** Kills a worker at once (SIGKILL), as a crash or an OOM kill would. `stop()` cleans up after it. */
	killWorker(worker: number): void {
		process.kill(this.pid(`worker${worker}`), 'SIGKILL');
	}

	/** Stops every process of the rig (queue.sh stop) and removes its folder unless E2E_KEEP is set. */
	async stop(): Promise<void> {
		if (this.stopped) return;
		this.stopped = true;
		await run('bash', [QUEUE_SH, 'stop'], { env: this.env }).catch(() => undefined);
		if (!process.env.E2E_KEEP) fs.rmSync(this.home, { recursive: true, force: true });
	}

	/** An n8n CLI command with the main process' environment. */
	async cli(...args: string[]): Promise<string> {
		const { stdout } = await run('bash', [QUEUE_SH, 'cli', ...args], { env: this.env, maxBuffer: 64 * 1024 * 1024 });
		return stdout;
	}

	/** Waits until main has registered the production webhooks of these workflows. */
	async waitForWebhooks(workflowIds: string[], timeoutMs = 30000): Promise<void> {
		if (!workflowIds.length) return;
		const list = workflowIds.map((id) => `'${id.replace(/'/g, "''")}'`).join(',');
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			const rows = await this.query<{ n: string }>(`select count(distinct "workflowId") n from webhook_entity where "workflowId" in (${list})`);
			if (Number(rows[0].n) >= workflowIds.length) return;
			await new Promise((r) => setTimeout(r, 250));
		}
		throw new Error(`n8n did not register the webhooks of ${workflowIds.join(', ')} within ${timeoutMs} ms`);
	}
}

/**
 * Starts Redis, PostgreSQL and n8n in queue mode (main + webhook processor + `workers` workers)
 * with the package, credentials and workflows. Stops everything again if any step fails.
 */
export async function startQueue(options: QueueOptions = {}): Promise<QueueRig> {
	const line = options.line ?? '2.x';
	const dir = installDir(line);
	const home = fs.mkdtempSync(path.join(os.tmpdir(), `n8n-queue-${line}-`));
	const base = await freePortBlock(PORT_BLOCK);
	const workers = options.workers ?? 2;
	const env: NodeJS.ProcessEnv = {
		...process.env,
		N8N_DIR: dir,
		QUEUE_HOME: home,
		QUEUE_PORT: String(base),
		WORKERS: String(workers),
		PKG_TGZ: packageTarball(),
		N8N_HOST: '127.0.0.1',
		N8N_LOG_LEVEL: 'info',
		...options.env,
	};
	// Jest's environment must not leak into n8n (NODE_ENV=test changes n8n's behaviour).
	for (const key of Object.keys(env)) if (key.startsWith('JEST_') || key.startsWith('npm_')) delete env[key];
	delete env.NODE_ENV;
	delete env.N8N_USER_FOLDER;
	delete env.NODE_OPTIONS;
	delete env.PKG_DIR;
	const version = (JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', 'n8n', 'package.json'), 'utf8')) as { version: string }).version;
	const rig = new QueueRig(dir, home, base, workers, env, version);
	const fixtures = path.join(home, 'fixtures');
	try {
		await run('bash', [QUEUE_SH, 'db'], { env });
		fs.mkdirSync(path.join(fixtures, 'workflows'), { recursive: true });
		if (options.credentials?.length) {
			fs.writeFileSync(path.join(fixtures, 'credentials.json'), JSON.stringify(options.credentials));
			await rig.cli('import:credentials', `--input=${path.join(fixtures, 'credentials.json')}`);
		}
		const workflows = options.workflows ?? [];
		if (workflows.length) {
			workflows.forEach((wf, i) =>
				fs.writeFileSync(path.join(fixtures, 'workflows', `${i}.json`), JSON.stringify({ settings: { executionOrder: 'v1' }, ...wf, active: false })),
			);
			await rig.cli('import:workflow', '--separate', `--input=${path.join(fixtures, 'workflows')}`);
			for (const wf of workflows.filter((w) => w.active)) {
				if (line === '2.x') await rig.cli('publish:workflow', `--id=${wf.id}`);
				else await rig.cli('update:workflow', `--id=${wf.id}`, '--active=true');
			}
		}
		await run('bash', [QUEUE_SH, 'n8n'], { env });
		const withWebhooks = workflows.filter((wf) => wf.active && (wf.nodes as Array<{ webhookId?: string }>).some((node) => node.webhookId));
		await rig.waitForWebhooks(withWebhooks.map((wf) => wf.id));
	} catch (error) {
		const logs = ['main', 'webhook', 'worker1']
			.map((role) => `--- ${role}\n${rig.log(role).slice(-1500)}`)
			.join('\n');
		await rig.stop();
		throw new Error(`n8n queue mode (${line}) did not start: ${(error as Error).message}\n${logs}`);
	}
	return rig;
}
