import type {
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { credentialLoader, scrubSecrets, scrubString, toFormBody } from '../../shared';
import type { FormPair } from '../../shared';

export const CREDENTIAL_TYPE = 'haveFunnelsApi';

/** Arguments of one API function. Arrays and objects travel as JSON strings inside form fields. */
export type ApiArgs = Record<string, unknown>;

export interface ApiRequestOptions {
	/**
	 * Whether the call may be repeated after an ambiguous failure (HTTP 5xx, dropped connection),
	 * where HaveFunnels may already have done the work. Defaults to true except for the functions
	 * that create something (see CREATING_FUNCTIONS). A 429 or a 503 is always retried: the server
	 * refused the call before doing anything.
	 */
	idempotent?: boolean;
	itemIndex?: number;
}

/** Functions that create a user, message, conversation, note or notification. */
export const CREATING_FUNCTIONS = new Set([
	'add-user',
	'send-message',
	'new-conversation',
	'add-note',
	'direct-message',
	'send-email',
	'send-custom-email',
	'send-sms',
	'push-notification',
]);

export const MAX_RETRIES = 3;
const MAX_WAIT_MS = 30_000;
const TIMEOUT_MS = 60_000;

const TOKEN_HINT = 'Check the API token (Account > Installation > API token) and the Installation URL of the credential.';

/** Helpful messages for the error codes HaveFunnels documents. */
export const KNOWN_ERRORS: Record<string, string> = {
	'duplicate-email': 'A user with this email address already exists in HaveFunnels',
	'duplicate-phone': 'A user with this phone number already exists in HaveFunnels',
	'invalid-user-type': 'The user type is not valid: use visitor, lead, user, agent, admin or bot',
	'user-not-found': 'The user was not found in HaveFunnels: check the user ID',
	'conversation-not-found': 'The conversation was not found in HaveFunnels: check the conversation ID',
	'invalid-status-code': 'The conversation status is not valid: use 0 (live) to 4 (trash)',
	'missing-user-id-or-message': 'A recipient ID and a message are both required',
	'security-error': 'HaveFunnels refused the call for security reasons',
	'user-email-not-found': 'The recipient has no email address in HaveFunnels',
	'user-or-sender-not-found': 'The recipient or the sender was not found in HaveFunnels',
	'slack-not-active': 'Slack is not active in the HaveFunnels settings',
	'dialogflow-not-active': 'Dialogflow is not active in the HaveFunnels settings',
	'token-not-found': `The API token is missing. ${TOKEN_HINT}`,
	'missing-token': `The API token is missing. ${TOKEN_HINT}`,
	'invalid-token': `HaveFunnels refused the API token. ${TOKEN_HINT}`,
	'api-token-not-valid': `HaveFunnels refused the API token. ${TOKEN_HINT}`,
	'function-not-found': 'HaveFunnels does not know this function: check its name',
};

/** Encodes one argument: arrays and objects become JSON strings, empty values are left out. */
export function encodeArgument(value: unknown): string | number | boolean | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'object') return JSON.stringify(value);
	return value as string | number | boolean;
}

export function buildForm(fn: string, args: ApiArgs): URLSearchParams {
	const pairs: FormPair[] = [['function', fn]];
	for (const [key, value] of Object.entries(args)) pairs.push([key, encodeArgument(value)]);
	return toFormBody(pairs);
}

