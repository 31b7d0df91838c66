import { choice, collection, text } from '../common.description';
import { defineOperation } from '../operation';
import { REPORT_OPTIONS } from './reportNames';

export const { fn, option, description, execute } = defineOperation({
	resource: 'report', operation: 'get', name: 'Get', action: 'Get a report', fn: 'reports',
	fields: [
		choice('name', 'name', 'Report Name', 'The report to get', REPORT_OPTIONS, 'conversations'),
		collection('options', 'Options', [
			text('dateStart', 'date_start', 'Start Date', 'The first day of the report, as dd/mm/yyyy or yyyy-mm-dd', { placeholder: '2024-05-01' }),
			text('dateEnd', 'date_end', 'End Date', 'The last day of the report, as dd/mm/yyyy or yyyy-mm-dd', { placeholder: '2024-05-31' }),
			text('timezone', 'timezone', 'Timezone', 'The timezone of the dates, such as Europe/London', { placeholder: 'Europe/London' }),
		]),
	],
});
