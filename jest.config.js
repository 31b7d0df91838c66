/** Jest runs the TypeScript tests in test/ with ts-jest. Node and credential code is loaded from
 * dist/ by the workflow rig (as n8n loads it), and the e2e tests install the package packed from
 * dist/ (test/global-setup.js), so `npm run build` runs before jest. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts', '**/*.test.js'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	testTimeout: 30000,
	setupFiles: ['<rootDir>/test/setup-env.js'],
	globalSetup: '<rootDir>/test/global-setup.js',
	reporters: ['default', '<rootDir>/test/summary-reporter.js'],
};
