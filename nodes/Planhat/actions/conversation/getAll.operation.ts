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
					'Only conversations of these companies, separated by commas: Planhat IDs, extid-&lt;external ID&gt; or srcid-&lt;source ID&gt;',
			},
		],
	},
	listOptionsCollection,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['conversation'], operation: ['getAll'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { limit, qs } = readListParameters.call(this, itemIndex);
	return await planhatGetAll.call(
		this,
		'/conversations',
		qs,
		PAGE_SIZE.conversations,
		limit,
		itemIndex,
		'list conversations',
	);
}
