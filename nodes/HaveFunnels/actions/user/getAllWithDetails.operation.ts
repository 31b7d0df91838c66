import type { IDataObject } from 'n8n-workflow';

import { collection, text, textList } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'user', operation: 'getAllWithDetails', name: 'Get Many With Details', action: 'Get the users who have given details',
	fn: 'get-users-with-details', returnAll: 'slice',
	fields: [
		textList('details', 'details', 'Details', 'The user details to look for, such as email or phone', { required: true, placeholder: 'phone' }),
		collection('options', 'Options', [
			text('userIds', 'user_ids', 'User IDs', 'Only these users, comma-separated; or all, or agents for agents and admins only', { placeholder: '12, 45, 78', hint: 'Separate several IDs with commas (12, 45, 78), or enter all or agents' }),
		]),
	],
	// {"email": [{"id": 4561, "value": "albert@example.com"}, ...], "phone": [...]}: one item per user and detail
	output: (response) =>
		response && typeof response === 'object' && !Array.isArray(response)
			? Object.entries(response as Record<string, unknown>).flatMap(([detail, rows]) =>
				(Array.isArray(rows) ? (rows as IDataObject[]) : []).map((row) => ({ detail, ...row })),
			)
			: [],
});
