import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { parsePlanfixData, planfixRequest } from '../../transport';
import { returnEmptyIfNotFound } from '../common.description';
import { requiredString } from '../helpers';

const properties: INodeProperties[] = [
	{
		displayName: 'Chat ID',
		name: 'chatId',
		type: 'string',
		required: true,
		default: '',
		description: 'The chat whose Planfix task number you want',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [returnEmptyIfNotFound],
	},
];

const displayOptions = { show: { resource: ['task'], operation: ['getNumber'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const chatId = requiredString.call(this, 'chatId', 'Chat ID', itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const result = await planfixRequest.call(this, 'getTask', [['chatId', chatId]], {
		itemIndex,
		allowNotFound: options.returnEmptyIfNotFound === true ? 'task not found' : undefined,
	});
	if (result.notFound) return { chatId, found: false, taskNumber: null };
	const data = parsePlanfixData(result.body?.data) ?? {};
	const { number, ...rest } = data;
	return { chatId, found: true, taskNumber: toNumber(number), ...rest };
}

function toNumber(value: unknown): number | string | null {
	if (value === undefined || value === null || value === '') return null;
	const n = Number(value);
	return Number.isFinite(n) ? n : String(value);
}
