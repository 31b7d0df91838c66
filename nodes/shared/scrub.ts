/**
 * Secret scrubbing for anything that may leave the node: error messages, error descriptions,
 * request echoes. Planfix and HaveFunnels carry their tokens in the request body, so an error
 * built from a request can hold the token in a form string, a JSON string or an object field.
 */
export const REDACTED = '[redacted]';

/** Field names that always hold a secret in this package's services. */
export const SECRET_KEYS = ['planfix_token', 'token', 'authorization', 'key', 'apitoken', 'api_token'];

export interface ScrubOptions {
	/** Extra field names to redact (compared case-insensitively). */
	keys?: string[];
	/** Secret values to cut out of every string, wherever they appear. */
	values?: Array<string | undefined>;
	/**
	 * Only cut out the secret values; leave fields named like secrets (`token`, `key`, ...) and
	 * `Bearer ...` texts alone. For data a service answered with, where such names are ordinary.
	 */
	valuesOnly?: boolean;
}

/**
 * The secret values worth looking for (at least 4 characters), as they may stand in a text: raw,
 * URL-encoded, form-encoded, JSON-escaped and PHP-escaped (`\/`). Longest first, so that a form
 * that contains another is cut out whole.
 */
function secretForms(values: Array<string | undefined> = []): string[] {
	const forms = new Set<string>();
	for (const value of values) {
		if (typeof value !== 'string' || value.length < 4) continue;
		const json = JSON.stringify(value).slice(1, -1);
		for (const form of [
			value,
			encodeURIComponent(value),
			new URLSearchParams({ v: value }).toString().slice(2),
			json,
			json.replace(/\//g, '\\/'),
		]) {
			forms.add(form);
		}
	}
	return [...forms].sort((a, b) => b.length - a.length);
}

function escapeRegExp(text: string) {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function scrubString(text: string, options: ScrubOptions = {}): string {
	let out = text;
	for (const form of secretForms(options.values)) out = out.split(form).join(REDACTED);
	if (options.valuesOnly) return out;
	const keys = [...SECRET_KEYS, ...(options.keys ?? [])].map(escapeRegExp).join('|');
	// form bodies and query strings: planfix_token=abc&...
	out = out.replace(new RegExp(`(^|[?&\\s])(${keys})=([^&\\s"]*)`, 'gi'), `$1$2=${REDACTED}`);
	// JSON text: "token":"abc"
	out = out.replace(new RegExp(`("(?:${keys})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi'), `$1"${REDACTED}"`);
	// Authorization headers: Bearer abc
	out = out.replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, `$1 ${REDACTED}`);
	return out;
}

/** A deep copy of `value` with secrets removed; cycles and depth are bounded. */
export function scrubSecrets<T>(value: T, options: ScrubOptions = {}, depth = 0, seen = new WeakSet<object>()): T {
	const keys = new Set(options.valuesOnly ? [] : [...SECRET_KEYS, ...(options.keys ?? [])].map((k) => k.toLowerCase()));
	if (typeof value === 'string') return scrubString(value, options) as unknown as T;
	if (value === null || typeof value !== 'object') return value;
	if (depth > 12 || seen.has(value as object)) return REDACTED as unknown as T;
	seen.add(value as object);
	if (value instanceof URLSearchParams) {
		const copy = new URLSearchParams();
		for (const [k, v] of value.entries()) copy.append(k, keys.has(k.toLowerCase()) ? REDACTED : scrubString(v, options));
		return copy as unknown as T;
	}
	if (Array.isArray(value)) return value.map((entry) => scrubSecrets(entry, options, depth + 1, seen)) as unknown as T;
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
		out[k] = keys.has(k.toLowerCase()) && v !== undefined && v !== null && v !== '' ? REDACTED : scrubSecrets(v, options, depth + 1, seen);
	}
	return out as T;
}

/**
 * Removes secrets from an Error in place (message, description, stack, cause and the other fields
 * n8n shows or stores) and returns it.
 */
export function scrubError<E>(error: E, options: ScrubOptions = {}): E {
	if (!error || typeof error !== 'object') return error;
	const target = error as Record<string, unknown>;
	for (const field of ['message', 'description', 'stack']) {
		if (typeof target[field] === 'string') target[field] = scrubString(target[field] as string, options);
	}
	for (const field of ['cause', 'context', 'errorResponse', 'response', 'config', 'request', 'options']) {
		if (target[field] !== undefined && typeof target[field] === 'object') {
			try {
				target[field] = scrubSecrets(target[field], options);
			} catch {
				delete target[field];
			}
		}
	}
	return error;
}

/**
 * Whether any text in `value` holds one of the secret values (raw or URL-encoded). Cheap enough to
 * run on every answer a service gives, so the deep copy of scrubSecrets is only made when needed.
 */
export function containsSecret(value: unknown, values: Array<string | undefined>): boolean {
	const forms = secretForms(values);
	if (forms.length === 0 || value === undefined || value === null) return false;
	let text: string;
	try {
		text = typeof value === 'string' ? value : JSON.stringify(value);
	} catch {
		return true; // cannot be checked (a cycle): treat it as holding one
	}
	return typeof text === 'string' && forms.some((form) => text.includes(form));
}

/** Shorter secrets are not cut out of data: "1234" would also go from every phone number. */
const MIN_DATA_SECRET = 8;

/**
 * What a transport hands back from a service's answer: the answer itself when it holds no secret
 * value, otherwise a copy with those values cut out (only the values, of at least 8 characters:
 * the answer's own fields named `token` or `key` stay as they are).
 */
export function withoutSecretValues<T>(value: T, values: Array<string | undefined>): T {
	const secrets = values.filter((v): v is string => typeof v === 'string' && v.length >= MIN_DATA_SECRET);
	return containsSecret(value, secrets) ? scrubSecrets(value, { values: secrets, valuesOnly: true }) : value;
}
