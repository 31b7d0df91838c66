import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';
import { credentialLoader, scrubSecrets, scrubString, withoutSecretValues } from '../../shared';

type Context = IExecuteFunctions | ILoadOptionsFunctions;

export const CREDENTIAL_TYPE = 'planhatApi';

/** Attempts per call: the first one plus up to three retries. */
export const MAX_ATTEMPTS = 4;
/** Backoff without a Retry-After: 0.5 s, 1 s, 2 s. */
const BACKOFF_MS = 500;
/** A Retry-After longer than this is not waited for: the call fails and says when to retry. */
const MAX_RETRY_AFTER_MS = 60_000;
/** Planhat's page sizes: conversations and end users at most 2,000, companies at most 5,000. */
export const PAGE_SIZE = { conversations: 2000, endusers: 2000, companies: 5000 } as const;
export const BULK_LIMIT = 5000;
/**
 * How long one attempt may wait for Planhat's answer. A stalled Planhat fails the attempt instead of
 * holding the execution; only calls that cannot create anything twice are then tried again.
 */
export const TIMEOUT_MS = 30_000;
/** A Create or Update of up to 5,000 conversations may take Planhat longer. */
export const BULK_TIMEOUT_MS = 120_000;

export interface PlanhatRequest {
	method: IHttpRequestMethods;
	/** Path below the base URL, starting with `/`. Path segments must already be encoded. */
	path: string;
	body?: IDataObject | IDataObject[];
	qs?: IDataObject;
	itemIndex?: number;
	/**
	 * Whether a 5xx or a lost connection may be retried. Defaults to true except for POST, which
	 * creates something and could create it twice. A 429 is always retried: Planhat did nothing.
	 */
	retryServerErrors?: boolean;
	/** Statuses (besides 2xx) handed back to the caller instead of raised, e.g. 400 of a bulk upsert. */
	passStatuses?: number[];
	/** What the call was about, for error messages ("get conversation extid-42"). */
	what?: string;
	/** Bound on one attempt, in milliseconds (default TIMEOUT_MS). */
	timeoutMs?: number;
	/** What to check when Planhat answers 400 (default: the fields of a conversation). */
	badRequestHint?: string;
}

export interface PlanhatResponse<T = unknown> {
	statusCode: number;
	body: T;
	headers: IDataObject;
}

interface RawResponse {
	statusCode: number;
	body: unknown;
	headers?: IDataObject;
}

/** What requests need from the credential, loaded and decrypted once per node execution. */
const loadCredential = credentialLoader(CREDENTIAL_TYPE, (credentials) => {
	const baseUrl = String(credentials.baseUrl || 'https://api.planhat.com').replace(/\/+$/, '');
	const secrets = [credentials.apiToken, credentials.webhookSecret].filter(
		(value): value is string => typeof value === 'string' && value.length > 0,
	);
	return { baseUrl, secrets };
});

/** Retry-After in milliseconds (seconds or an HTTP date), or undefined. */
export function retryAfterMs(headers: IDataObject | undefined): number | undefined {
	if (!headers) return undefined;
	const raw = headers['retry-after'] ?? headers['Retry-After'];
	if (raw === undefined || raw === null || raw === '') return undefined;
	const text = String(Array.isArray(raw) ? raw[0] : raw).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const date = Date.parse(text);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - Date.now());
}

/** The service's own words from an error body: `{error}`, `{message}`, or a short text. */
export function serviceMessage(body: unknown): string | undefined {
	if (body === undefined || body === null || body === '') return undefined;
	if (typeof body === 'string') return body.length > 300 ? `${body.slice(0, 300)}…` : body;
	if (typeof body === 'object') {
		const record = body as IDataObject;
		for (const key of ['error', 'message', 'msg', 'reason']) {
			const value = record[key];
			if (typeof value === 'string' && value) return value;
			if (value && typeof value === 'object' && typeof (value as IDataObject).message === 'string') {
				return (value as IDataObject).message as string;
			}
		}
	}
	return undefined;
}

