import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'automation', operation: 'getAll', name: 'Get Many', action: 'Get many automations', fn: 'automations-get', returnAll: 'slice',
	// [{"emails": [...], "sms": [...], "messages": [], "popups": [...], "design": [...]}, translations]: one item per automation
	output: (response) => {
		const byType = Array.isArray(response) ? response[0] : response;
		if (!byType || typeof byType !== 'object') return [];
		return Object.entries(byType as Record<string, unknown>).flatMap(([type, list]) =>
			(Array.isArray(list) ? (list as IDataObject[]) : []).map((automation) => ({ type, ...automation })),
		);
	},
});
