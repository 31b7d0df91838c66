import { collection, flag, since } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'conversation', operation: 'getNew', name: 'Get New', action: 'Get conversations with activity after a date or ID',
	fn: 'get-new-conversations', output: 'list',
	fields: [
		since('conversation'),
		collection('options', 'Options', [
			flag('routing', 'routing', 'Routing', 'Whether the queue or routing is active in Settings > Miscellaneous'),
			flag('routingUnassigned', 'routing_unassigned', 'Include Unassigned', 'Whether to include the conversations not assigned to any agent'),
		]),
	],
});
