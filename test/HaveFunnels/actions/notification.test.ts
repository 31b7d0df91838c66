/** Notification operations against the stand-in. */
import { expectNoSecrets, itSendsAndReturns, runHf, sentForm, useStandIn } from '../helpers';

const ctx = useStandIn();

itSendsAndReturns(ctx, 'notification', [
	{
		title: 'send email with attachments and sender',
		operation: 'sendEmail',
		params: {
			recipientId: '4',
			message: 'Your order shipped',
			options: { attachments: { attachment: [{ name: 'label.pdf', url: 'https://cdn.example.com/label.pdf' }] }, senderId: '2' },
		},
		fn: 'send-email',
		form: [
			['function', 'send-email'],
			['recipient_id', '4'],
			['message', 'Your order shipped'],
			['attachments', '[["label.pdf","https://cdn.example.com/label.pdf"]]'],
			['sender_id', '2'],
		],
		check: (json, hf) => {
			expect(json).toEqual([{ success: true }]);
			expect(hf.state.outbox.emails).toEqual([
				{ recipient_id: 4, to: 'john@example.com', sender_id: 2, message: 'Your order shipped', attachments: [['label.pdf', 'https://cdn.example.com/label.pdf']] },
			]);
		},
	},
	{
		title: 'send custom email',
		operation: 'sendCustomEmail',
		params: { to: 'ops@example.com', subject: 'Daily report', message: 'All good', options: { senderSuffix: '(bot)' } },
		fn: 'send-custom-email',
		form: [['function', 'send-custom-email'], ['to', 'ops@example.com'], ['subject', 'Daily report'], ['message', 'All good'], ['sender_suffix', '(bot)']],
		check: (json, hf) => {
			expect(json).toEqual([{ success: true }]);
			expect(hf.state.outbox.customEmails).toEqual([{ to: 'ops@example.com', subject: 'Daily report', message: 'All good', sender_suffix: '(bot)' }]);
		},
	},
	{
		title: 'send SMS without the template gives the provider answer',
		operation: 'sendSms',
		params: { to: '+15305431221', message: 'Code 1234', options: { useTemplate: false, conversationId: '1' } },
		fn: 'send-sms',
		form: [['function', 'send-sms'], ['to', '+15305431221'], ['message', 'Code 1234'], ['template', 'false'], ['conversation_id', '1']],
		check: (json, hf) => {
			expect(json).toEqual([expect.objectContaining({ sid: expect.stringMatching(/^SM/), to: '+15305431221', body: 'Code 1234', status: 'queued' })]);
			expect(hf.state.outbox.sms[0]).toMatchObject({ template: false, conversation_id: '1' });
		},
	},
	{
		title: 'push notification',
		operation: 'pushNotification',
		params: { title: 'New lead', message: 'John is waiting', options: { icon: 'https://cdn.example.com/i.png', interest: '2', conversationId: '1' } },
		fn: 'push-notification',
		form: [
			['function', 'push-notification'],
			['title', 'New lead'],
			['message', 'John is waiting'],
			['icon', 'https://cdn.example.com/i.png'],
			['interest', '2'],
			['conversation_id', '1'],
		],
		check: (json) => expect(json).toEqual([{ publishId: expect.stringMatching(/^pubid-/) }]),
	},
]);

it('notification pushNotification: disabled push notifications (false) are an error that says so', async () => {
	ctx.hf.options.pushNotifications = false;
	try {
		const run = await runHf(ctx.hf, 'notification', 'pushNotification', { title: 'T', message: 'M' });
		expect(run.status).toBe('error');
		expect(run.error).toMatchObject({ message: 'Push notifications are disabled in HaveFunnels', itemIndex: 0 });
		expect(sentForm(ctx.hf, 'push-notification')).toEqual([['function', 'push-notification'], ['title', 'T'], ['message', 'M']]);
		expectNoSecrets(run.error);
	} finally {
		ctx.hf.options.pushNotifications = true;
	}
});
