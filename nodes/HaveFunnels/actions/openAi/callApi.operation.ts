import { choice, collection, json, text } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'openAi', operation: 'callApi', name: 'Call API', action: 'Call the OpenAI API', fn: 'open-ai-curl', valueKey: 'response',
	fields: [
		text('urlPart', 'url_part', 'Endpoint', 'The part of the URL after https://api.openai.com/v1/, such as completions', { required: true, placeholder: 'completions' }),
		json('postFields', 'post_fields', 'Parameters', 'The parameters of the API call', '{}'),
		collection('options', 'Options', [
			choice('type', 'type', 'Method', 'The HTTP method of the call', [
				{ name: 'GET', value: 'GET' },
				{ name: 'POST', value: 'POST' },
				{ name: 'Upload', value: 'UPLOAD' },
			], 'POST'),
		]),
	],
});
