/** A value a form field can carry; `undefined` and `null` fields are left out. */
export type FormValue = string | number | boolean | null | undefined;
export type FormPair = [string, FormValue];
export type FormFields = FormPair[] | Record<string, FormValue | FormValue[]>;

export interface Attachment {
	name: string;
	url: string;
}

function append(body: URLSearchParams, key: string, value: FormValue) {
	if (value === undefined || value === null) return;
	body.append(key, String(value));
}

/**
 * Builds an application/x-www-form-urlencoded body. Pairs keep their order and may repeat a key
 * (`attachments[name]`, `attachments[url]`, `attachments[name]`, ...); in an object an array value
 * becomes the same key repeated. n8n sends a URLSearchParams body as a form, repeated keys intact.
 */
export function toFormBody(fields: FormFields): URLSearchParams {
	const body = new URLSearchParams();
	const pairs: FormPair[] = Array.isArray(fields)
		? fields
		: Object.entries(fields).flatMap(([key, value]) =>
				Array.isArray(value) ? value.map((v): FormPair => [key, v]) : [[key, value] as FormPair],
			);
	for (const [key, value] of pairs) append(body, key, value);
	return body;
}

/** `attachments[name]` / `attachments[url]` pairs, one pair per file, in order. */
export function attachmentPairs(attachments: Attachment[], prefix = 'attachments'): FormPair[] {
	return attachments.flatMap((file): FormPair[] => [
		[`${prefix}[name]`, file.name],
		[`${prefix}[url]`, file.url],
	]);
}

/**
 * Returns a copy of a request body with one more field. Used by credentials whose secret travels
 * in a form body, where n8n's generic `authenticate` cannot reach (it sets object properties).
 */
export function withFormField(body: unknown, key: string, value: string): URLSearchParams | object | string {
	if (body instanceof URLSearchParams) {
		const copy = new URLSearchParams(body);
		copy.set(key, value);
		return copy;
	}
	if (typeof body === 'string') {
		const copy = new URLSearchParams(body);
		copy.set(key, value);
		return copy;
	}
	if (body && typeof body === 'object') return { ...(body as object), [key]: value };
	return toFormBody([[key, value]]);
}

/** Reads a form body back into ordered pairs (for logging and error messages). */
export function formPairs(body: URLSearchParams | string): Array<[string, string]> {
	return [...new URLSearchParams(body).entries()];
}
