import { choice, collection, conversationId, id, json, text } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'conversation', operation: 'setRating', name: 'Set Rating', action: 'Rate a conversation', fn: 'set-rating', output: 'done',
	fields: [
		conversationId(),
		choice('rating', 'rating', 'Rating', 'The rating of the conversation', [{ name: 'Positive', value: '1' }, { name: 'Negative', value: '0' }], '1'),
		collection('options', 'Options', [
			id('messageId', 'message_id', 'Message ID', 'A message of the conversation to update as well', {}),
			text('message', 'message', 'Message', 'The new text of that message'),
			json('payload', 'payload', 'Payload', 'The new payload of that message, as a JSON object'),
			id('userId', 'user_id', 'User ID', 'The user of the conversation linked to that message', {}),
		]),
	],
	// settings = {"conversation_id": ..., "rating": ...}
	transform: ({ conversation_id, rating, ...rest }) => ({ settings: { conversation_id, rating: Number(rating) }, ...rest }),
});
