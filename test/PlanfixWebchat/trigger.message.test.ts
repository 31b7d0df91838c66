/**
 * How the Planfix Webchat Trigger reads a newMessage body (the webhook itself runs in real n8n in
 * test/e2e/planfix-trigger.test.ts): the shapes different form parsers produce, and what is refused.
 */
import { normaliseAttachments, parsePlanfixMessage } from '../../nodes/PlanfixWebchat/trigger/message';

const base = { cmd: 'newMessage', providerId: 'p', chatId: 'c', message: 'm', token: 'secret-token' };

describe('Planfix trigger: message parsing', () => {
	it('zips n8n form-parser arrays (several files) by position', () => {
		expect(normaliseAttachments({ 'attachments[name]': ['a', 'b'], 'attachments[url]': ['https://u/a', 'https://u/b'] })).toEqual([
			{ name: 'a', url: 'https://u/a' },
			{ name: 'b', url: 'https://u/b' },
		]);
	});

	it('reads one file given as two strings', () => {
		expect(normaliseAttachments({ 'attachments[name]': 'a', 'attachments[url]': 'https://u/a' })).toEqual([{ name: 'a', url: 'https://u/a' }]);
	});

	it('reads nested shapes a qs-style parser would make', () => {
		expect(normaliseAttachments({ attachments: { name: ['a', 'b'], url: ['1', '2'] } })).toEqual([
			{ name: 'a', url: '1' },
			{ name: 'b', url: '2' },
		]);
		expect(normaliseAttachments({ attachments: [{ name: 'a', url: '1' }] })).toEqual([{ name: 'a', url: '1' }]);
	});

	it('refuses names and URLs that do not pair up', () => {
		expect(normaliseAttachments({ 'attachments[name]': ['a', 'b'], 'attachments[url]': 'https://u/a' })).toEqual({
			error: 'attachment names and URLs do not pair up',
		});
	});

	it('outputs the fields without the token, with attachments and the first-message flag', () => {
		const parsed = parsePlanfixMessage({ ...base, channel: 'wa', extraField: 'kept' });
		expect(parsed).toEqual({
			ok: true,
			item: { cmd: 'newMessage', providerId: 'p', chatId: 'c', message: 'm', channel: 'wa', extraField: 'kept', attachments: [], isFirstMessage: false },
		});
	});

	it('takes a message without chatId but with contactPhone as a first message', () => {
		const parsed = parsePlanfixMessage({ ...base, chatId: undefined, contactPhone: '123' });
		expect(parsed).toMatchObject({ ok: true, item: { isFirstMessage: true, contactPhone: '123' } });
	});

	it('accepts an empty message when a file comes with it', () => {
		const parsed = parsePlanfixMessage({ ...base, message: '', 'attachments[name]': 'a', 'attachments[url]': 'u' });
		expect(parsed).toMatchObject({ ok: true, item: { message: '', attachments: [{ name: 'a', url: 'u' }] } });
	});

	it.each([
		['not an object', 'cmd=newMessage', 'body is not a form'],
		['an unknown cmd', { ...base, cmd: 'getTask' }, 'unknown cmd'],
		['no providerId', { ...base, providerId: '' }, 'providerId missing'],
		['no message', { ...base, message: undefined }, 'message missing'],
		['an empty message without files', { ...base, message: ' ' }, 'message missing'],
		['neither chatId nor contactPhone', { ...base, chatId: '' }, 'chatId and contactPhone missing'],
		['a repeated chatId', { ...base, chatId: ['a', 'b'] }, 'chatId is repeated or not text'],
	])('refuses %s', (_name, body, error) => {
		expect(parsePlanfixMessage(body)).toEqual({ ok: false, error });
	});
});
