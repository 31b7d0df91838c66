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
