import type { IDataObject } from 'n8n-workflow';

import { attachments, collection, conversationId, flag, id, json, messageText, status, userId } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'message', operation: 'send', name: 'Send', action: 'Send a message', fn: 'send-message',
	fields: [
		userId('The ID of the sender: the user, an agent or the bot (see User > Get Agent IDs and Get Bot ID)'),
		conversationId(),
		messageText('The text of the message; may be empty when it has attachments', { typeOptions: { rows: 4 } }),
		collection('additionalFields', 'Additional Fields', [
			attachments(),
			status('status', 'conversation_status_code', 'The status of the conversation after the message', [
				{ name: 'Keep Current Status', value: 'skip' },
			]),
			json('payload', 'payload', 'Payload', 'Additional information as a JSON object'),
			flag('queue', 'queue', 'Queue', 'Whether the queue is active in Settings > Miscellaneous > Queue'),
			id('recipientId', 'recipient_id', 'Recipient ID', 'The user who receives the message, used for their language', {}),
		]),
	],
	// {"status":"success","message-id":123,...}; some versions answer "id"
	output: (response) => {
		const answer = (response && typeof response === 'object' ? response : { id: response }) as IDataObject;
		return [{ messageId: answer['message-id'] ?? answer.id, ...answer }];
	},
});
