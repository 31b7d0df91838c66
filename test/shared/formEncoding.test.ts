import { attachmentPairs, formPairs, toFormBody, withFormField } from '../../nodes/shared/formEncoding';

describe('toFormBody', () => {
	it('keeps pair order and repeated keys, and encodes like a browser form', () => {
		const body = toFormBody([
			['cmd', 'newMessage'],
			['message', 'Hello, I have a question & more'],
			...attachmentPairs([
				{ name: 'photo1.jpg', url: 'https://superchat.io/files/5444.jpg' },
				{ name: 'photo2.jpg', url: 'https://superchat.io/files/5445.jpg' },
			]),
		]);
		expect(body.toString()).toBe(
			'cmd=newMessage&message=Hello%2C+I+have+a+question+%26+more' +
				'&attachments%5Bname%5D=photo1.jpg&attachments%5Burl%5D=https%3A%2F%2Fsuperchat.io%2Ffiles%2F5444.jpg' +
				'&attachments%5Bname%5D=photo2.jpg&attachments%5Burl%5D=https%3A%2F%2Fsuperchat.io%2Ffiles%2F5445.jpg',
		);
		expect(formPairs(body).filter(([k]) => k.startsWith('attachments'))).toEqual([
			['attachments[name]', 'photo1.jpg'],
			['attachments[url]', 'https://superchat.io/files/5444.jpg'],
			['attachments[name]', 'photo2.jpg'],
			['attachments[url]', 'https://superchat.io/files/5445.jpg'],
		]);
	});

	it('turns an object with array values into repeated keys and leaves out null and undefined', () => {
		const body = toFormBody({ a: '1', list: ['x', 'y'], skip: undefined, none: null, flag: true, n: 0, empty: '' });
		expect(formPairs(body)).toEqual([
			['a', '1'],
			['list', 'x'],
			['list', 'y'],
			['flag', 'true'],
			['n', '0'],
			['empty', ''],
		]);
	});

	it('builds no pairs for no attachments', () => {
		expect(attachmentPairs([])).toEqual([]);
	});
});

describe('withFormField', () => {
	it('adds a field to a URLSearchParams body without changing the original', () => {
		const original = toFormBody([['a', '1']]);
		const result = withFormField(original, 'planfix_token', 'tok') as URLSearchParams;
		expect(formPairs(result)).toEqual([
			['a', '1'],
			['planfix_token', 'tok'],
		]);
		expect(formPairs(original)).toEqual([['a', '1']]);
	});

	it('replaces the field when authenticate runs twice (n8n re-authenticates after a 401)', () => {
		const once = withFormField(toFormBody([['a', '1']]), 'token', 'x');
		const twice = withFormField(once, 'token', 'x') as URLSearchParams;
		expect(formPairs(twice)).toEqual([
			['a', '1'],
			['token', 'x'],
		]);
	});

	it('handles string, object and missing bodies', () => {
		expect(formPairs(withFormField('a=1', 'k', 'v') as URLSearchParams)).toEqual([
			['a', '1'],
			['k', 'v'],
		]);
		expect(withFormField({ a: 1 }, 'k', 'v')).toEqual({ a: 1, k: 'v' });
		expect(formPairs(withFormField(undefined, 'k', 'v') as URLSearchParams)).toEqual([['k', 'v']]);
	});
});
