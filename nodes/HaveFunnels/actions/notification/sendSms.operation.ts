import { attachments, collection, flag, id, messageText, text } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'notification', operation: 'sendSms', name: 'Send SMS', action: 'Send a text message', fn: 'send-sms',
	fields: [
		text('to', 'to', 'Phone Number', 'The phone number of the recipient', { required: true, placeholder: '+15305431221' }),
		messageText('The text message'),
		collection('options', 'Options', [
			flag('useTemplate', 'template', 'Use Template', 'Whether to send the message inside the template of Settings > SMS notifications', true),
			id('conversationId', 'conversation_id', 'Conversation ID', 'Needed when the message holds {conversation_url_parameter}', {}),
			attachments(),
		]),
	],
});
