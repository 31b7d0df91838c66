import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'setting', operation: 'getAll', name: 'Get Many', action: 'Get many settings', fn: 'get-settings', returnAll: 'slice',
	// {"chat-manual-init": [false, "checkbox"], ...}: one item per setting
	output: (response) =>
		response && typeof response === 'object' && !Array.isArray(response)
			? Object.entries(response as Record<string, unknown>).map(([id, setting]) =>
				Array.isArray(setting) ? { id, value: setting[0] as IDataObject[string], type: setting[1] as string } : { id, value: setting as IDataObject[string] },
			)
			: [],
});
