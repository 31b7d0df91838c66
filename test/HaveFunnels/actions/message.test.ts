/** Message operations: the exact form each sends to the stand-in and what the node outputs. */
import { itSendsAndReturns, useStandIn } from '../helpers';

const ctx = useStandIn();
// Seeded: conversation 1 of John Doe (user 4) with message 1 from John and message 2 from agent 2.

const newMessage = (hf: { addMessage: (f: object) => { id: number } }) => ({
	id: hf.addMessage({ conversation_id: 1, user_id: 4, message: 'Draft' }).id,
});

itSendsAndReturns(ctx, 'message', [
	{
		title: 'send with attachments rows, status, payload, queue and recipient',
		operation: 'send',
		params: {
			userId: '2',
			conversationId: '1',
			message: 'Here is your invoice',
			additionalFields: {
				attachments: {
					attachment: [
						{ name: 'invoice.pdf', url: 'https://cdn.example.com/invoice.pdf' },
						{ name: 'photo.png', url: 'https://cdn.example.com/photo.png' },
					],
				},
				status: 'skip',
				payload: '{"rich": true}',
				queue: false,
				recipientId: '4',
			},
		},
		fn: 'send-message',
		form: [
			['function', 'send-message'],
			['user_id', '2'],
			['conversation_id', '1'],
			['message', 'Here is your invoice'],
			['attachments', '[["invoice.pdf","https://cdn.example.com/invoice.pdf"],["photo.png","https://cdn.example.com/photo.png"]]'],
			['conversation_status_code', 'skip'],
			['payload', '{"rich":true}'],
			['queue', 'false'],
			['recipient_id', '4'],
		],
		check: (json, hf) => {
			expect(json).toEqual([{ messageId: expect.any(Number), status: 'success', 'message-id': json[0].messageId, queue: false, notifications: [] }]);
			const stored = hf.state.message(json[0].messageId);
			expect(stored).toMatchObject({ user_id: 2, conversation_id: 1, message: 'Here is your invoice', payload: '{"rich":true}' });
			expect(JSON.parse(stored.attachments)).toEqual([
				['invoice.pdf', 'https://cdn.example.com/invoice.pdf'],
				['photo.png', 'https://cdn.example.com/photo.png'],
			]);
			expect(hf.state.conversation(1).status_code).toBe(2); // skip kept the status
		},
	},
	{
		title: 'send: an answer with "id" instead of "message-id" gives the same messageId',
		operation: 'send',
		setup: (hf) => {
			hf.options.messageIdKey = 'id';
		},
		params: { userId: '4', conversationId: '1', message: 'Thanks' },
		fn: 'send-message',
		form: [['function', 'send-message'], ['user_id', '4'], ['conversation_id', '1'], ['message', 'Thanks']],
		check: (json, hf) => {
			hf.options.messageIdKey = 'message-id';
			expect(json[0].messageId).toEqual(json[0].id);
			expect(hf.state.message(json[0].messageId).message).toBe('Thanks');
		},
	},
	(made) => ({
		title: 'update',
		operation: 'update',
		setup: newMessage,
		params: {
			messageId: String(made.id),
			updateFields: { message: 'Edited', attachments: { attachment: [{ name: 'a.txt', url: 'https://x.example/a.txt' }] }, payload: '{"k":1}' },
		},
		fn: 'update-message',
		form: [
			['function', 'update-message'],
			['message_id', String(made.id)],
			['message', 'Edited'],
			['attachments', '[["a.txt","https://x.example/a.txt"]]'],
			['payload', '{"k":1}'],
		],
		check: (json, hf) => {
			expect(json).toEqual([{ success: true }]);
			expect(hf.state.message(made.id)).toMatchObject({ message: 'Edited', attachments: '[["a.txt","https://x.example/a.txt"]]' });
		},
	}),
	(made) => ({
		title: 'delete',
		operation: 'delete',
		setup: newMessage,
		params: { messageId: String(made.id) },
		fn: 'delete-message',
		form: [['function', 'delete-message'], ['message_id', String(made.id)]],
		check: (json, hf) => {
			expect(json).toEqual([{ success: true }]);
			expect(hf.state.message(made.id)).toBeNull();
		},
	}),
	{
		title: 'get new',
		operation: 'getNew',
		params: { userId: '4', conversationId: '1', since: '1' },
		fn: 'get-new-messages',
		form: [['function', 'get-new-messages'], ['user_id', '4'], ['conversation_id', '1'], ['datetime', '1']],
		check: (json) => {
			expect(json[0]).toMatchObject({ id: '2', user_id: '2', message: 'Hello, how can I help?' });
			expect(json.map((m) => m.id)).not.toContain('1');
		},
	},
	{
		title: 'get new in an unknown conversation gives no item',
		operation: 'getNew',
		params: { userId: '4', conversationId: '999', since: '2020-01-01' },
		fn: 'get-new-messages',
		form: [['function', 'get-new-messages'], ['user_id', '4'], ['conversation_id', '999'], ['datetime', '2020-01-01']],
		check: (json) => expect(json).toEqual([]),
	},
	{
		title: 'mark as read sends the IDs as a JSON array',
		operation: 'markAsRead',
		params: { messageIds: '1, 2', options: { userId: '4' } },
		fn: 'update-messages-status',
		form: [['function', 'update-messages-status'], ['message_ids', '[1,2]'], ['user_id', '4']],
		check: (json, hf) => {
			expect(json).toEqual([{ success: true }]);
			expect([hf.state.message(1).status_code, hf.state.message(2).status_code]).toEqual([2, 2]);
		},
	},
	{
		title: 'direct message',
		operation: 'directMessage',
		params: { userIds: '4', message: 'Our summer offer', options: { subject: 'Offer' } },
		fn: 'direct-message',
		form: [['function', 'direct-message'], ['user_ids', '[4]'], ['message', 'Our summer offer'], ['subject', 'Offer']],
		check: (json, hf) => {
			expect(json).toEqual([{ success: true }]);
			expect(hf.state.outbox.directMessages).toEqual([{ user_ids: ['4'], message: 'Our summer offer', subject: 'Offer' }]);
		},
	},
]);
