import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { FormPair } from '../../../shared';
import { planfixRequest } from '../../transport';
import { requiredString } from '../helpers';

const properties: INodeProperties[] = [
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		required: true,
		default: '',
		description: 'The messageId Planfix sent with its own newMessage call (the Planfix Webchat Trigger outputs it)',
	},
	{
		displayName: 'Status',
		name: 'messageStatus',
		type: 'options',
		required: true,
		default: 'sent',
		options: [
			{ name: 'Sent', value: 'sent', description: 'The message was delivered to the chat' },
			{ name: 'Read', value: 'read', description: 'The contact has read the message' },
			{ name: 'Error', value: 'error', description: 'The message could not be delivered' },
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Status Text',
				name: 'messageStatusText',
				type: 'string',
				default: '',
				description: 'Additional information about the status, e.g. why delivery failed',
			},
		],
	},
];

const displayOptions = { show: { resource: ['message'], operation: ['updateStatus'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const messageId = requiredString.call(this, 'messageId', 'Message ID', itemIndex);
	const messageStatus = requiredString.call(this, 'messageStatus', 'Status', itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const statusText = typeof options.messageStatusText === 'string' ? options.messageStatusText.trim() : '';

	const pairs: FormPair[] = [
		['messageId', messageId],
		['messageStatus', messageStatus],
		...(statusText ? ([['messageStatusText', statusText]] as FormPair[]) : []),
	];
	await planfixRequest.call(this, 'messageStatus', pairs, { itemIndex });
	return { messageId, messageStatus, ...(statusText ? { messageStatusText: statusText } : {}) };
}
