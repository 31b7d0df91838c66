/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/require-node-api-error -- test code runs in Node.js, not in n8n's node sandbox; its errors are not node errors */
/**
 * The real-n8n e2e rig: starts a real n8n (installed once per run by scripts/n8n/install.sh) with
 * this package's packed tarball installed by the README's manual install command, imports
 * credentials and workflows with n8n's own CLI,
 * activates them, and gives tests HTTP access, the executions from n8n's database, and stop().
 * It drives the scripts in scripts/n8n/, so tests and `npm run dev` start n8n the same way.
 */
import { execFile, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';

const run = promisify(execFile);
export const ROOT = path.resolve(__dirname, '..', '..', '..');
const SCRIPTS = path.join(ROOT, 'scripts', 'n8n');
export const PACKAGE_NAME = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string }).name;

export type N8nLine = '1.x' | '2.x';
/** Both lines by default; E2E_LINES=1.x (or 2.x) narrows it for quick local loops. */
export const N8N_LINES: N8nLine[] = (process.env.E2E_LINES ?? '1.x,2.x')
	.split(',')
	.map((l) => l.trim())
	.filter((l): l is N8nLine => l === '1.x' || l === '2.x');

/** n8n's type name for a node of this package, e.g. `nodeType('planhat')`. */
export const nodeType = (name: string) => `${PACKAGE_NAME}.${name}`;

