import { NodeOperationError } from 'n8n-workflow';

import { collection, id, messageText, number } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	// not repeated after an ambiguous failure: it may have added or sent something already
	idempotent: false,
	resource: 'openAi', operation: 'sendMessage', name: 'Send Message', action: 'Send a message to OpenAI and get the answer', fn: 'open-ai-message',
	fields: [
		messageText('The text of the message'),
		collection('options', 'Options', [
			number('maxTokens', 'max_tokens', 'Max Tokens', 'The most OpenAI tokens the answer may use: it limits its length', { default: 100, typeOptions: { minValue: 1 } }),
			id('conversationId', 'conversation_id', 'Conversation ID', 'If set, the answer is added to this conversation as a new message', {}),
		]),
	],
	// [true, "answer"] or [false, "error message"]
	output: function (response, itemIndex) {
		const [ok, text] = Array.isArray(response) ? response : [false, response];
		if (ok !== true) {
			throw new NodeOperationError(this.getNode(), `OpenAI could not answer: ${String(text ?? 'no answer')}`, { itemIndex });
		}
		return [{ message: text as string }];
	},
});
