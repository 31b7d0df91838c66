import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { planhatRequest } from '../../transport';
import { conversationBody, conversationFields, getKeyable, keyableLocator, reservedTypeNotice } from '../common.description';

const properties: INodeProperties[] = [
	keyableLocator('Company', 'companyId', 'company the conversation belongs to'),
	reservedTypeNotice,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: conversationFields(),
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['conversation'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const companyId = getKeyable.call(this, 'companyId', itemIndex, 'company');
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { companyId, ...conversationBody.call(this, fields, itemIndex) };
	const { body: conversation } = await planhatRequest.call(this, {
		method: 'POST',
		path: '/conversations',
		body,
		itemIndex,
		what: 'create a conversation',
	});
	return conversation as IDataObject;
}
