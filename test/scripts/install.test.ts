/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code runs in Node.js, not in n8n's node sandbox */
/**
 * scripts/n8n/install.sh with a stand-in `npm` first on PATH (it records its calls and lays out
 * what a real install leaves: node_modules/n8n and a loadable sqlite3). Checks the cold-path
 * rules: npm settings the caller exports (as `npm test` does) do not reach the installer, sqlite3
 * is rebuilt with scripts on, two callers at once install once (a lock), and a folder without the
 * final marker is never taken as ready.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';

const run = promisify(execFile);
const INSTALL = path.resolve(__dirname, '..', '..', 'scripts', 'n8n', 'install.sh');
const VERSION = '1.0.0-test';

const FAKE_NPM = `#!/usr/bin/env bash
# Records each call (arguments and the npm_config_* it sees), then acts like npm for install.sh.
{ echo "CALL $*"; env | grep -i '^npm_config_' | sort | sed 's/^/  ENV /'; } >> "$FAKE_NPM_LOG"
case "$1" in
  install)
    sleep "\${FAKE_NPM_DELAY:-0}"
    [ -n "\${FAKE_NPM_FAIL:-}" ] && { echo "npm error fake failure"; exit 1; }
    mkdir -p node_modules/n8n node_modules/sqlite3
    echo '{"name":"n8n","version":"${VERSION}"}' > node_modules/n8n/package.json
    echo 'module.exports = {}' > node_modules/sqlite3/index.js ;;
  rebuild) echo "rebuilt" ;;
esac
`;

describe('scripts/n8n/install.sh', () => {
	let tmp: string;
	let env: NodeJS.ProcessEnv;
	let log: string;

	beforeEach(() => {
		tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'install-sh-'));
		const bin = path.join(tmp, 'bin');
		fs.mkdirSync(bin);
		fs.writeFileSync(path.join(bin, 'npm'), FAKE_NPM, { mode: 0o755 });
		log = path.join(tmp, 'npm.log');
		env = {
			PATH: `${bin}:${process.env.PATH}`,
			HOME: tmp,
			N8N_CACHE: path.join(tmp, 'cache'),
			FAKE_NPM_LOG: log,
			// what `npm test` exports from the project's .npmrc
			npm_config_ignore_scripts: 'true',
			npm_config_omit: 'dev',
			npm_config_registry: 'https://registry.example.test/',
		};
	});

	afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

	const install = () => run('bash', [INSTALL, VERSION], { env });
	const calls = () => fs.readFileSync(log, 'utf8').split('\nCALL ').map((c) => c.replace(/^CALL /, ''));

	it('installs, rebuilds sqlite3 with scripts on, and ignores npm settings the caller exports', async () => {
		const { stdout } = await install();
		const dir = path.join(tmp, 'cache', `n8n-${VERSION}`);
		expect(stdout.trim()).toBe(dir);
		expect(fs.existsSync(path.join(dir, '.installed'))).toBe(true);
		const [installCall, rebuildCall] = calls();
		expect(installCall).toMatch(/^install --no-audit --no-fund --ignore-scripts\n/);
		expect(rebuildCall).toMatch(/^rebuild sqlite3 --ignore-scripts=false/);
		for (const call of [installCall, rebuildCall]) {
			expect(call).not.toContain('npm_config_ignore_scripts');
			expect(call).not.toContain('npm_config_omit');
			expect(call).toContain('ENV npm_config_registry=https://registry.example.test/');
			expect(call).toMatch(/ENV npm_config_nodedir=\//);
		}
		expect(JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).dependencies).toEqual({ n8n: VERSION });
	});

	it('reuses a finished install without calling npm again', async () => {
		await install();
		const before = calls().length;
		await install();
		expect(calls()).toHaveLength(before);
	});

	it('installs once when two callers start at the same time (the second waits for the lock)', async () => {
		env.FAKE_NPM_DELAY = '1';
		const [a, b] = await Promise.all([install(), install()]);
		expect(a.stdout.trim()).toBe(b.stdout.trim());
		expect(calls().filter((c) => c.startsWith('install '))).toHaveLength(1);
		expect(a.stderr + b.stderr).toContain('another process is installing');
	});

	it('never takes an unfinished folder as ready: it is wiped and installed again', async () => {
		const dir = path.join(tmp, 'cache', `n8n-${VERSION}`);
		fs.mkdirSync(path.join(dir, 'node_modules', 'n8n'), { recursive: true });
		fs.writeFileSync(path.join(dir, 'leftover'), 'half-finished');
		await install();
		expect(fs.existsSync(path.join(dir, 'leftover'))).toBe(false);
		expect(fs.existsSync(path.join(dir, '.installed'))).toBe(true);
		expect(calls().filter((c) => c.startsWith('install '))).toHaveLength(1);
	});

	it('fails without a ready marker when npm fails, and the next call starts over', async () => {
		env.FAKE_NPM_FAIL = '1';
		await expect(install()).rejects.toMatchObject({ stderr: expect.stringContaining('FAILED: n8n@1.0.0-test did not install') });
		const dir = path.join(tmp, 'cache', `n8n-${VERSION}`);
		expect(fs.existsSync(path.join(dir, '.installed'))).toBe(false);
		delete env.FAKE_NPM_FAIL;
		await install();
		expect(fs.existsSync(path.join(dir, '.installed'))).toBe(true);
	});
});
