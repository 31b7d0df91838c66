import { collection, status } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'conversation', operation: 'count', name: 'Count', action: 'Count conversations', fn: 'count-conversations',
	output: { value: 'count' },
	fields: [collection('options', 'Options', [status('status', 'status_code', 'Count only the conversations with this status')])],
});