export interface CredentialFixture {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export interface WorkflowFixture {
	id: string;
	name: string;
	active?: boolean;
	nodes: unknown[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

export interface HttpResult {
	status: number;
	headers: Headers;
	text: string;
	json: unknown;
}

export interface ExecutionRow {
	id: string;
	workflowId: string;
	status: string;
	mode: string;
	finished: boolean;
	/** Output items (json) of each node that ran, from the stored execution data. */
	nodes: Record<string, unknown[]>;
	/** The stored execution data as text (to check that no secret was stored). */
	dataText: string;
	error?: string;
}

/**
 * Waits until every execution `read` returns has finished and no new one appeared for `quietMs`;
 * returns them all. Works for any source of executions (SQLite of one n8n, PostgreSQL in queue mode).
 */
export async function settledExecutions(
	read: () => Promise<ExecutionRow[]>,
	{ quietMs = 1200, timeoutMs = 60_000, everyMs = 200 }: { quietMs?: number; timeoutMs?: number; everyMs?: number } = {},
): Promise<ExecutionRow[]> {
	const deadline = Date.now() + timeoutMs;
	let last = -1;
	let stableSince = Date.now();
	let rows: ExecutionRow[] = [];
	while (Date.now() < deadline) {
		rows = await read();
		const busy = rows.some((r) => ['new', 'running', 'waiting'].includes(r.status));
		if (busy || rows.length !== last) {
			last = rows.length;
			stableSince = Date.now();
		} else if (Date.now() - stableSince >= quietMs) {
			return rows;
		}
		await new Promise((r) => setTimeout(r, everyMs));
	}
	throw new Error(`the executions did not settle within ${timeoutMs} ms: ${JSON.stringify(rows.map((r) => [r.id, r.status]))}`);
}

async function freePortPair(): Promise<number> {
	for (let attempt = 0; attempt < 50; attempt++) {
		const port = 20000 + Math.floor(Math.random() * 20000);
		const ok = await Promise.all([port, port + 1].map(isFree));
		if (ok.every(Boolean)) return port;
	}
	throw new Error('no free port pair found');
}

function isFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/**
 * The install folder of a line, prepared once per run by `scripts/n8n/install.sh` (the `test` and
 * `test:e2e` scripts run it before jest). A test file never installs n8n itself: a folder without
 * the install's last step (its .installed marker) is not used.
 */
export function installDir(line: N8nLine): string {
	const out = spawnSync('bash', ['-c', '. "$1/versions.sh"; case "$2" in 1.x) echo "$N8N_CACHE/n8n-$N8N_V1";; *) echo "$N8N_CACHE/n8n-$N8N_V2";; esac', 'dir', SCRIPTS, line], {
		encoding: 'utf8',
	});
	const dir = out.stdout.trim();
	if (!dir || !fs.existsSync(path.join(dir, '.installed'))) {
		throw new Error(`n8n ${line} is not installed in ${dir || 'the n8n cache'}: run \`bash scripts/n8n/install.sh ${line}\` (npm test does it before jest)`);
	}
	return dir;
}

/** The README's manual install command, as run inside ~/.n8n/nodes (without the package name). */
export const MANUAL_INSTALL_ARGS = ['install', '--legacy-peer-deps', '--no-audit', '--no-fund'];

/** The tarball `npm pack` made of this package for this run (test/global-setup.js). */
export function packageTarball(): string {
	const dir = path.join(ROOT, 'test', '.tmp', 'pack');
	const tgz = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.tgz')) : [];
	if (tgz.length !== 1) throw new Error(`expected one packed tarball in ${dir} (made by test/global-setup.js), found ${tgz.length}`);
	return path.join(dir, tgz[0]);
}

/**
 * Installs the packed package into an n8n user folder exactly as the README tells a user to:
 * `npm install --legacy-peer-deps <package>` inside ~/.n8n/nodes (here with the tarball).
 */
export async function installPackage(home: string, env: NodeJS.ProcessEnv): Promise<string> {
	const nodesDir = path.join(home, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	await run('npm', [...MANUAL_INSTALL_ARGS, packageTarball()], { cwd: nodesDir, env, maxBuffer: 16 * 1024 * 1024 });
	return nodesDir;
}

export interface StartOptions {
	line: N8nLine;
	credentials?: CredentialFixture[];
	workflows?: WorkflowFixture[];
	/** Extra environment for n8n. */
	env?: Record<string, string>;
}

export class N8nInstance {
	readonly baseUrl: string;
	private cookie: string | null = null;
	private stopped = false;

	constructor(
		readonly line: N8nLine,
		readonly dir: string,
		readonly home: string,
		readonly port: number,
		private readonly env: NodeJS.ProcessEnv,
		readonly version: string,
	) {
		this.baseUrl = `http://127.0.0.1:${port}`;
	}

	get nodeBin(): string {
		return fs.readFileSync(path.join(this.dir, '.node-bin'), 'utf8').trim();
	}

	/** POSTs JSON (`{ json }`), a form (`{ form: pairs or object }`) or raw text (`{ raw, contentType }`). */
	async post(
		urlPath: string,
		body: { json?: unknown; form?: Array<[string, string]> | Record<string, string>; raw?: string; contentType?: string } = {},
		options: { headers?: Record<string, string>; method?: string } = {},
	): Promise<HttpResult> {
		const headers: Record<string, string> = { ...(options.headers ?? {}) };
		let payload: string | undefined;
		if (body.json !== undefined) {
			payload = JSON.stringify(body.json);
			headers['Content-Type'] = 'application/json';
		} else if (body.form !== undefined) {
			payload = new URLSearchParams(body.form as Array<[string, string]>).toString();
			headers['Content-Type'] = 'application/x-www-form-urlencoded';
		} else if (body.raw !== undefined) {
			payload = body.raw;
			headers['Content-Type'] = body.contentType ?? 'text/plain';
		}
		const response = await fetch(this.baseUrl + urlPath, { method: options.method ?? 'POST', headers, body: payload });
		const text = await response.text();
		let json: unknown;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = undefined;
		}
		return { status: response.status, headers: response.headers, text, json };
	}

	/** Calls n8n's REST API as the instance owner (set up on first use). */
	async rest(method: string, urlPath: string, body?: unknown): Promise<HttpResult> {
		if (!this.cookie) {
			const setup = await fetch(`${this.baseUrl}/rest/owner/setup`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ email: 'owner@example.com', firstName: 'Test', lastName: 'Owner', password: 'Passw0rd-e2e' }),
			});
			const cookie = setup.headers.get('set-cookie');
			if (!setup.ok || !cookie) throw new Error(`owner setup failed: HTTP ${setup.status} ${await setup.text()}`);
			this.cookie = cookie.split(';')[0];
		}
		const response = await fetch(this.baseUrl + urlPath, {
			method,
			headers: { 'Content-Type': 'application/json', Cookie: this.cookie },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		let json: unknown;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			json = undefined;
		}
		return { status: response.status, headers: response.headers, text, json };
	}

	/** Runs n8n's own credential test (what the editor's "Test" / save does). */
	async testCredential(credential: Omit<CredentialFixture, 'id'> & { id?: string }): Promise<{ status: string; message: string }> {
		const res = await this.rest('POST', '/rest/credentials/test', { credentials: { id: credential.id ?? 'test', ...credential } });
		const data = (res.json as { data?: { status: string; message: string } } | undefined)?.data;
		if (!data) throw new Error(`credential test answered HTTP ${res.status}: ${res.text}`);
		return data;
	}

