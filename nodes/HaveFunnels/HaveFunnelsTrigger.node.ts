import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { answerWithoutExecution, manualWebhookMethods, readWebhookRawBody, scrubSecrets, secretPresent, secretsMatch } from '../shared';
import { EVENT_OPTIONS, eventMatches, readWebhookBody, senderIsCustomer } from './trigger/events';

export class HaveFunnelsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HaveFunnels Trigger',
		name: 'haveFunnelsTrigger',
		icon: { light: 'file:havefunnels.svg', dark: 'file:havefunnels.dark.svg' },
		group: ['trigger'],
		// 1.1: n8n skips its per-request body expression (see readWebhookRawBody); same behaviour.
		version: [1, 1.1],
		subtitle: '={{ $parameter["events"].join(", ") }}',
		description: 'Starts the workflow when HaveFunnels sends a webhook',
		defaults: { name: 'HaveFunnels Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'haveFunnelsApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: '={{$parameter["responseMode"]}}',
				responseData: 'noData',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName:
					'In HaveFunnels, open Settings > Miscellaneous > Webhooks, paste this node\'s Production URL, enter the Secret Key of the credential, activate the webhooks and save. In "Active webhooks" list the events to send (such as message-sent, conversation-status-updated), or leave it empty to send all of them.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: EVENT_OPTIONS,
				default: ['*'],
				required: true,
				description:
					'The events that start the workflow. Other events are answered with 200 and start nothing.',
			},
			{
				displayName: 'Respond',
				name: 'responseMode',
				type: 'options',
				options: [
					{
						name: 'Immediately',
						value: 'onReceived',
						description: 'Answer HaveFunnels at once; several events may then run at the same time',
					},
					{
						name: 'When Last Node Finishes',
						value: 'lastNode',
						description:
							'Answer when the workflow has finished. HaveFunnels waits for the answer (up to 10 seconds) before it goes on, so the events of a chat run one after another, in order.',
					},
				],
				default: 'onReceived',
				description: 'When to answer the webhook call',
			},
		],
	};

	// No registration API: the URL is pasted into the service by hand (see the notice).
	webhookMethods = manualWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const answer = (status: number, body: IDataObject) => answerWithoutExecution(this, status, body);

		const unreadable = await readWebhookRawBody(this);
		if (unreadable) return unreadable;
		const body = readWebhookBody(this.getRequestObject());
		if (!body) return answer(400, { error: 'The body must be a JSON object: {"function", "key", "data", "sender-url"}' });

		// Without a key nothing can match: refused before the credential is decrypted.
		if (!secretPresent(body.key)) return answer(401, { error: 'Invalid or missing key' });
		let expected: unknown;
		try {
			expected = (await this.getCredentials('haveFunnelsApi')).webhookSecret;
		} catch {
			expected = undefined; // no credential: nothing can match, the call is refused below
		}
		if (!secretsMatch(body.key, expected)) return answer(401, { error: 'Invalid or missing key' });

		const event = body.function;
		if (typeof event !== 'string' || event.trim() === '') {
			return answer(400, { error: 'The body has no "function" naming the event' });
		}
		const selected = this.getNodeParameter('events', ['*']) as string[];
		if (!eventMatches(event, selected)) return answer(200, { received: true, ignored: event });

		const secrets = { values: [String(expected)], keys: ['password', 'password-check'] };
		const output: IDataObject = {
			event,
			data: scrubSecrets(body.data ?? null, secrets) as IDataObject,
			senderUrl: (body['sender-url'] as string | undefined) ?? null,
		};
		const fromCustomer = senderIsCustomer(event, body.data);
		if (fromCustomer !== undefined) output.senderIsCustomer = fromCustomer;
		const workflowData = [this.helpers.returnJsonArray([output])];
		// "When Last Node Finishes": n8n answers (with an empty body) once the workflow is done.
		if (this.getNodeParameter('responseMode', 'onReceived') === 'lastNode') return { workflowData };
		this.getResponseObject().status(200).json({ received: true });
		return { workflowData, noWebhookResponse: true };
	}
}
