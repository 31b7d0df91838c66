// Writes the run's totals to test/.tmp/summary.json; .ci/run turns them into its last line.
const fs = require('fs');
const path = require('path');

class SummaryReporter {
	constructor(globalConfig) {
		this.rootDir = globalConfig.rootDir;
	}

	onRunComplete(_contexts, results) {
		const failedSuites = results.numFailedTestSuites + (results.numRuntimeErrorTestSuites || 0);
		const summary = {
			passed: results.numPassedTests,
			failed: results.numFailedTests + (results.numFailedTests === 0 ? failedSuites : 0),
			skipped: results.numPendingTests + results.numTodoTests,
		};
		const dir = path.join(this.rootDir, 'test', '.tmp');
		fs.mkdirSync(dir, { recursive: true });
		fs.writeFileSync(path.join(dir, 'summary.json'), JSON.stringify(summary));
	}
}

module.exports = SummaryReporter;
