import type { IDataObject, IHookFunctions, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

/**
 * Answers a webhook call itself and starts no execution: what a trigger does for a wrong or
 * missing secret (401), a malformed body (400) or an event the user did not select (200).
 */
export function answerWithoutExecution(
	ctx: IWebhookFunctions,
	status: number,
	body: IDataObject,
): IWebhookResponseData {
	ctx.getResponseObject().status(status).json(body);
	return { noWebhookResponse: true };
}

/**
 * Webhook lifecycle for services without a registration API (Planfix, Planhat, HaveFunnels): the
 * user pastes the URL into the service by hand. n8n's activation still runs these, so they keep
 * the URL n8n serves in the node's static data and report it as registered once recorded.
 */
export const manualWebhookMethods = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			return this.getWorkflowStaticData('node').webhookUrl === this.getNodeWebhookUrl('default');
		},
		async create(this: IHookFunctions): Promise<boolean> {
			this.getWorkflowStaticData('node').webhookUrl = this.getNodeWebhookUrl('default');
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			delete this.getWorkflowStaticData('node').webhookUrl;
			return true;
		},
	},
};

/** The parts of n8n's webhook request a trigger reads beyond express's own. */
interface WebhookRequest {
	headers?: Record<string, unknown>;
	rawBody?: unknown;
	readRawBody?: () => Promise<void>;
}

/**
 * Makes a webhook body readable whatever the node's type version. For version 1 n8n reads and
 * parses every body before the trigger runs, evaluating a per-request expression to do so. From
 * version 1.1 it skips that expression and reads only JSON, text, form and XML bodies; a body of
 * any other type (or none declared) is read here with n8n's own reader, so every version sees the
 * same raw body. Multipart bodies are parsed by n8n for every version.
 *
 * A body that cannot be read (larger than n8n's payload limit, or the client went away) is
 * answered here, 413 or 400, and starts nothing: the answer to return is given back. An error
 * thrown from the trigger instead would make n8n record a failed execution.
 */
export async function readWebhookRawBody(ctx: IWebhookFunctions): Promise<IWebhookResponseData | undefined> {
	const req = ctx.getRequestObject() as unknown as WebhookRequest;
	if (req.rawBody !== undefined || typeof req.readRawBody !== 'function') return undefined;
	const contentType = String(req.headers?.['content-type'] ?? '').toLowerCase();
	if (contentType.startsWith('multipart/')) return undefined;
	try {
		await req.readRawBody();
		return undefined;
	} catch (error) {
		const status = (error as { status?: unknown; statusCode?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode;
		return status === 413
			? answerWithoutExecution(ctx, 413, { error: 'The request body is larger than this n8n accepts (N8N_PAYLOAD_SIZE_MAX)' })
			: answerWithoutExecution(ctx, 400, { error: 'The request body could not be read' });
	}
}
