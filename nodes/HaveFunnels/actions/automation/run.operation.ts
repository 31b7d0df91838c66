import { flag, json } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	// not repeated after an ambiguous failure: it may have added or sent something already
	idempotent: false,
	resource: 'automation', operation: 'run', name: 'Run', action: 'Run an automation', fn: 'automations-run', output: { value: 'success' },
	fields: [
		json('automation', 'automation', 'Automation', 'The automation, such as {"id": "0BOaG", "conditions": [...], "message": "..."}', '{}', { required: true }),
		flag('validate', 'validate', 'Validate', 'Whether to validate the automation before running it'),
	],
});
