import { STATUS_OPTIONS, choice, collection, flag, text } from '../common.description';
import { defineOperation } from '../operation';

const SOURCES = [
	{ name: 'Email', value: 'em' },
	{ name: 'Facebook Messenger', value: 'fb' },
	{ name: 'Google Business Messages', value: 'gb' },
	{ name: 'Instagram', value: 'ig' },
	{ name: 'Text Message', value: 'tx' },
	{ name: 'Ticket', value: 'tk' },
	{ name: 'Twitter', value: 'tw' },
	{ name: 'WeChat', value: 'wc' },
	{ name: 'WhatsApp', value: 'wa' },
];

export const { fn, option, description, execute } = defineOperation({
	resource: 'conversation', operation: 'getAll', name: 'Get Many', action: 'Get many conversations', fn: 'get-conversations',
	returnAll: 'paginate', output: 'list',
	fields: [
		collection('filters', 'Filters', [
			choice('status', 'status_code', 'Status', 'Only conversations with this status; by default the inbox (not archived, not in the trash)', STATUS_OPTIONS, '0'),
			text('department', 'department', 'Department ID', 'Only conversations assigned to this department'),
			choice('source', 'source', 'Source', 'Only conversations that came from this channel', SOURCES, 'em'),
			flag('routing', 'routing', 'Routing', 'Whether the queue or routing is active in Settings > Miscellaneous'),
			flag('routingUnassigned', 'routing_unassigned', 'Include Unassigned', 'Whether to include the conversations not assigned to any agent'),
		]),
	],
});
