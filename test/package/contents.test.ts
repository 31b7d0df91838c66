/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- test code runs in Node.js, not in n8n's node sandbox */
/**
 * What `npm pack` puts in the package (from the built dist/): what n8n loads (the files the
 * package.json "n8n" section names, their icons and codex files), the example workflows, and
 * nothing else — no dist/package.json, no declarations, no sources, no tests.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
	n8n: { nodes: string[]; credentials: string[] };
	dependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
};

function packedFiles(): string[] {
	const env = { ...process.env };
	for (const key of Object.keys(env)) if (key.startsWith('npm_')) delete env[key];
	const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, env, encoding: 'utf8' });
	const [info] = JSON.parse(out) as Array<{ files: Array<{ path: string }> }>;
	return info.files.map((f) => f.path).sort();
}

describe('the npm package', () => {
	const files = packedFiles();

	it('holds every node and credential file n8n loads, with their icons and codex files', () => {
		for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) expect(files).toContain(file);
		for (const node of pkg.n8n.nodes) expect(files).toContain(node.replace(/\.js$/, '.json'));
		expect(files.filter((f) => f.endsWith('.svg')).length).toBeGreaterThanOrEqual(3);
	});

	it('ships the example workflows', () => {
		const workflows = fs.readdirSync(path.join(ROOT, 'workflows')).filter((f) => f.endsWith('.json'));
		expect(workflows.length).toBeGreaterThanOrEqual(3);
		for (const wf of workflows) expect(files).toContain(`workflows/${wf}`);
	});

	it('holds only dist/, workflows/ and the top-level files npm always adds', () => {
		expect(files).not.toContain('dist/package.json');
		const outside = files.filter((f) => !f.startsWith('dist/') && !f.startsWith('workflows/'));
		expect(outside.sort()).toEqual(['CHANGELOG.md', 'LICENSE.md', 'README.md', 'index.js', 'package.json']);
		expect(files.filter((f) => f.endsWith('.d.ts') || f.endsWith('.ts'))).toEqual([]);
		expect(files.filter((f) => f.startsWith('dist/') && !/\.(js|js\.map|json|svg|png)$/.test(f))).toEqual([]);
	});

	it('has no runtime dependencies, only n8n-workflow as a peer', () => {
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(Object.keys(pkg.peerDependencies ?? {})).toEqual(['n8n-workflow']);
	});
});
