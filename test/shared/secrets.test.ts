import { secretsMatch } from '../../nodes/shared/secrets';

describe('secretsMatch', () => {
	it('accepts the exact secret', () => {
		expect(secretsMatch('s3cr3t-value', 's3cr3t-value')).toBe(true);
	});

	it.each([
		['a different secret of the same length', 's3cr3t-valuX'],
		['a prefix', 's3cr3t'],
		['a longer value', 's3cr3t-value-and-more'],
		['different case', 'S3CR3T-VALUE'],
		['an empty string', ''],
		['undefined', undefined],
		['null', null],
		['a number', 42],
		['an array holding the secret', ['s3cr3t-value']],
	])('rejects %s', (_label, received) => {
		expect(secretsMatch(received, 's3cr3t-value')).toBe(false);
	});

	it('never matches when no secret is configured', () => {
		expect(secretsMatch('', '')).toBe(false);
		expect(secretsMatch('anything', '')).toBe(false);
		expect(secretsMatch('anything', undefined)).toBe(false);
	});

	it('handles multi-byte secrets', () => {
		expect(secretsMatch('ключ-🔑', 'ключ-🔑')).toBe(true);
		expect(secretsMatch('ключ-🔐', 'ключ-🔑')).toBe(false);
	});
});