/** Parses the body text as JSON whatever its content type; undefined when it is not JSON. */
export function parseBody(text: unknown): unknown {
	if (typeof text !== 'string') return text;
	const trimmed = text.replace(/^\uFEFF/, '').trim();
	if (trimmed === '') return undefined;
	try {
		return JSON.parse(trimmed);
	} catch {
		return undefined;
	}
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function retryAfterMs(headers: IN8nHttpFullResponse['headers'] | undefined): number | undefined {
	const raw = headers?.['retry-after'];
	if (raw === undefined) return undefined;
	const text = String(Array.isArray(raw) ? raw[0] : raw);
	const seconds = Number(text);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function backoffMs(attempt: number): number {
	return Math.min(MAX_WAIT_MS, 500 * 2 ** attempt);
}

/** What calls need from the credential, loaded and decrypted once per node execution. */
const loadCredential = credentialLoader(CREDENTIAL_TYPE, (credentials) => ({
	url: `${String(credentials.url ?? '').replace(/\/+$/, '')}/include/api.php`,
	secrets: { values: [String(credentials.apiToken ?? ''), String(credentials.webhookSecret ?? '')] },
}));

const notRepeated = (fn: string) => ` — "${fn}" was not repeated, because HaveFunnels may have done it already`;

interface Failure {
	code: string;
	message: string;
	description?: string;
	httpCode?: number;
}

/**
 * Calls one HaveFunnels API function and returns its `response`. Raises a NodeApiError, scrubbed
 * of the token, for `success:false` and `{status:"error"}` answers at any HTTP status, for other
 * HTTP errors and for network failures. Retries 429 (honouring Retry-After) and, for calls that
 * cannot duplicate anything, 5xx and dropped connections, at most MAX_RETRIES times.
 */
export async function haveFunnelsApiRequest(
	this: IExecuteFunctions | ILoadOptionsFunctions,
	fn: string,
	args: ApiArgs = {},
	options: ApiRequestOptions = {},
): Promise<unknown> {
	const {
		info: { url, secrets },
		auth,
	} = await loadCredential(this, options.itemIndex ?? 0);
	const idempotent = options.idempotent ?? !CREATING_FUNCTIONS.has(fn);
	const request: IHttpRequestOptions = {
		method: 'POST',
		url,
		body: buildForm(fn, args),
		headers: { Accept: 'application/json, text/html;q=0.9, */*;q=0.8' },
		encoding: 'text',
		json: false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: TIMEOUT_MS,
	};

	const fail = (failure: Failure): NodeApiError =>
		new NodeApiError(
			this.getNode(),
			{ function: fn, code: scrubString(failure.code, secrets) } as JsonObject,
			{
				message: scrubString(failure.message, secrets),
				description: failure.description ? scrubString(failure.description, secrets) : undefined,
				httpCode: failure.httpCode ? String(failure.httpCode) : undefined,
				itemIndex: options.itemIndex,
			},
		);

	for (let attempt = 0; ; attempt++) {
		let response: IN8nHttpFullResponse;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				CREDENTIAL_TYPE,
				request,
				auth,
			)) as IN8nHttpFullResponse;
		} catch (error) {
			const cause = (error as JsonObject).cause as JsonObject | undefined;
			const code = String(cause?.code ?? (error as JsonObject).code ?? 'request-failed');
			if (idempotent && attempt < MAX_RETRIES) {
				await sleep(backoffMs(attempt));
				continue;
			}
			throw fail({
				code,
				message: `The request to HaveFunnels failed (${code})`,
				description: `${String((error as Error).message ?? '')}${idempotent ? '' : notRepeated(fn)}`,
			});
		}

		const status = response.statusCode;
		const retryable = status === 429 || status === 503 || (status >= 500 && idempotent);
		if (retryable && attempt < MAX_RETRIES) {
			await sleep(Math.min(MAX_WAIT_MS, retryAfterMs(response.headers) ?? backoffMs(attempt)));
			continue;
		}

		const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? '');
		const body = parseBody(text);
		const failure = judge(fn, status, text, body);
		if (failure && status >= 500 && !idempotent) failure.description = `${failure.description ?? ''}${notRepeated(fn)}`;
		if (failure) throw fail(failure);
		const result =
			isObject(body) && 'success' in body ? body.response : body !== undefined ? body : text.trim() || null;
		return scrubSecrets(result, { ...secrets, keys: ['password'] });
	}
}

/** Decides from the status and the body whether a call failed; undefined when it succeeded. */
export function judge(fn: string, status: number, text: string, body: unknown): Failure | undefined {
	if (isObject(body) && body.status === 'error') {
		const code = typeof body.response === 'string' ? body.response : 'error';
		const detail = typeof body.message === 'string' ? body.message : undefined;
		return {
			code,
			message: KNOWN_ERRORS[code] ?? (status === 401 ? `HaveFunnels refused the API token. ${TOKEN_HINT}` : `HaveFunnels answered "${fn}" with the error "${code}"`),
			description: detail,
			httpCode: status,
		};
	}
	if (isObject(body) && body.success === false) {
		const code = typeof body.response === 'string' ? body.response : JSON.stringify(body.response ?? 'error');
		const known = KNOWN_ERRORS[code];
		return {
			code,
			message: known ?? `HaveFunnels could not do "${fn}": ${code}`,
			description: known ? `HaveFunnels answered "${code}"` : undefined,
			httpCode: status,
		};
	}
	if (status === 429) {
		return { code: 'rate-limited', message: 'HaveFunnels is rate limiting the calls: try again later', httpCode: status };
	}
	if (status >= 400) {
		const hint =
			status === 404
				? 'Check the Installation URL of the credential: it must point to the folder that holds include/api.php.'
				: status === 401 || status === 403
					? TOKEN_HINT
					: undefined;
		return {
			code: `http-${status}`,
			message: `HaveFunnels answered "${fn}" with HTTP ${status}`,
			description: hint ?? text.slice(0, 300),
			httpCode: status,
		};
	}
	if (body === undefined && /^\s*<(!doctype|html|head|body)\b/i.test(text)) {
		return {
			code: 'not-json',
			message: 'HaveFunnels answered with a web page instead of JSON',
			description: 'Check the Installation URL of the credential: it must point to the folder that holds include/api.php.',
			httpCode: status,
		};
	}
	return undefined;
}
