import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'user', operation: 'exportCsv', name: 'Export to CSV', action: 'Export all users to a CSV file', fn: 'csv-users',
	output: { value: 'url' },
});