function describeStatus(statusCode: number, what: string, said: string | undefined, attempts: number, badRequestHint?: string) {
	const theySaid = said ? `: ${said}` : '';
	switch (true) {
		case statusCode === 400:
			return {
				message: `Planhat rejected the request to ${what} (400 Bad Request)${theySaid}`,
				description:
					badRequestHint ??
					'Check the fields sent: a conversation needs a company, the types email, chat, ticket and call are reserved, and IDs must exist.',
			};
		case statusCode === 401:
			return {
				message: `Planhat did not accept the API token (401 Unauthorized) when trying to ${what}`,
				description:
					'Check the API token of the Planhat API credential (Settings > Private Apps in Planhat) and that the Base URL is your tenant\'s API host.',
			};
		case statusCode === 403:
			return {
				message: `Planhat refused to ${what} (403 Forbidden)${theySaid}`,
				description: 'Give the Private App behind the API token the permission for this kind of record.',
			};
		case statusCode === 404:
			return {
				message: `Planhat found nothing to ${what} (404 Not Found)${theySaid}`,
				description:
					'Check the ID and its kind: a Planhat ID, an external ID (sent as extid-…) or a source ID (sent as srcid-…).',
			};
		case statusCode === 429:
			return {
				message: `Planhat's rate limit was still exceeded after ${attempts} attempts to ${what} (429 Too Many Requests)`,
				description:
					'Planhat allows about 200 calls a minute. Slow the workflow down (fewer items per run, a Wait node) or use Create or Update for many conversations.',
			};
		case statusCode >= 500:
			return {
				message: `Planhat had a server error (${statusCode}) when trying to ${what}${attempts > 1 ? `, ${attempts} attempts` : ''}${theySaid}`,
				description: 'This is on Planhat\'s side. Try again later; if it persists, contact Planhat support.',
			};
		default:
			return {
				message: `Planhat answered ${statusCode} when trying to ${what}${theySaid}`,
				description: 'Check the request parameters.',
			};
	}
}

/** Whether a failed attempt without an HTTP answer was a timeout (rather than a refused or dropped connection). */
function isTimeout(code: string | undefined, text: string): boolean {
	return code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /time(d)?[ -]?out/i.test(text);
}

/**
 * The one place that talks to Planhat. Sends through n8n's `httpRequestWithAuthentication` (the
 * credential adds the Bearer token), bounds each attempt by a timeout, retries 429 (honouring
 * Retry-After) and, where safe, 5xx, timeouts and lost connections, with a bounded backoff. Every
 * failure is raised once as a NodeApiError whose message says what happened and whose texts are
 * scrubbed of the credential's secrets; every answer handed back is scrubbed of them too, so no
 * caller can pass a secret that Planhat echoed on into output or an error.
 */
