// Runs once per jest run, before any test file: packs this package (`npm pack`, from the built
// dist/) into test/.tmp/pack, so every e2e instance installs the same tarball a user would get.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

module.exports = async function globalSetup() {
	const root = path.resolve(__dirname, '..');
	if (!fs.existsSync(path.join(root, 'dist', 'nodes'))) {
		throw new Error('dist/ is missing: run `npm run build` before jest (npm test does)');
	}
	const dir = path.join(root, 'test', '.tmp', 'pack');
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	const env = { ...process.env };
	for (const key of Object.keys(env)) if (key.startsWith('npm_')) delete env[key];
	execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
};
