import { collection, text } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'dialogflow', operation: 'getIntents', name: 'Get Intents', action: 'Get the intents of the agent', fn: 'dialogflow-get-intents',
	returnAll: 'slice', output: 'list',
	fields: [
		collection('options', 'Options', [
			text('intentName', 'intent_name', 'Intent Name', 'Only this intent'),
			text('language', 'language', 'Language', 'The agent language, such as es; by default its main language'),
		]),
	],
});