export async function planhatRequest<T = unknown>(this: Context, request: PlanhatRequest): Promise<PlanhatResponse<T>> {
	const {
		info: { baseUrl, secrets },
		auth,
	} = await loadCredential(this);
	const what = request.what ?? `${request.method} ${request.path}`;
	const retryServerErrors = request.retryServerErrors ?? request.method !== 'POST';
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${baseUrl}${request.path}`,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: request.timeoutMs ?? TIMEOUT_MS,
	};
	if (request.qs && Object.keys(request.qs).length) options.qs = request.qs;
	if (request.body !== undefined) options.body = request.body;

	const timeoutSeconds = Math.round((options.timeout ?? TIMEOUT_MS) / 1000);
	const fail = (
		statusCode: number | undefined,
		body: unknown,
		attempts: number,
		network?: { text: string; timedOut: boolean },
	) => {
		const scrub = (text: string) => scrubString(text, { values: secrets });
		let message: string;
		let description: string;
		const tries = attempts > 1 ? ` (${attempts} attempts)` : '';
		const notRepeated = retryServerErrors
			? ''
			: ' It was not sent again, because Planhat may have acted on it: check Planhat before you run it again.';
		if (network?.timedOut) {
			message = `Planhat did not answer within ${timeoutSeconds} seconds when trying to ${what}${tries}`;
			description = `${network.text}.${notRepeated} If Planhat is slow right now, try again later.`;
		} else if (statusCode === undefined) {
			// The network error text goes into the description: n8n replaces a message that contains
			// a code such as ECONNREFUSED with a generic text that would hide the address.
			message = `Could not reach Planhat at ${baseUrl} to ${what}${tries}`;
			description = `${network?.text ?? 'No answer'}.${notRepeated} Check the Base URL of the Planhat API credential and the network between n8n and Planhat.`;
		} else {
			({ message, description } = describeStatus(statusCode, what, serviceMessage(body), attempts, request.badRequestHint));
			if (statusCode >= 500) description += notRepeated;
		}
		const response: JsonObject = {
			message: scrub(message),
			...(statusCode !== undefined ? { httpCode: String(statusCode) } : {}),
		};
		return new NodeApiError(this.getNode(), response, {
			message: scrub(message),
			description: scrub(description),
			...(statusCode !== undefined ? { httpCode: String(statusCode) } : {}),
			...(request.itemIndex !== undefined ? { itemIndex: request.itemIndex } : {}),
		});
	};

	for (let attempt = 1; ; attempt++) {
		let response: RawResponse;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				CREDENTIAL_TYPE,
				options,
				auth,
			)) as RawResponse;
		} catch (error) {
			// No HTTP answer at all (connection refused or dropped, timeout): Planhat may or may not
			// have acted, so only calls that cannot duplicate anything are retried.
			const cause = (error as { cause?: { code?: string; message?: string } }).cause;
			const code = (error as { code?: string }).code ?? cause?.code;
			const text = [code, cause?.message ?? (error as Error).message].filter(Boolean).join(' ');
			if (retryServerErrors && attempt < MAX_ATTEMPTS) {
				await sleep(BACKOFF_MS * 2 ** (attempt - 1));
				continue;
			}
			throw fail(undefined, undefined, attempt, { text, timedOut: isTimeout(code, text) });
		}
		const { statusCode } = response;
		if (statusCode >= 200 && statusCode < 300) {
			// Data as Planhat stored it: only the secret values themselves are cut out.
			return { statusCode, body: withoutSecretValues(response.body, secrets) as T, headers: response.headers ?? {} };
		}
		if (request.passStatuses?.includes(statusCode)) {
			// An error answer the caller words itself (e.g. a whole bulk request rejected): it may echo
			// the request, headers included, so everything that looks like a secret goes.
			return { statusCode, body: scrubSecrets(response.body, { values: secrets }) as T, headers: response.headers ?? {} };
		}
		// 429 and 503: Planhat refused the call before doing anything, so even a create may be repeated.
		const retryable = statusCode === 429 || statusCode === 503 || (statusCode >= 500 && retryServerErrors);
		if (retryable && attempt < MAX_ATTEMPTS) {
			const wait = retryAfterMs(response.headers);
			if (wait !== undefined && wait > MAX_RETRY_AFTER_MS) throw fail(statusCode, response.body, attempt);
			await sleep(wait ?? BACKOFF_MS * 2 ** (attempt - 1));
			continue;
		}
		throw fail(statusCode, response.body, attempt);
	}
}

/** GETs pages of `limit` (at most the endpoint's page size) until a short page or `max` rows. */
export async function planhatGetAll(
	this: Context,
	path: string,
	qs: IDataObject,
	pageSize: number,
	max: number | undefined,
	itemIndex: number,
	what: string,
): Promise<IDataObject[]> {
	const rows: IDataObject[] = [];
	let offset = 0;
	for (;;) {
		const wanted = max === undefined ? pageSize : Math.min(pageSize, max - rows.length);
		if (wanted <= 0) break;
		const { body } = await planhatRequest.call(this, {
			method: 'GET',
			path,
			qs: { ...qs, limit: wanted, offset },
			itemIndex,
			what,
		});
		const page = Array.isArray(body) ? (body as IDataObject[]) : [];
		rows.push(...page);
		offset += page.length;
		if (page.length < wanted) break;
	}
	return rows;
}

/** Encodes one path segment (an ID, `extid-…`, `srcid-…`). */
export function segment(value: string): string {
	return encodeURIComponent(value);
}
