import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { PAGE_SIZE, planhatGetAll } from '../../transport';
import { keyableFromLocator, listOptions, listQuery, returnAllAndLimit, splitList } from '../common.description';

const properties: INodeProperties[] = [
	...returnAllAndLimit(undefined),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Company IDs',
				name: 'companyIds',
				type: 'string',
				default: '',
				description:
					'Only end users of these companies, separated by commas: Planhat IDs, extid-&lt;external ID&gt; or srcid-&lt;source ID&gt;',
			},
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description: 'Only the end user with this email; the result carries its companyId',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: listOptions,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['endUser'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = listQuery(options);
	const email = String(filters.email ?? '').trim();
	if (email) qs.email = email;
	const companies = splitList(filters.companyIds).map((id) => keyableFromLocator(id));
	if (companies.length) qs.companyId = companies.join(',');
	return await planhatGetAll.call(this, '/endusers', qs, PAGE_SIZE.endusers, limit, itemIndex, 'list end users');
}
