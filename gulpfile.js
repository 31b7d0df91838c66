// The build is `tsc` then `gulp build:assets`: tsc emits JavaScript only, so the icons and the
// codex files (*.node.json) that n8n reads next to each node and credential are copied here.
const { src, dest } = require('gulp');

function copyAssets() {
	return src(['nodes/**/*.{png,svg}', 'nodes/**/*.node.json', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports['build:assets'] = copyAssets;
exports.default = copyAssets;
