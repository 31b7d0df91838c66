import { choice, collection, json, text } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'dialogflow', operation: 'sendQuery', name: 'Send Query', action: 'Send a query to Dialogflow', fn: 'dialogflow-curl',
	valueKey: 'response',
	fields: [
		json('query', 'query', 'Query', 'The Dialogflow query', '{}', { required: true }),
		collection('options', 'Options', [
			text('language', 'language', 'Language', 'The agent language, such as es'),
			choice('type', 'type', 'Type', 'The HTTP call type', [
				{ name: 'GET', value: 'GET' },
				{ name: 'PATCH', value: 'PATCH' },
				{ name: 'POST', value: 'POST' },
			], 'POST'),
		]),
	],
});
