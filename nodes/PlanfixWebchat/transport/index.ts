import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { credentialLoader, scrubString, toFormBody, withoutSecretValues } from '../../shared';
import type { FormPair } from '../../shared';

export const CREDENTIAL_TYPE = 'planfixWebchatApi';

export type PlanfixCommand = 'newMessage' | 'getTask' | 'getContact' | 'updateContact' | 'messageStatus';

/** Planfix's "not found" answers (HTTP 400), which an operation may turn into an empty result. */
export type PlanfixNotFound = 'task not found' | 'unknown contact';

export interface PlanfixResult {
	/** Parsed JSON body; undefined for Planfix's empty 200 answers. */
	body?: IDataObject;
	/** Set instead of throwing when the call allowed a "not found" answer and got one. */
	notFound?: PlanfixNotFound;
}

export interface PlanfixRequestOptions {
	itemIndex: number;
	/** Return `{ notFound }` instead of failing on this 400 answer. */
	allowNotFound?: PlanfixNotFound;
}

/** Retry policy: bounded, exponential, honours Retry-After. */
export const RETRY = {
	maxRetries: 3,
	baseDelayMs: 500,
	maxDelayMs: 30_000,
};

const TOKEN_MESSAGE = 'Planfix rejected the token — check the Planfix token in the credential';

const NOT_FOUND_TEXT: Record<PlanfixNotFound, string> = {
	'task not found': 'Planfix has no task for this chat',
	'unknown contact': 'Planfix does not know this contact',
};

/**
 * Whether a failed call may be sent again. Reads and status/contact updates are idempotent.
 * newMessage creates a message, so it is retried only on 429 and 503: a rate-limited or
 * unavailable server refused the call before handling it and cannot have created anything. Any
 * other 5xx, a timeout or a dropped connection may arrive after Planfix stored the message, so
 * newMessage is not repeated then.
 */
function mayRetry(cmd: PlanfixCommand, status: number | undefined): boolean {
	if (status === 429 || status === 503) return true;
	if (cmd === 'newMessage') return false;
	return status === undefined || status >= 500;
}

/**
 * For a failed newMessage, whether the message may still have reached Planfix: `notDelivered`
 * after a refusal, `unknown` when the answer was lost or was a server error. With Continue On Fail
 * the item carries it as `delivery`, so a workflow can tell "send again" from "check first".
 */
function withDelivery(cmd: PlanfixCommand, delivery: 'notDelivered' | 'unknown', error: NodeApiError): NodeApiError {
	if (cmd === 'newMessage') error.context.delivery = delivery;
	return error;
}

/** Connection errors that happen before any byte reached Planfix: safe to retry even newMessage. */
const NEVER_SENT = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'];

/** Wait before retry number `attempt` (0-based): Retry-After (seconds or HTTP date) or backoff. */
export function retryDelayMs(attempt: number, retryAfter: unknown): number {
	const header = Array.isArray(retryAfter) ? retryAfter[0] : retryAfter;
	if (typeof header === 'string' || typeof header === 'number') {
		const seconds = Number(header);
		if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, RETRY.maxDelayMs);
		const date = Date.parse(String(header));
		if (!Number.isNaN(date)) return Math.min(Math.max(date - Date.now(), 0), RETRY.maxDelayMs);
	}
	return Math.min(RETRY.baseDelayMs * 2 ** attempt, RETRY.maxDelayMs);
}

/** Planfix's `data` may be an object or a JSON-encoded string (observed); returns an object. */
export function parsePlanfixData(data: unknown): IDataObject | undefined {
	if (data === undefined || data === null) return undefined;
	if (typeof data === 'string') {
		try {
			const parsed = JSON.parse(data) as unknown;
			return typeof parsed === 'object' && parsed !== null ? (parsed as IDataObject) : { number: parsed as number };
		} catch {
			return undefined;
		}
	}
	if (typeof data === 'object') return data as IDataObject;
	return { number: data as number };
}

function parseBody(raw: unknown): IDataObject | undefined {
	if (raw === undefined || raw === null || raw === '') return undefined;
	if (Buffer.isBuffer(raw)) return parseBody(raw.toString('utf8'));
	if (typeof raw === 'string') {
		const text = raw.trim();
		if (!text) return undefined;
		try {
			const parsed = JSON.parse(text) as unknown;
			return typeof parsed === 'object' && parsed !== null ? (parsed as IDataObject) : { value: parsed as string };
		} catch {
			return { text };
		}
	}
	if (typeof raw === 'object') return raw as IDataObject;
	return { value: String(raw) };
}

interface FullResponse {
	statusCode: number;
	headers?: Record<string, unknown>;
	body?: unknown;
}

/** What calls need from the credential, loaded and decrypted once per node execution. */
const loadCredential = credentialLoader(CREDENTIAL_TYPE, (credentials) => ({
	secrets: [credentials.planfixToken, credentials.integrationToken].map((v) => (typeof v === 'string' ? v : undefined)),
	apiUrl: String(credentials.apiUrl ?? '').trim(),
	providerId: String(credentials.providerId ?? '').trim(),
}));

/**
 * The only place that talks HTTP to Planfix. Sends one command as a form body (the credential adds
 * planfix_token), retries 429/5xx within bounds, and turns failures into NodeApiErrors whose
 * message, description and attached response never contain a token.
 */
