import type { INodeProperties } from 'n8n-workflow';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { create, get, getAll };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['endUser'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create an end user (a contact at a customer)',
				action: 'Create an end user',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get an end user',
				action: 'Get an end user',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many end users, for example by email',
				action: 'Get many end users',
			},
		],
		default: 'getAll',
	},
	...create.description,
	...get.description,
	...getAll.description,
];
