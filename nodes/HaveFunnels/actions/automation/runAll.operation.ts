import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	// not repeated after an ambiguous failure: it may have added or sent something already
	idempotent: false,
	resource: 'automation', operation: 'runAll', name: 'Run All', action: 'Run all valid automations', fn: 'automations-run-all',
	// the automations left to the browser: client-side conditions, popups, designs
	output: 'list',
});
