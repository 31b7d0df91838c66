import { collection, idList, messageText, text } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'message', operation: 'directMessage', name: 'Direct Message', action: 'Send a direct message to users',
	fn: 'direct-message', output: 'done',
	fields: [
		idList('userIds', 'user_ids', 'User IDs', 'The recipients, comma-separated', { required: true }),
		messageText(),
		collection('options', 'Options', [text('subject', 'subject', 'Subject', 'The subject, needed only for emails')]),
	],
});
