import { choice, collection, text } from '../common.description';
import { defineOperation } from '../operation';
import { REPORT_OPTIONS } from './reportNames';

export const { fn, option, description, execute } = defineOperation({
	// not repeated after an ambiguous failure: it may have added or sent something already
	idempotent: false,
	resource: 'report', operation: 'addRow', name: 'Add Row', action: 'Add a row to the reports', fn: 'reports-update', output: 'done',
	fields: [
		choice('name', 'name', 'Report Name', 'The report the row counts for', REPORT_OPTIONS, 'conversations'),
		collection('additionalFields', 'Additional Fields', [
			text('value', 'value', 'Value', 'The value of the row'),
			text('externalId', 'external_id', 'External ID', 'An ID of your own for the row'),
			text('extra', 'extra', 'Extra', 'An extra value for the row'),
		]),
	],
});
