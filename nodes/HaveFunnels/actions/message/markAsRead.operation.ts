import { collection, id, idList } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'message', operation: 'markAsRead', name: 'Mark as Read', action: 'Mark messages as read', fn: 'update-messages-status',
	output: 'done',
	fields: [
		idList('messageIds', 'message_ids', 'Message IDs', 'The messages to mark as read, comma-separated', { required: true }),
		collection('options', 'Options', [
			id('userId', 'user_id', 'User ID', "The user of the messages; needed to update the user's chat when Pusher is active", {}),
		]),
	],
});