export async function planfixRequest(
	this: IExecuteFunctions,
	cmd: PlanfixCommand,
	fields: FormPair[],
	{ itemIndex, allowNotFound }: PlanfixRequestOptions,
): Promise<PlanfixResult> {
	const {
		info: { secrets, apiUrl, providerId },
		auth,
	} = await loadCredential(this, itemIndex);
	const scrub = (text: string) => scrubString(text, { values: secrets });
	if (!/^https?:\/\//i.test(apiUrl)) {
		throw new NodeOperationError(this.getNode(), 'The Planfix Chat API URL in the credential is not a web address', {
			itemIndex,
			description: 'Copy the whole URL from the Planfix chat integration window, e.g. https://your-account.planfix.com/webchat/api',
		});
	}
	if (!providerId || providerId.includes('~')) {
		throw new NodeOperationError(this.getNode(), 'The Provider ID in the credential is empty or contains "~"', {
			itemIndex,
			description: 'Planfix refuses provider IDs with "~". Pick a stable ID without it, the same as in Planfix.',
		});
	}

	const body = toFormBody([['cmd', cmd], ['providerId', providerId], ...fields]);
	const options: IHttpRequestOptions = {
		method: 'POST',
		url: apiUrl,
		body,
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		encoding: 'text',
		json: false,
		timeout: 30_000,
	};

	let lastStatus: number | undefined;
	for (let attempt = 0; ; attempt++) {
		let response: FullResponse;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				CREDENTIAL_TYPE,
				{ ...options, body: toFormBody([...body.entries()]) },
				auth,
			)) as FullResponse;
		} catch (error) {
			// No HTTP answer (connection refused or dropped, timeout, DNS).
			const failure = error as { message?: string; code?: string; cause?: { code?: string; cause?: { code?: string } } };
			const code = failure.code ?? failure.cause?.code ?? failure.cause?.cause?.code;
			const neverSent = typeof code === 'string' && NEVER_SENT.includes(code);
			if (attempt < RETRY.maxRetries && (neverSent || mayRetry(cmd, undefined))) {
				await sleep(retryDelayMs(attempt, undefined));
				continue;
			}
			const detail = `${typeof code === 'string' ? `${code}: ` : ''}${scrub(String(failure.message ?? 'no answer'))}`;
			// Neither the error response nor the message names the code: n8n would swap in its generic text.
			throw withDelivery(cmd, neverSent ? 'notDelivered' : 'unknown', new NodeApiError(this.getNode(), { message: detail } as JsonObject, {
				itemIndex,
				message: 'Could not reach Planfix',
				description:
					cmd === 'newMessage'
						? `${detail} The message was not resent automatically, because Planfix may already have received it.`
						: detail,
			}));
		}

		const status = Number(response.statusCode);
		lastStatus = status;
		// An answer that echoes the request would carry the tokens into the output: they are cut out.
		if (status >= 200 && status < 300) return { body: withoutSecretValues(parseBody(response.body), secrets) };

		if (attempt < RETRY.maxRetries && mayRetry(cmd, status)) {
			await sleep(retryDelayMs(attempt, response.headers?.['retry-after']));
			continue;
		}

		const answer = parseBody(response.body);
		const planfixError = typeof answer?.error === 'string' ? scrub(answer.error) : undefined;
		if (status === 400 && allowNotFound && planfixError === allowNotFound) {
			return { notFound: allowNotFound };
		}
		const errorResponse = { httpCode: String(status), ...(planfixError ? { error: planfixError } : {}) } as JsonObject;
		// 4xx answers, 429 and 503 are refusals: Planfix did not take the message. Any other 5xx may
		// come after it stored it.
		const refused = status < 500 || status === 503;
		const fail = (message: string, description: string) =>
			withDelivery(
				cmd,
				refused ? 'notDelivered' : 'unknown',
				new NodeApiError(this.getNode(), errorResponse, {
					itemIndex,
					message,
					description,
					httpCode: String(status),
				}),
			);

		if (status === 401) {
			throw fail(TOKEN_MESSAGE, 'Planfix answered 401 "Invalid token". Copy the Planfix token from the chat integration window into the credential.');
		}
		if (status === 400) {
			if (planfixError === 'task not found' || planfixError === 'unknown contact') {
				throw fail(
					NOT_FOUND_TEXT[planfixError],
					`Planfix answered "${planfixError}". Check the ID, or turn on "Return Empty Result If Not Found" to get found: false instead of an error.`,
				);
			}
			throw fail(
				`Planfix rejected the parameters of ${cmd}${planfixError ? ` (${planfixError})` : ''}`,
				'Check that every required field is filled in and that the Provider ID in the credential contains no "~".',
			);
		}
		if (status === 429) {
			throw fail(
				'Planfix is limiting the request rate (HTTP 429)',
				`Still limited after ${RETRY.maxRetries} retries. Send fewer requests per second (Planfix allows about one per second).`,
			);
		}
		if (status >= 500) {
			throw fail(
				`Planfix answered with a server error (HTTP ${status})`,
				cmd === 'newMessage'
					? 'The message was not resent automatically, because Planfix may already have stored it.'
					: `Still failing after ${RETRY.maxRetries} retries.`,
			);
		}
		throw fail(
			`Planfix answered with HTTP ${lastStatus}`,
			planfixError ?? 'Check the Planfix Chat API URL in the credential.',
		);
	}
}
