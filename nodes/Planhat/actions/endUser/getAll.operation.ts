import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { PAGE_SIZE, planhatGetAll } from '../../transport';
import { COMPANY_IDS_HINT, listOptionsCollection, readListParameters, returnAllAndLimit } from '../common.description';

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
				placeholder: 'e.g. 6102e3b08084189dcbf0e3f0, extid-crm-4711',
				hint: COMPANY_IDS_HINT,
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
	listOptionsCollection,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['endUser'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { limit, filters, qs } = readListParameters.call(this, itemIndex);
	const email = String(filters.email ?? '').trim();
	if (email) qs.email = email;
	return await planhatGetAll.call(this, '/endusers', qs, PAGE_SIZE.endusers, limit, itemIndex, 'list end users');
}
