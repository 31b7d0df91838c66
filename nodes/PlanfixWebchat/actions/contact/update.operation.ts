import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { FormPair } from '../../../shared';
import { planfixRequest } from '../../transport';
import { contactOptionalFields, CONTACT_OPTIONAL_KEYS } from '../common.description';
import { pairsFrom, pairsToObject, requiredString } from '../helpers';

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
		displayName: 'Contact Name',
		name: 'contactName',
		type: 'string',
		required: true,
		default: '',
		description: "The contact's first name",
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: contactOptionalFields,
	},
];

const displayOptions = { show: { resource: ['contact'], operation: ['update'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const contactId = requiredString.call(this, 'contactId', 'Contact ID', itemIndex);
	const contactName = requiredString.call(this, 'contactName', 'Contact Name', itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const pairs: FormPair[] = [
		['contactId', contactId],
		['contactName', contactName],
		...pairsFrom(fields, CONTACT_OPTIONAL_KEYS),
	];
	await planfixRequest.call(this, 'updateContact', pairs, { itemIndex });
	return pairsToObject(pairs);
}
