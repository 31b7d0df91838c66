import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../shared';
import type { ApiArgs } from '../../transport';
import { haveFunnelsApiRequest } from '../../transport';
import { text } from '../common.description';
import { toItems } from '../operation';

const functionName = text('functionName', 'function', 'Function', 'The name of the API function, such as export-settings or updates-available (the others have their own operations)', {
	required: true,
	placeholder: 'updates-available',
});

const properties: INodeProperties[] = [
	functionName.property,
	{
		displayName: 'Arguments',
		name: 'arguments',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Argument',
		default: {},
		description: 'The arguments of the function. The token is added by the credential.',
		options: [
			{
				displayName: 'Argument',
				name: 'argument',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'user_id' },
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'Arrays and objects (from an expression, or typed as JSON) are sent as JSON text',
					},
				],
			},
		],
	},
];

export const option = {
	name: 'Call Function',
	value: 'call',
	action: 'Call any HaveFunnels API function',
	description: 'Settings, reports, automations, Dialogflow, OpenAI, Slack and every other function of the Web API',
};

export const description = updateDisplayOptions({ show: { resource: ['customApiCall'], operation: ['call'] } }, properties);

/** Functions that only read: these may be repeated after an ambiguous failure. */
const READ_ONLY = /^(get|search|count|is)-/;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const fn = String(functionName.toArgs(this.getNodeParameter('functionName', itemIndex), this, itemIndex).function).trim();
	const rows = (this.getNodeParameter('arguments.argument', itemIndex, []) as IDataObject[]) ?? [];
	const args: ApiArgs = {};
	for (const row of rows) {
		const name = String(row.name ?? '').trim();
		if (name && name !== 'token' && name !== 'function') args[name] = row.value;
	}
	const response = await haveFunnelsApiRequest.call(this, fn, args, { itemIndex, idempotent: READ_ONLY.test(fn) });
	return toItems(response, 'list', 'result');
}
