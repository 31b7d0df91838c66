import type { INodeProperties } from 'n8n-workflow';

import * as getNumber from './getNumber.operation';

export { getNumber };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['task'] } },
		options: [
			{
				name: 'Get Number',
				value: 'getNumber',
				action: 'Get the task number of a chat',
				description: 'Get the number of the Planfix task opened for a chat (getTask)',
			},
		],
		default: 'getNumber',
	},
	...getNumber.description,
];
