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
