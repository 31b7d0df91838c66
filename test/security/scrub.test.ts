/** The scrub helpers the transports use on every answer they hand back. */
import { containsSecret, REDACTED, scrubSecrets, scrubString, withoutSecretValues } from '../../nodes/shared/scrub';
import { SECRETS } from './fixtures';

const TOKEN = SECRETS.planhatToken;

describe('withoutSecretValues', () => {
	it('returns an answer without secrets as it is (no copy)', () => {
		const answer = { _id: '1', key: 'a field named key', token: 'a field named token' };
		expect(withoutSecretValues(answer, [TOKEN])).toBe(answer);
	});

	it('cuts only the secret values out of an answer that holds them, leaving fields named like secrets', () => {
		const answer = { key: 'kept', echo: { headers: { authorization: `Bearer ${TOKEN}` } }, list: [`x ${TOKEN} y`] };
		expect(withoutSecretValues(answer, [TOKEN])).toEqual({
			key: 'kept',
			echo: { headers: { authorization: `Bearer ${REDACTED}` } },
			list: [`x ${REDACTED} y`],
		});
	});

	it('finds the value URL-encoded, form-encoded, JSON-escaped and PHP-escaped', () => {
		const secret = 'a/b c+"d"';
		for (const form of [encodeURIComponent(secret), new URLSearchParams({ v: secret }).toString().slice(2), 'a\\/b c+\\"d\\"']) {
			expect(containsSecret(`echo ${form}`, [secret])).toBe(true);
			expect(scrubString(`echo ${form}`, { values: [secret] })).toBe(`echo ${REDACTED}`);
		}
	});

	it('ignores values too short to be secrets, and empty lists', () => {
		expect(containsSecret('abc', ['abc'])).toBe(false);
		expect(containsSecret({ a: TOKEN }, [])).toBe(false);
	});

	it('finds a value in any string of a large page (each string is looked at, no JSON text is built)', () => {
		const page = Array.from({ length: 2000 }, (_, i) => ({ _id: String(i), subject: `s ${i}`, tags: ['a', { note: 'b' }] }));
		expect(withoutSecretValues(page, [TOKEN])).toBe(page);
		page[1999].tags[1] = { note: `echo ${encodeURIComponent(TOKEN)}` };
		const cleaned = withoutSecretValues(page, [TOKEN]);
		expect(cleaned).not.toBe(page);
		expect(JSON.stringify(cleaned)).not.toContain(encodeURIComponent(TOKEN));
		expect(cleaned[0]).toEqual(page[0]);
	});

	it('treats an answer with a cycle as holding a secret (it cannot be checked), as before', () => {
		const answer: Record<string, unknown> = { a: 'plain' };
		answer.self = answer;
		expect(withoutSecretValues(answer, [TOKEN])).toEqual({ a: 'plain', self: REDACTED });
		const shared = { x: 'plain' };
		const dag = { one: shared, two: shared };
		expect(withoutSecretValues(dag, [TOKEN])).toBe(dag);
	});

	it('leaves data alone for a secret shorter than 8 characters (it would cut phone numbers apart)', () => {
		const answer = { phone: '+1 555 1234' };
		expect(withoutSecretValues(answer, ['1234'])).toBe(answer);
	});
});

describe('scrubSecrets valuesOnly', () => {
	it('keeps Bearer texts and secret-named fields that hold no known value', () => {
		const value = { token: 'their own', text: 'Bearer someone-else' };
		expect(scrubSecrets(value, { values: [TOKEN], valuesOnly: true })).toEqual(value);
		expect(scrubSecrets(value, { values: [TOKEN] })).toEqual({ token: REDACTED, text: `Bearer ${REDACTED}` });
	});
});
