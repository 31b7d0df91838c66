import { choice, collection, json, text } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	// not repeated after an ambiguous failure: it may have added or sent something already
	idempotent: false,
	resource: 'openAi', operation: 'callApi', name: 'Call API', action: 'Call the OpenAI API', fn: 'open-ai-curl', valueKey: 'response',
	fields: [
		text('urlPart', 'url_part', 'URL Part', 'The part of the URL after https://api.openai.com/v1/, such as completions', { required: true, placeholder: 'completions' }),
		json('postFields', 'post_fields', 'Post Fields', 'The parameters of the API call', '{}'),
		collection('options', 'Options', [
			choice('type', 'type', 'Type', 'The HTTP call type', [
				{ name: 'GET', value: 'GET' },
				{ name: 'POST', value: 'POST' },
				{ name: 'Upload', value: 'UPLOAD' },
			], 'POST'),
		]),
	],
});
