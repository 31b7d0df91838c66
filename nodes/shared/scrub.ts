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

/** The patterns for fields named like secrets, by the list of names (names are not secrets). */
const keyPatterns = new Map<string, { form: RegExp; json: RegExp }>();

function patternsFor(extraKeys: string[] | undefined): { form: RegExp; json: RegExp } {
	const names = [...SECRET_KEYS, ...(extraKeys ?? [])];
	const cacheKey = names.join('\u0000');
	let patterns = keyPatterns.get(cacheKey);
	if (!patterns) {
		const keys = names.map(escapeRegExp).join('|');
		patterns = {
			// form bodies and query strings: planfix_token=abc&...
			form: new RegExp(`(^|[?&\\s])(${keys})=([^&\\s"]*)`, 'gi'),
			// JSON text: "token":"abc"
			json: new RegExp(`("(?:${keys})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi'),
		};
		if (keyPatterns.size < 32) keyPatterns.set(cacheKey, patterns);
	}
	return patterns;
}

/**
 * One scrubbing job prepared once (the secret values' text forms, the patterns, the field names)
 * and applied to every string and field of a value: a deep copy of an answer with many strings
 * does not work these out again for each string.
 */
interface Scrubber {
	forms: string[];
	valuesOnly: boolean;
	patterns: { form: RegExp; json: RegExp } | undefined;
	keys: Set<string>;
}

function scrubber(options: ScrubOptions): Scrubber {
	const valuesOnly = options.valuesOnly === true;
	return {
		forms: secretForms(options.values),
		valuesOnly,
		patterns: valuesOnly ? undefined : patternsFor(options.keys),
		keys: new Set(valuesOnly ? [] : [...SECRET_KEYS, ...(options.keys ?? [])].map((k) => k.toLowerCase())),
	};
}

function scrubText(text: string, job: Scrubber): string {
	let out = text;
	for (const form of job.forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
	if (!job.patterns) return out;
	out = out.replace(job.patterns.form, `$1$2=${REDACTED}`);
	out = out.replace(job.patterns.json, `$1"${REDACTED}"`);
	// Authorization headers: Bearer abc
	out = out.replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, `$1 ${REDACTED}`);
	return out;
}

export function scrubString(text: string, options: ScrubOptions = {}): string {
	return scrubText(text, scrubber(options));
}

function scrubDeep(value: unknown, job: Scrubber, depth: number, seen: WeakSet<object>): unknown {
	if (typeof value === 'string') return scrubText(value, job);
	if (value === null || typeof value !== 'object') return value;
	if (depth > 12 || seen.has(value)) return REDACTED;
	seen.add(value);
	if (value instanceof URLSearchParams) {
		const copy = new URLSearchParams();
		for (const [k, v] of value.entries()) copy.append(k, job.keys.has(k.toLowerCase()) ? REDACTED : scrubText(v, job));
		return copy;
	}
	if (Array.isArray(value)) return value.map((entry) => scrubDeep(entry, job, depth + 1, seen));
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
		out[k] = job.keys.has(k.toLowerCase()) && v !== undefined && v !== null && v !== '' ? REDACTED : scrubDeep(v, job, depth + 1, seen);
	}
	return out;
}

/** A deep copy of `value` with secrets removed; cycles and depth are bounded. */
export function scrubSecrets<T>(value: T, options: ScrubOptions = {}, depth = 0, seen = new WeakSet<object>()): T {
	return scrubDeep(value, scrubber(options), depth, seen) as T;
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
	const forms = secretForms(secrets);
	if (forms.length === 0 || !someStringHolds(value, forms, forms[forms.length - 1].length, [])) return value;
	return scrubSecrets(value, { values: secrets, valuesOnly: true });
}

/**
 * Whether any string inside `value` holds one of `forms` (a cycle counts as holding one, as it
 * cannot be checked). The strings are what scrubbing with `valuesOnly` changes, so an answer this
 * finds nothing in comes back from it unchanged; looking at them one by one spares the JSON text
 * of a whole page of records that `containsSecret` would build.
 */
function someStringHolds(value: unknown, forms: string[], shortest: number, ancestors: object[]): boolean {
	if (typeof value === 'string') {
		if (value.length < shortest) return false;
		for (const form of forms) if (value.includes(form)) return true;
		return false;
	}
	if (value === null || typeof value !== 'object') return false;
	if (ancestors.includes(value)) return true;
	ancestors.push(value);
	try {
		if (Array.isArray(value)) {
			for (const entry of value) if (someStringHolds(entry, forms, shortest, ancestors)) return true;
			return false;
		}
		for (const key in value) {
			if (Object.prototype.hasOwnProperty.call(value, key) && someStringHolds((value as Record<string, unknown>)[key], forms, shortest, ancestors)) return true;
		}
		return false;
	} finally {
		ancestors.pop();
	}
}
