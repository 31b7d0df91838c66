import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import {
	answerWithoutExecution,
	manualWebhookMethods,
	readWebhookRawBody,
	secretPresent,
	secretsMatch,
	withoutSecretValues,
} from '../shared';

export const DEFAULT_SECRET_HEADER = 'x-planhat-secret';

function rawText(body: unknown, rawBody: unknown): string | undefined {
	if (Buffer.isBuffer(rawBody)) return rawBody.toString('utf8');
	if (typeof rawBody === 'string') return rawBody;
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	return undefined;
}

const isRecord = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);

/**
 * The records of a Planhat webhook body: a non-empty JSON object, or a non-empty array of
 * non-empty JSON objects. Anything else is malformed: the answer is the message for the 400.
 */
export function readRecords(body: unknown, rawBody: unknown, contentType: unknown): IDataObject[] | string {
	const type = String(Array.isArray(contentType) ? contentType[0] : contentType ?? '').toLowerCase();
	if (type.startsWith('multipart/')) {
		return 'The request body must be JSON (Content-Type: application/json), not multipart/form-data';
	}
	let payload: unknown;
	const text = rawText(body, rawBody);
	if (text !== undefined) {
		if (text.trim() === '') return 'The request body is empty; send a JSON object';
		try {
			payload = JSON.parse(text);
		} catch {
			return 'The request body is not valid JSON; send a JSON object';
		}
	} else if (body === undefined || body === null) {
		return 'The request body is empty; send a JSON object';
	} else {
		payload = body;
	}
	const records = Array.isArray(payload) ? payload : [payload];
	if (records.length === 0) return 'The request body is an empty array; send a JSON object';
	if (!records.every(isRecord)) {
		return Array.isArray(payload)
			? 'Every entry of the request body must be a JSON object'
			: 'The request body must be a JSON object (or an array of JSON objects)';
	}
	if (records.some((record) => Object.keys(record).length === 0)) {
		return Array.isArray(payload) ? 'The request body holds an empty object; every entry needs its fields' : 'The request body is an empty JSON object; send the event and its data';
	}
	return records as IDataObject[];
}

export class PlanhatTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Planhat Trigger',
		name: 'planhatTrigger',
		icon: { light: 'file:planhat.svg', dark: 'file:planhat.dark.svg' },
		group: ['trigger'],
		// 1.1: n8n skips its per-request body expression (see readWebhookRawBody); same behaviour.
		version: [1, 1.1],
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
		const refused = () => answerWithoutExecution(this, 401, { error: `Missing or wrong secret in the ${headerName} header` });
		if (!secretPresent(received)) return refused();
		const credentials = await this.getCredentials('planhatApi');
		if (!secretsMatch(received, credentials.webhookSecret)) return refused();

		// Only a well-formed body starts an execution; anything else is answered 400 here.
		const unreadable = await readWebhookRawBody(this);
		if (unreadable) return unreadable;
		const read = readRecords(req.body, (req as unknown as { rawBody?: unknown }).rawBody, this.getHeaderData()['content-type']);
		if (typeof read === 'string') return answerWithoutExecution(this, 400, { error: read });
		// A secret that the Automation step put into the body goes no further.
		const secrets = [credentials.webhookSecret, credentials.apiToken].map((value) => (typeof value === 'string' ? value : undefined));
		const records = withoutSecretValues(read, secrets);

		const events = String(this.getNodeParameter('events', '') ?? '')
			.split(',')
			.map((e) => e.trim())
			.filter(Boolean);
		const eventField = String(this.getNodeParameter('eventField', 'event') || 'event');
		const wanted = records.filter(
			(record) => events.length === 0 || events.includes(String(record[eventField] ?? '')),
		);
		if (wanted.length === 0) {
			return answerWithoutExecution(this, 200, { received: true, ignored: true });
		}
		this.getResponseObject().status(200).json({ received: true });
		return { workflowData: [this.helpers.returnJsonArray(wanted)], noWebhookResponse: true };
	}
}
