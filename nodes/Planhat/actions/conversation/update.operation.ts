import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { planhatRequest, segment } from '../../transport';
import {
	conversationBody,
	conversationFields,
	getKeyable,
	keyableFromLocator,
	keyableLocator,
	optionalCompanyFields,
	reservedTypeNotice,
} from '../common.description';

const properties: INodeProperties[] = [
	keyableLocator('Conversation', 'conversationId', 'conversation to update'),
	reservedTypeNotice,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			...conversationFields(),
			...optionalCompanyFields(
				'Move the conversation to another company: a Planhat ID, extid-&lt;external ID&gt; or srcid-&lt;source ID&gt;',
			),
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['conversation'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const key = getKeyable.call(this, 'conversationId', itemIndex, 'conversation');
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const { companyId, ...rest } = fields;
	const body = conversationBody.call(this, rest, itemIndex);
	const company = keyableFromLocator(companyId as INodeParameterResourceLocator | string | undefined);
	if (company) body.companyId = company;
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update', {
			itemIndex,
			description: 'Add at least one field under Update Fields.',
		});
	}
	const { body: conversation } = await planhatRequest.call(this, {
		method: 'PUT',
		path: `/conversations/${segment(key)}`,
		body,
		itemIndex,
		what: `update conversation ${key}`,
	});
	return conversation as IDataObject;
}
