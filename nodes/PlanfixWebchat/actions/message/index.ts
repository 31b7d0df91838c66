import type { INodeProperties } from 'n8n-workflow';

import * as send from './send.operation';
import * as updateStatus from './updateStatus.operation';

export { send, updateStatus };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Send',
				value: 'send',
				action: 'Send a message',
				description: 'Pass a message from your chat into Planfix (newMessage)',
			},
			{
				name: 'Update Status',
				value: 'updateStatus',
				action: 'Update the status of a message',
				description: 'Tell Planfix that its message was sent, read or failed (messageStatus)',
			},
		],
		default: 'send',
	},
	...send.description,
	...updateStatus.description,
];
