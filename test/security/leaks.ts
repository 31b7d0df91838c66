/**
 * Looking for the credentials' secrets in everything a run leaves: node output, the error objects
 * n8n keeps (message, description, cause, context, stack, non-enumerable fields included) and what
 * n8n logged meanwhile.
 */
import type { Logger } from 'n8n-workflow';
import { LoggerProxy } from 'n8n-workflow';
import { SECRETS } from './fixtures';

/** Each secret as it could stand in a text: raw, URL-encoded, JSON-escaped. */
const FORMS = Object.entries(SECRETS).flatMap(([name, value]) =>
	[...new Set([value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)])].map((form) => ({ name, form })),
);

/** Every string reachable from `value`, own non-enumerable properties (of errors) included. */
export function allText(value: unknown, out: string[] = [], seen = new WeakSet<object>()): string[] {
	if (typeof value === 'string') {
		out.push(value);
		return out;
	}
	if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return out;
	if (!value || typeof value !== 'object') return out;
	if (seen.has(value)) return out;
	seen.add(value);
	if (value instanceof URLSearchParams) {
		out.push(value.toString());
		return out;
	}
	if (Buffer.isBuffer(value)) {
		out.push(value.toString('utf8'));
		return out;
	}
	for (const key of Object.getOwnPropertyNames(value)) {
		let child: unknown;
		try {
			child = (value as Record<string, unknown>)[key];
		} catch {
			continue;
		}
		allText(child, out, seen);
	}
	return out;
}

/** The names of the secrets found anywhere in `values` (empty when nothing leaked). */
export function leakedSecrets(...values: unknown[]): string[] {
	const text = values.flatMap((value) => allText(value)).join('\n');
	return [...new Set(FORMS.filter(({ form }) => text.includes(form)).map(({ name }) => name))];
}

/** Records every log line n8n writes (through LoggerProxy) until `stop()` is called. */
export function captureLogs(): { lines: unknown[]; stop: () => void } {
	const lines: unknown[] = [];
	const record =
		(level: string) =>
		(message: string, meta?: object): void => {
			lines.push({ level, message, meta });
		};
	const logger: Logger = { error: record('error'), warn: record('warn'), info: record('info'), debug: record('debug') };
	LoggerProxy.init(logger);
	const silent: Logger = { error() {}, warn() {}, info() {}, debug() {} };
	return { lines, stop: () => LoggerProxy.init(silent) };
}
