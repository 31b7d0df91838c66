import { collection, flag, id, messageText, text } from '../common.description';
import { defineOperation } from '../operation';
import { withoutToken } from './output';

export const { fn, option, description, execute } = defineOperation({
	resource: 'dialogflow', operation: 'getSmartReplies', name: 'Get Smart Replies', action: 'Get reply suggestions for a message',
	fn: 'dialogflow-smart-reply', output: withoutToken,
	fields: [
		messageText('The message to suggest replies to'),
		collection('options', 'Options', [
			id('conversationId', 'conversation_id', 'Conversation ID', 'The conversation of the message', {}),
			text('language', 'dialogflow_language', 'Dialogflow Language', 'The agent language, such as es'),
			flag('languageDetection', 'language_detection', 'Language Detection', 'Whether to detect the agent language from the message'),
		]),
	],
	// the page: "smart_reply_data: set it to false"
	transform: (args) => ({ ...args, smart_reply_data: false }),
});
