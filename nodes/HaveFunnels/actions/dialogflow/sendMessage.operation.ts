import { attachments, collection, conversationId, json, messageText, text } from '../common.description';
import { defineOperation } from '../operation';
import { withoutToken } from './output';

export const { fn, option, description, execute } = defineOperation({
	// not repeated after an ambiguous failure: it may have added or sent something already
	idempotent: false,
	resource: 'dialogflow', operation: 'sendMessage', name: 'Send Message', action: 'Send a message to Dialogflow and add its answer',
	fn: 'dialogflow-message', output: withoutToken,
	fields: [
		conversationId('The conversation the answer of Dialogflow is added to'),
		messageText('The text of the message'),
		collection('options', 'Options', [
			text('language', 'language', 'Language', 'The language of the bot, such as es; by default its main language'),
			attachments(),
			text('event', 'event', 'Event', 'A Dialogflow event to trigger'),
			json('parameters', 'parameters', 'Parameters', 'Optional information for Dialogflow, such as {"name": "value"}'),
		]),
	],
});
