import type { IDataObject } from 'n8n-workflow';

import { json } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'automation', operation: 'validate', name: 'Validate', action: 'Validate an automation', fn: 'automations-validate',
	fields: [json('automation', 'automation', 'Automation', 'The automation, such as {"id": "0BOaG", "conditions": [...], "message": "..."}', '{}', { required: true })],
	// false: invalid; otherwise the conditions left to check in the browser (none: it can run now)
	output: (response) => {
		if (!response || typeof response !== 'object') return [{ valid: false, executable: false }];
		const result = response as IDataObject;
		const conditions = Array.isArray(result.conditions) ? result.conditions : [];
		return [{ valid: true, executable: conditions.length === 0, ...result, conditions }];
	},
});
