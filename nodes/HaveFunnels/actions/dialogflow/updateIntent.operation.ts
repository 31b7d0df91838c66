import { collection, text, textList } from '../common.description';
import { defineOperation } from '../operation';
import { agentLanguage } from './fields';

export const { fn, option, description, execute } = defineOperation({
	resource: 'dialogflow', operation: 'updateIntent', name: 'Update Intent', action: 'Update the training phrases of an intent',
	fn: 'dialogflow-update-intent', output: 'done',
	fields: [
		text('intentName', 'intent_name', 'Intent Name', 'The name of the intent, as Get Intents gives it', { required: true }),
		textList('expressions', 'expressions', 'Expressions', 'The training phrases: what users say to match the intent', { required: true }),
		collection('options', 'Options', [agentLanguage]),
	],
});
