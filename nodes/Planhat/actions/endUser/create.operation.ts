import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { planhatRequest } from '../../transport';
import { keyableFromLocator, optionalCompanyFields } from '../common.description';

const properties: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description:
			'Email of the end user. Without a company, Planhat attaches the end user to the company whose domain matches the email.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			...optionalCompanyFields(
				'The company: a Planhat ID, extid-&lt;external ID&gt; or srcid-&lt;source ID&gt;. Empty lets Planhat match the email domain.',
			),
			{
				displayName: 'External ID',
				name: 'externalId',
				type: 'string',
				default: '',
				description: 'The end user ID in your own system',
			},
			{
				displayName: 'First Name',
				name: 'firstName',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Last Name',
				name: 'lastName',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Phone',
				name: 'phone',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Position',
				name: 'position',
				type: 'string',
				default: '',
				description: 'Job title of the end user',
			},
			{
				displayName: 'Source ID',
				name: 'sourceId',
				type: 'string',
				default: '',
				description: 'The end user ID in an integrated system',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['endUser'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const email = String(this.getNodeParameter('email', itemIndex, '') ?? '').trim();
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	if (email) body.email = email;
	for (const [name, value] of Object.entries(fields)) {
		if (value === undefined || value === null || value === '') continue;
		if (name === 'companyId') {
			const company = keyableFromLocator(value as INodeParameterResourceLocator | string);
			if (company) body.companyId = company;
			continue;
		}
		body[name] = value;
	}
	if (!body.email && !body.externalId && !body.sourceId) {
		throw new NodeOperationError(this.getNode(), 'An end user needs an email, an external ID or a source ID', {
			itemIndex,
			description: 'Fill in Email, or add External ID or Source ID under Additional Fields.',
		});
	}
	const domain = email.includes('@') ? email.slice(email.lastIndexOf('@') + 1) : '';
	const { body: enduser } = await planhatRequest.call(this, {
		method: 'POST',
		path: '/endusers',
		body,
		itemIndex,
		what: `create end user ${email || String(body.externalId ?? body.sourceId)}`,
		badRequestHint: body.companyId
			? 'Check the Company ID, and that the company has no end user with this email yet.'
			: `Without a Company ID, Planhat puts the end user into the company whose domain matches the email${domain ? ` (${domain})` : ''}, and refuses it when no company has that domain. Add the domain to a company in Planhat, or set Company ID (e.g. a company for customers without one).`,
	});
	return enduser as IDataObject;
}
