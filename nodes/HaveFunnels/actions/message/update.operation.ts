import { attachments, collection, json, messageId, text } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'message', operation: 'update', name: 'Update', action: 'Update a message', fn: 'update-message', output: 'done',
	fields: [
		messageId(),
		collection('updateFields', 'Update Fields', [
			text('message', 'message', 'Message', 'The new text of the message', { typeOptions: { rows: 4 } }),
			attachments(),
			json('payload', 'payload', 'Payload', 'Additional information as a JSON object'),
		]),
	],
});