	/** Executions stored in n8n's database, oldest first, with each node's output items. */
	async executions(): Promise<ExecutionRow[]> {
		const script = `
const sqlite3 = require('sqlite3');
const { parse } = require('flatted');
const db = new sqlite3.Database(process.argv[1], sqlite3.OPEN_READONLY);
db.all("select e.id, e.workflowId, e.status, e.mode, e.finished, d.data from execution_entity e left join execution_data d on d.executionId = e.id order by e.id", (err, rows) => {
  if (err) { console.error(err.message); process.exit(1); }
  const out = rows.map((r) => {
    const nodes = {}; let error;
    try {
      const data = r.data ? parse(r.data) : null;
      const runData = (data && data.resultData && data.resultData.runData) || {};
      for (const [name, runs] of Object.entries(runData)) nodes[name] = runs.flatMap((t) => ((t.data && t.data.main) || []).flatMap((o) => (o || []).map((i) => i.json)));
      const e = data && data.resultData && data.resultData.error; if (e) error = e.message;
    } catch (e) { error = 'unparsable execution data: ' + e.message; }
    return { id: String(r.id), workflowId: r.workflowId, status: r.status, mode: r.mode, finished: !!r.finished, nodes, dataText: r.data || '', error };
  });
  console.log(JSON.stringify(out)); db.close();
});`;
		const db = path.join(this.home, '.n8n', 'database.sqlite');
		const { stdout } = await run(this.nodeBin, ['-e', script, db], { cwd: path.join(this.dir, 'node_modules', 'n8n'), maxBuffer: 64 * 1024 * 1024 });
		return JSON.parse(stdout) as ExecutionRow[];
	}

	/** Runs a read-only SQL query on n8n's database. */
	async query<T = Record<string, unknown>>(sql: string): Promise<T[]> {
		const script = `
const sqlite3 = require('sqlite3');
const db = new sqlite3.Database(process.argv[1], sqlite3.OPEN_READONLY);
db.all(process.argv[2], (err, rows) => { if (err) { console.error(err.message); process.exit(1); } console.log(JSON.stringify(rows)); db.close(); });`;
		const db = path.join(this.home, '.n8n', 'database.sqlite');
		const { stdout } = await run(this.nodeBin, ['-e', script, db, sql], { cwd: path.join(this.dir, 'node_modules', 'n8n') });
		return JSON.parse(stdout) as T[];
	}

	/**
	 * Waits until n8n has registered the production webhooks of these workflows. n8n 2.x logs
	 * "Editor is now accessible" before its active workflows are registered, and answers 404 until then.
	 */
	async waitForWebhooks(workflowIds: string[], timeoutMs = 30000): Promise<void> {
		if (!workflowIds.length) return;
		const list = workflowIds.map((id) => `'${id.replace(/'/g, "''")}'`).join(',');
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			const rows = await this.query<{ n: number }>(`select count(distinct workflowId) n from webhook_entity where workflowId in (${list})`);
			if (rows[0].n >= workflowIds.length) return;
			await new Promise((r) => setTimeout(r, 250));
		}
		throw new Error(`n8n did not register the webhooks of ${workflowIds.join(', ')} within ${timeoutMs} ms`);
	}

	/** Waits until at least `count` executions are stored and finished (or failed), then returns all. */
	async waitForExecutions(count: number, timeoutMs = 20000): Promise<ExecutionRow[]> {
		const deadline = Date.now() + timeoutMs;
		let rows: ExecutionRow[] = [];
		while (Date.now() < deadline) {
			rows = await this.executions();
			const done = rows.filter((r) => !['new', 'running', 'waiting'].includes(r.status));
			if (done.length >= count) return rows;
			await new Promise((r) => setTimeout(r, 250));
		}
		throw new Error(`expected ${count} finished executions within ${timeoutMs} ms, found ${JSON.stringify(rows.map((r) => [r.id, r.status]))}`);
	}

	/** The n8n log so far (for debugging and for checking that no secret was logged). */
	log(): string {
		const file = path.join(this.home, 'n8n.log');
		return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
	}

