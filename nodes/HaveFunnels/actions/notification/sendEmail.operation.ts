import { attachments, collection, id, messageText } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'notification', operation: 'sendEmail', name: 'Send Email', action: 'Email a user', fn: 'send-email', output: 'done',
	fields: [
		id('recipientId', 'recipient_id', 'Recipient ID', 'The user to email, with the templates of Settings > Notifications'),
		messageText('The message of the email'),
		collection('options', 'Options', [attachments(), id('senderId', 'sender_id', 'Sender ID', 'The user shown as the sender', {})]),
	],
});
