import { createHash, timingSafeEqual } from 'crypto';

/**
 * Compares a received secret with the expected one in constant time. Both sides are hashed first,
 * so neither the length nor the content of the expected secret leaks through timing. A missing,
 * non-string or empty value never matches, and an empty expected secret matches nothing.
 */
export function secretsMatch(received: unknown, expected: unknown): boolean {
	if (typeof received !== 'string' || typeof expected !== 'string') return false;
	if (received.length === 0 || expected.length === 0) return false;
	const a = createHash('sha256').update(received, 'utf8').digest();
	const b = createHash('sha256').update(expected, 'utf8').digest();
	return timingSafeEqual(a, b);
}

/**
 * Whether a request carries a secret at all (a non-empty string): what `secretsMatch` needs before
 * it can ever match. A trigger refuses a request without one (401) before it loads and decrypts
 * its credential; a request with a secret is compared in constant time as before. Either way the
 * caller's answer is the same one it always got: only the work before it differs.
 */
export function secretPresent(received: unknown): received is string {
	return typeof received === 'string' && received.length > 0;
}