	async stop(): Promise<void> {
		if (this.stopped) return;
		this.stopped = true;
		const pidFile = path.join(this.home, 'n8n.pid');
		if (fs.existsSync(pidFile)) {
			const pid = Number(fs.readFileSync(pidFile, 'utf8'));
			try {
				process.kill(pid, 'SIGTERM');
			} catch {
				/* already gone */
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
		if (!process.env.E2E_KEEP) fs.rmSync(this.home, { recursive: true, force: true });
	}

	/** The pid of the running n8n (main process). */
	pid(): number {
		return Number(fs.readFileSync(path.join(this.home, 'n8n.pid'), 'utf8'));
	}

	/** SIGKILLs n8n, as a crash or an out-of-memory kill does: no shutdown, nothing saved. */
	async kill(): Promise<void> {
		const pid = this.pid();
		try {
			process.kill(pid, 'SIGKILL');
		} catch {
			return;
		}
		for (;;) {
			try {
				process.kill(pid, 0);
			} catch {
				return;
			}
			await new Promise((r) => setTimeout(r, 50));
		}
	}

	/** Starts n8n again on the same user folder (database) and port, e.g. after kill(). */
	async restart(workflowIdsWithWebhooks: string[] = []): Promise<void> {
		this.cookie = null;
		await run('bash', [path.join(SCRIPTS, 'start.sh')], { env: this.env });
		await this.waitForWebhooks(workflowIdsWithWebhooks);
	}

	/**
	 * Runs a workflow once from the CLI (`n8n execute`, from its Manual Trigger), beside the running
	 * n8n. Its output (the whole execution data) goes to a file in the user folder, not into memory.
	 */
	async execute(workflowId: string): Promise<{ ok: boolean; output: string }> {
		const file = path.join(this.home, `execute-${workflowId}-${Date.now()}.log`);
		const script = `bash "${path.join(SCRIPTS, 'cli.sh')}" execute --id="${workflowId}" > "${file}" 2>&1`;
		// n8n 2.x starts its own task-runner broker for the run: not on the running n8n's port.
		const brokerPort = await freePortPair();
		const ok = await run('bash', ['-c', script], { env: { ...this.env, N8N_RUNNERS_BROKER_PORT: String(brokerPort) } }).then(
			() => true,
			() => false,
		);
		const output = fs.readFileSync(file, 'utf8');
		return { ok: ok && output.includes('Execution was successful'), output: output.slice(0, 4000) };
	}

	/** Runs an n8n CLI command with this instance's environment. */
	async cli(...args: string[]): Promise<string> {
		const { stdout } = await run('bash', [path.join(SCRIPTS, 'cli.sh'), ...args], { env: this.env, maxBuffer: 64 * 1024 * 1024 });
		return stdout;
	}
}

/** Starts a fresh n8n of the given line with the package, credentials and workflows. */
export async function startN8n(options: StartOptions): Promise<N8nInstance> {
	const dir = installDir(options.line);
	const home = fs.mkdtempSync(path.join(os.tmpdir(), `n8n-e2e-${options.line}-`));
	const port = await freePortPair();
	const env: NodeJS.ProcessEnv = {
		...process.env,
		N8N_DIR: dir,
		N8N_HOME: home,
		N8N_PORT: String(port),
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
	const instance = new N8nInstance(options.line, dir, home, port, env, version);
	const fixtures = path.join(home, 'fixtures');
	fs.mkdirSync(path.join(fixtures, 'workflows'), { recursive: true });
	try {
		await installPackage(home, env);
		if (options.credentials?.length) {
			fs.writeFileSync(path.join(fixtures, 'credentials.json'), JSON.stringify(options.credentials));
			await instance.cli('import:credentials', `--input=${path.join(fixtures, 'credentials.json')}`);
		}
		const workflows = options.workflows ?? [];
		if (workflows.length) {
			workflows.forEach((wf, i) =>
				fs.writeFileSync(path.join(fixtures, 'workflows', `${i}.json`), JSON.stringify({ settings: { executionOrder: 'v1' }, ...wf, active: false })),
			);
			await instance.cli('import:workflow', '--separate', `--input=${path.join(fixtures, 'workflows')}`);
			for (const wf of workflows.filter((w) => w.active)) {
				if (options.line === '2.x') await instance.cli('publish:workflow', `--id=${wf.id}`);
				else await instance.cli('update:workflow', `--id=${wf.id}`, '--active=true');
			}
		}
		await run('bash', [path.join(SCRIPTS, 'start.sh')], { env });
		const withWebhooks = (options.workflows ?? []).filter(
			(wf) => wf.active && (wf.nodes as Array<{ webhookId?: string }>).some((node) => node.webhookId),
		);
		await instance.waitForWebhooks(withWebhooks.map((wf) => wf.id));
	} catch (error) {
		const log = instance.log();
		await instance.stop();
		throw new Error(`n8n ${options.line} did not start: ${(error as Error).message}\n${log.slice(-3000)}`);
	}
	return instance;
}
