import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { answerWithoutExecution, manualWebhookMethods, secretPresent, secretsMatch } from '../shared';

export const DEFAULT_SECRET_HEADER = 'x-planhat-secret';

function rawText(body: unknown, rawBody: unknown): string | undefined {
	if (Buffer.isBuffer(rawBody)) return rawBody.toString('utf8');
	if (typeof rawBody === 'string') return rawBody;
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	return undefined;
}

export class PlanhatTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Planhat Trigger',
		name: 'planhatTrigger',
		icon: { light: 'file:planhat.svg', dark: 'file:planhat.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"] ? "Events: " + $parameter["events"] : "All events"}}',
		description: 'Starts the workflow when a Planhat Automation sends a webhook',
		defaults: { name: 'Planhat Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'planhatApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName:
					'Planhat has no webhook subscriptions: add a webhook step to a Planhat Automation. In the step set the URL to this node\'s Production URL, the method to POST, a header named as in "Header Name" below whose value is the Webhook Secret of the Planhat API credential, and a JSON body such as {"event": "conversation.created", "data": &lt;the triggering object&gt;}. Requests without the right secret are answered 401 and start nothing; without a Webhook Secret in the credential every request is refused.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Header Name',
				name: 'headerName',
				type: 'string',
				default: DEFAULT_SECRET_HEADER,
				required: true,
				description: 'The header of the Automation step that carries the Webhook Secret of the credential',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'string',
				default: '',
				placeholder: 'e.g. conversation.created, conversation.updated',
				description:
					'Only start the workflow for these event names, separated by commas. Empty starts it for every request.',
			},
			{
				displayName: 'Event Field',
				name: 'eventField',
				type: 'string',
				default: 'event',
				description: 'The property of the JSON body that holds the event name (e.g. event or type)',
			},
		],
	};

	// No registration API: the URL is pasted into the service by hand (see the notice).
	webhookMethods = manualWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject();
		const headerName = String(this.getNodeParameter('headerName', DEFAULT_SECRET_HEADER) || DEFAULT_SECRET_HEADER)
			.trim()
			.toLowerCase();
		const header = this.getHeaderData()[headerName];
		const received = Array.isArray(header) ? header[0] : header;
		// Without a secret in the header nothing can match: refused before the credential is decrypted.
		if (!secretPresent(received) || !secretsMatch(received, (await this.getCredentials('planhatApi')).webhookSecret)) {
			return answerWithoutExecution(this, 401, { error: `Missing or wrong secret in the ${headerName} header` });
		}

		let payload: unknown;
		const text = rawText(req.body, (req as unknown as { rawBody?: unknown }).rawBody);
		if (text !== undefined) {
			if (text.trim() === '') {
				return answerWithoutExecution(this, 400, { error: 'The request body is empty; send a JSON object' });
			}
			try {
				payload = JSON.parse(text);
			} catch {
				return answerWithoutExecution(this, 400, { error: 'The request body is not valid JSON; send a JSON object' });
			}
		} else {
			payload = req.body;
		}
		const isObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
		const records = Array.isArray(payload) ? payload : [payload];
		if (records.length === 0 || !records.every(isObject) || (!Array.isArray(payload) && Object.keys(payload as object).length === 0)) {
			return answerWithoutExecution(this, 400, { error: 'The request body must be a non-empty JSON object' });
		}

		const events = String(this.getNodeParameter('events', '') ?? '')
			.split(',')
			.map((e) => e.trim())
			.filter(Boolean);
		const eventField = String(this.getNodeParameter('eventField', 'event') || 'event');
		const wanted = (records as IDataObject[]).filter(
			(record) => events.length === 0 || events.includes(String(record[eventField] ?? '')),
		);
		if (wanted.length === 0) {
			return answerWithoutExecution(this, 200, { received: true, ignored: true });
		}
		this.getResponseObject().status(200).json({ received: true });
		return { workflowData: [this.helpers.returnJsonArray(wanted)], noWebhookResponse: true };
	}
}
