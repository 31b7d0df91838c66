import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

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
