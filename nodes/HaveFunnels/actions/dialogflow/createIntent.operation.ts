import { collection, text, textList } from '../common.description';
import { defineOperation } from '../operation';
import { agentLanguage } from './fields';

export const { fn, option, description, execute } = defineOperation({
	// not repeated after an ambiguous failure: it may have added or sent something already
	idempotent: false,
	resource: 'dialogflow', operation: 'createIntent', name: 'Create Intent', action: 'Create an intent', fn: 'dialogflow-create-intent',
	output: 'done',
	fields: [
		textList('expressions', 'expressions', 'Expressions', 'The training phrases: what users say to match the intent', { required: true }),
		text('response', 'response', 'Response', 'What the bot answers when a phrase matches', { required: true, typeOptions: { rows: 2 } }),
		collection('options', 'Options', [agentLanguage]),
	],
});
