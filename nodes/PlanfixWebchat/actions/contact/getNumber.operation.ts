import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { parsePlanfixData, planfixRequest } from '../../transport';
import { returnEmptyIfNotFound } from '../common.description';
import { requiredString } from '../helpers';

const properties: INodeProperties[] = [
	{
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'string',
		required: true,
		default: '',
		description: 'The contact ID on your side, as sent with its messages',
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

const displayOptions = { show: { resource: ['contact'], operation: ['getNumber'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const contactId = requiredString.call(this, 'contactId', 'Contact ID', itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const result = await planfixRequest.call(this, 'getContact', [['contactId', contactId]], {
		itemIndex,
		allowNotFound: options.returnEmptyIfNotFound === true ? 'unknown contact' : undefined,
	});
	if (result.notFound) return { contactId, found: false, contactNumber: null };
	const data = parsePlanfixData(result.body?.data) ?? {};
	const { number, ...rest } = data;
	const n = Number(number);
	return {
		contactId,
		found: true,
		contactNumber: number === undefined || number === null || number === '' ? null : Number.isFinite(n) ? n : String(number),
		...rest,
	};
}
