import type { INodeProperties } from 'n8n-workflow';

import * as getNumber from './getNumber.operation';
import * as update from './update.operation';

export { getNumber, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{
				name: 'Get Number',
				value: 'getNumber',
				action: 'Get the number of a contact',
				description: 'Get the Planfix number of a contact by its ID on your side (getContact)',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a contact',
				description: 'Update the data of a contact in Planfix (updateContact)',
			},
		],
		default: 'getNumber',
	},
	...getNumber.description,
	...update.description,
];
