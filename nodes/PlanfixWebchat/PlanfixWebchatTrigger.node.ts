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
	secretPresent,
	secretsMatch,
	withoutSecretValues,
} from '../shared';
import { parsePlanfixMessage, present } from './trigger/message';

export class PlanfixWebchatTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Planfix Webchat Trigger',
		name: 'planfixWebchatTrigger',
		icon: { light: 'file:planfix.svg', dark: 'file:planfix.dark.svg' },
		group: ['trigger'],
		// 1.1: n8n skips its per-request body expression; same behaviour.
		version: [1, 1.1],
		subtitle: 'Messages from Planfix',
		description: 'Starts the workflow when a Planfix employee writes into a chat of your integration',
		defaults: { name: 'Planfix Webchat Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'planfixWebchatApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: '={{$parameter["responseMode"]}}',
				responseData: 'firstEntryJson',
				path: 'planfix',
			},
		],
		properties: [
			{
				displayName:
					'Planfix has no API to register webhooks: copy this node\'s Production URL (above) into the Planfix chat integration window (Integrations → Chats → Planfix API for chats, the address Planfix sends messages to), and put the Integration Token of the credential into the same window as your chat\'s token. Then activate the workflow.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Respond',
				name: 'responseMode',
				type: 'options',
				options: [
					{
						name: 'Immediately',
						value: 'onReceived',
						description:
							'Answer Planfix at once with the chat ID from the request and the contact ID set below',
					},
					{
						name: 'When Last Node Finishes',
						value: 'lastNode',
						description:
							'Answer with the JSON of the first item of the last node, which must hold chatId and contactId (e.g. after your workflow created the chat for a first message)',
					},
				],
				default: 'onReceived',
				description: 'When and with what to answer Planfix, which expects {"chatId": ..., "contactId": ...}',
			},
			{
				displayName:
					'The last node to run must output one item with chatId and contactId, e.g. an Edit Fields (Set) node. Planfix needs them to link a first message (sent without a chat ID) to the chat you created.',
				name: 'lastNodeNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { responseMode: ['lastNode'] } },
			},
			{
				displayName: 'Contact ID From',
				name: 'contactIdSource',
				type: 'options',
				displayOptions: { show: { responseMode: ['onReceived'] } },
				options: [
					{ name: 'Chat ID', value: 'chatId', description: 'Answer with the chat ID as the contact ID' },
					{
						name: 'Request Field',
						value: 'field',
						description: 'Answer with the value of a field Planfix sent, e.g. contactPhone',
					},
					{ name: 'Fixed Value', value: 'fixed', description: 'Answer with the value (or expression) below' },
				],
				default: 'chatId',
				description:
					'Where the contact ID of the answer comes from. A first message has no chat ID: the contact phone stands in for it.',
			},
			{
				displayName: 'Field Name',
				name: 'contactIdField',
				type: 'string',
				default: 'contactPhone',
				displayOptions: { show: { responseMode: ['onReceived'], contactIdSource: ['field'] } },
				description: 'Name of the field of the Planfix request whose value is the contact ID',
			},
			{
				displayName: 'Contact ID',
				name: 'contactId',
				type: 'string',
				default: '',
				displayOptions: { show: { responseMode: ['onReceived'], contactIdSource: ['fixed'] } },
			},
		],
	};

	// No registration API: the URL is pasted into the service by hand (see the notice).
	webhookMethods = manualWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		// Only the parsed form is read (n8n parses forms, JSON and text for every version): a body of
		// another type has no token and is refused below, as it was on version 1.
		const body = this.getBodyData();
		const received = typeof body === 'object' && body !== null ? (body as IDataObject).token : undefined;

		// The secret first, in constant time: a wrong or missing token starts nothing. Without a
		// token nothing can match, so the credential is not even decrypted for it.
		if (!secretPresent(received)) return answerWithoutExecution(this, 401, { error: 'Invalid token' });
		const credentials = await this.getCredentials('planfixWebchatApi');
		if (!secretsMatch(received, credentials.integrationToken)) {
			return answerWithoutExecution(this, 401, { error: 'Invalid token' });
		}

		const parsed = parsePlanfixMessage(body);
		if (!parsed.ok) return answerWithoutExecution(this, 400, { error: 'Invalid parameters' });
		// The token field is gone already; a secret value anywhere else in the body goes no further.
		const item = withoutSecretValues(parsed.item, [credentials.integrationToken, credentials.planfixToken].map((v) => (typeof v === 'string' ? v : undefined)));
		const workflowData = [this.helpers.returnJsonArray([item])];

		if (this.getNodeParameter('responseMode', 'onReceived') !== 'onReceived') return { workflowData };

		const chatId = present(item.chatId) ? item.chatId : String(item.contactPhone);
		const source = this.getNodeParameter('contactIdSource', 'chatId') as string;
		let contactId: unknown = chatId;
		if (source === 'field') {
			const fieldName = String(this.getNodeParameter('contactIdField', 'contactPhone'));
			contactId = fieldName === 'token' ? undefined : item[fieldName];
		} else if (source === 'fixed') {
			contactId = this.getNodeParameter('contactId', '');
		}
		this.getResponseObject().status(200).json({ chatId, contactId: contactId === undefined || contactId === null ? '' : String(contactId) });
		return { workflowData, noWebhookResponse: true };
	}
}
