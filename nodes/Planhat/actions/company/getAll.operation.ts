import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { PAGE_SIZE, planhatGetAll } from '../../transport';
import { listOptionsCollection, readListParameters, returnAllAndLimit } from '../common.description';

const properties: INodeProperties[] = [
	...returnAllAndLimit(undefined),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'fixedCollection',
		placeholder: 'Add Filter',
		typeOptions: { multipleValues: true },
		default: {},
		description: 'Query parameters Planhat filters companies on, such as externalId or name (exact match)',
		options: [
			{
				displayName: 'Filter',
				name: 'filter',
				values: [
					{
						displayName: 'Field',
						name: 'field',
						type: 'string',
						default: '',
						placeholder: 'e.g. externalId',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
					},
				],
			},
		],
	},
	listOptionsCollection,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['company'], operation: ['getAll'] } },
	properties,
);

const RESERVED_QUERY = ['limit', 'offset', 'sort', 'select'];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { limit, filters, qs } = readListParameters.call(this, itemIndex);
	for (const entry of (filters.filter as IDataObject[] | undefined) ?? []) {
		const field = String(entry.field ?? '').trim();
		if (field && !RESERVED_QUERY.includes(field)) qs[field] = entry.value as string;
	}
	return await planhatGetAll.call(this, '/companies', qs, PAGE_SIZE.companies, limit, itemIndex, 'list companies');
}
