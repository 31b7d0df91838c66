import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'translation', operation: 'getAll', name: 'Get Many', action: 'Get many translations', fn: 'get-translations', returnAll: 'slice',
	// {"ar": {"name": "Arabic", "front": {...}, "admin": {...}}, ...}: one item per language
	output: (response) =>
		response && typeof response === 'object' && !Array.isArray(response)
			? Object.entries(response as Record<string, IDataObject>).map(([code, language]) => ({ code, ...language }))
			: [],
});
