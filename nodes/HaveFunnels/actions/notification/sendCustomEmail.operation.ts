import { collection, messageText, text } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'notification', operation: 'sendCustomEmail', name: 'Send Custom Email', action: 'Email any address', fn: 'send-custom-email',
	output: 'done',
	fields: [
		text('to', 'to', 'To', 'The email address', { required: true, placeholder: 'name@email.com' }),
		text('subject', 'subject', 'Subject', 'The subject of the email', { required: true }),
		messageText('The message of the email'),
		collection('options', 'Options', [text('senderSuffix', 'sender_suffix', 'Sender Suffix', 'Text added to the sender name')]),
	],
});
