import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'department', operation: 'getAll', name: 'Get Many', action: 'Get many departments', fn: 'get-departments', returnAll: 'slice',
	// {"1": {"name": ..., "color": ..., "image": ...}, ...}
	output: (response) =>
		response && typeof response === 'object' && !Array.isArray(response)
			? Object.entries(response as Record<string, IDataObject>).map(([id, department]) => ({ id, ...department }))
			: [],
});
