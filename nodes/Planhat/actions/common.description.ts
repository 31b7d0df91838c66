import type {
	IDataObject,
	IExecuteFunctions,
	INodeParameterResourceLocator,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** The types Planhat keeps for its own integrations; they must not be created over the API. */
export const RESERVED_TYPES = ['email', 'chat', 'ticket', 'call'];

const OBJECT_ID_REGEX = '^[0-9a-fA-F]{24}$';

/** The list-search method (Planhat node's `methods.listSearch`) behind each locator's From List. */
const SEARCH_METHODS: Record<string, string> = {
	Company: 'searchCompanies',
	Conversation: 'searchConversations',
	'End User': 'searchEndUsers',
};

/**
 * A Planhat record reference: picked from a list (its Planhat ID), a Planhat ID, an external ID
 * (sent as `extid-…`) or a source ID (sent as `srcid-…`). The default mode stays By Planhat ID, so
 * workflows saved before From List existed keep their mode and value.
 */
export function keyableLocator(
	displayName: string,
	name: string,
	record: string,
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'id', value: '' },
		required: true,
		description: `The ${record}: picked from the list, or its Planhat ID, its external ID (your system's ID) or its source ID (an integration's ID)`,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${displayName.toLowerCase()}...`,
				typeOptions: { searchListMethod: SEARCH_METHODS[displayName], searchable: true },
			},
			{
				displayName: 'By Planhat ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 6102e3b08084189dcbf0e3f0',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: OBJECT_ID_REGEX,
							errorMessage: 'A Planhat ID has 24 hexadecimal characters',
						},
					},
				],
			},
			{
				displayName: 'By External ID',
				name: 'externalId',
				type: 'string',
				placeholder: 'e.g. crm-4711',
			},
			{
				displayName: 'By Source ID',
				name: 'sourceId',
				type: 'string',
				placeholder: 'e.g. 0015g00000ABCDe',
			},
		],
		...extra,
	};
}

/**
 * The optional Company field of a collection (End User > Create, Conversation > Update): version 1
 * keeps its plain text box (a Planhat ID, extid-… or srcid-…), version 2 has the company locator
 * with From List. Both are read with keyableFromLocator.
 */
export function optionalCompanyFields(v1Description: string): INodeProperties[] {
	const locator = keyableLocator('Company', 'companyId', 'company');
	delete locator.required;
	return [
		{
			displayName: 'Company ID',
			name: 'companyId',
			type: 'string',
			default: '',
			description: v1Description,
			displayOptions: { show: { '@version': [1] } },
		},
		{
			...locator,
			default: { mode: 'list', value: '' },
			displayOptions: { show: { '@version': [{ _cnd: { gte: 2 } }] } },
		},
	];
}

/** Turns a locator value into what Planhat accepts in a URL or a `companyId` field. */
export function keyableFromLocator(locator: INodeParameterResourceLocator | string | number | undefined): string {
	if (locator === undefined || locator === null) return '';
	if (typeof locator !== 'object') return String(locator).trim();
	const value = String(locator.value ?? '').trim();
	if (!value) return '';
	if (locator.mode === 'externalId') return value.startsWith('extid-') ? value : `extid-${value}`;
	if (locator.mode === 'sourceId') return value.startsWith('srcid-') ? value : `srcid-${value}`;
	return value;
}

/** Reads a locator parameter and returns its keyable, or raises an error that names the item. */
export function getKeyable(this: IExecuteFunctions, name: string, itemIndex: number, label: string): string {
	const locator = this.getNodeParameter(name, itemIndex) as INodeParameterResourceLocator | string;
	const key = keyableFromLocator(locator);
	if (!key) {
		throw new NodeOperationError(this.getNode(), `The ${label} is empty`, {
			itemIndex,
			description: `Enter a Planhat ID, an external ID or a source ID for the ${label}.`,
		});
	}
	return key;
}

/** "a, b,,c" → ["a", "b", "c"]; arrays pass through. */
export function splitList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean);
	if (value === undefined || value === null) return [];
	return String(value)
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);
}

export const reservedTypeNotice: INodeProperties = {
	displayName:
		'The conversation types email, chat, ticket and call are reserved by Planhat and cannot be created over the API. A type that does not exist in Planhat becomes "note"; create custom types in Planhat first.',
	name: 'reservedTypeNotice',
	type: 'notice',
	default: '',
};

/** Writable conversation fields (Create, Update, Create or Update). */
export function conversationFields(): INodeProperties[] {
	return [
		{
			displayName: 'Activity Tags',
			name: 'activityTags',
			type: 'string',
			default: '',
			description: 'Tags for the conversation, separated by commas',
		},
		{
			displayName: 'Archived',
			name: 'archived',
			type: 'boolean',
			default: false,
			description: 'Whether the conversation is archived',
		},
		{
			displayName: 'Custom Fields',
			name: 'customFields',
			placeholder: 'Add Custom Field',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			options: [
				{
					displayName: 'Field',
					name: 'field',
					values: [
						{
							displayName: 'Name',
							name: 'name',
							type: 'string',
							default: '',
							description: 'Name of the custom field as it is in Planhat',
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
		{
			displayName: 'Date',
			name: 'date',
			type: 'dateTime',
			default: '',
			description: 'When the conversation took place',
		},
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			description: 'The content of the conversation; HTML is allowed',
		},
		{
			displayName: 'End User IDs',
			name: 'endusers',
			type: 'string',
			default: '',
			placeholder: 'e.g. 6102e3b08084189dcbf0e3f0, 6102e3b08084189dcbf0e3f1',
			description: 'Planhat IDs of the contacts (end users) involved, separated by commas',
			hint: 'Separate several Planhat IDs with commas, or use an expression that gives a list of IDs, such as the _id of each end user that End User > Get Many outputs',
		},
		{
			displayName: 'External ID',
			name: 'externalId',
			type: 'string',
			default: '',
			description: 'The conversation ID in your own system (unique within a company)',
		},
		{
			displayName: 'Out Date',
			name: 'outDate',
			type: 'dateTime',
			default: '',
			description: 'When the conversation was sent',
		},
		{
			displayName: 'Pinned',
			name: 'pinned',
			type: 'boolean',
			default: false,
			description: 'Whether to pin the conversation at the top of the company and user profiles',
		},
		{
			displayName: 'Source ID',
			name: 'sourceId',
			type: 'string',
			default: '',
			description: 'The conversation ID in an integrated system (unique in Planhat)',
		},
		{
			displayName: 'Starred',
			name: 'starred',
			type: 'boolean',
			default: false,
			description: 'Whether to mark the conversation as important',
		},
		{
			displayName: 'Subject',
			name: 'subject',
			type: 'string',
			default: '',
			description: 'Title of the conversation',
		},
		{
			displayName: 'Type',
			name: 'type',
			type: 'string',
			default: 'note',
			description:
				'A conversation type that exists in Planhat, such as note or a custom type. Email, chat, ticket and call are reserved.',
		},
		{
			displayName: 'User IDs',
			name: 'users',
			type: 'string',
			default: '',
			placeholder: 'e.g. 5f1a2b3c4d5e6f7a8b9c0d1e',
			description: 'Planhat IDs of your team members involved, separated by commas; the first one is the owner',
			hint: 'Separate several Planhat user IDs with commas (the owner first), or use an expression that gives a list of IDs',
		},
	];
}

/** The hint under a Company IDs filter (several companies, so no From List). */
export const COMPANY_IDS_HINT =
	'Separate several companies with commas, or use an expression that gives a list. Each is a Planhat ID (in the output of Company > Get Many), extid-… or srcid-….';

/** Builds a conversation body from a Create/Update fields collection. */
export function conversationBody(
	this: IExecuteFunctions,
	fields: IDataObject,
	itemIndex: number,
): IDataObject {
	const body: IDataObject = {};
	for (const [name, value] of Object.entries(fields)) {
		if (value === undefined || value === null || value === '') continue;
		switch (name) {
			case 'activityTags':
				body.activityTags = splitList(value);
				break;
			case 'users':
			case 'endusers':
				body[name] = splitList(value).map((id) => ({ id }));
				break;
			case 'customFields': {
				const entries = ((value as IDataObject).field as IDataObject[] | undefined) ?? [];
				const custom: IDataObject = {};
				for (const entry of entries) {
					const key = String(entry.name ?? '').trim();
					if (key) custom[key] = entry.value as string;
				}
				if (Object.keys(custom).length) body.custom = custom;
				break;
			}
			case 'type': {
				const type = String(value).trim();
				if (RESERVED_TYPES.includes(type.toLowerCase())) {
					throw new NodeOperationError(this.getNode(), `The conversation type "${type}" is reserved by Planhat`, {
						itemIndex,
						description:
							'Email, chat, ticket and call cannot be created over the API. Use note or a custom type created in Planhat.',
					});
				}
				body.type = type;
				break;
			}
			default:
				body[name] = value;
		}
	}
	return body;
}

/** Return All + Limit, as n8n's lint wants them. */
export function returnAllAndLimit(displayOptions: INodeProperties['displayOptions']): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions,
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: {
				...displayOptions,
				show: { ...(displayOptions?.show ?? {}), returnAll: [false] },
			},
		},
	];
}

/** Sort + select options shared by the list operations. */
export const listOptions: INodeProperties[] = [
	{
		displayName: 'Fields',
		name: 'select',
		type: 'string',
		default: '',
		description: 'Properties to return, separated by commas (the ID always comes back). Empty returns all.',
	},
	{
		displayName: 'Sort By',
		name: 'sortBy',
		type: 'string',
		default: '',
		placeholder: 'e.g. date',
		description: 'Property to sort by',
	},
	{
		displayName: 'Sort Direction',
		name: 'sortDirection',
		type: 'options',
		options: [
			{ name: 'Ascending', value: 'asc' },
			{ name: 'Descending', value: 'desc' },
		],
		default: 'asc',
	},
];

/** Query string parts for sort and select. */
/** The "Options" collection (select, sort) that every Get Many operation shows. */
export const listOptionsCollection: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: listOptions,
};

/**
 * What every Get Many reads first: the limit (undefined with Return All), its filters, and the
 * query built from the options. A `companyIds` filter becomes Planhat's `companyId` parameter.
 */
export function readListParameters(
	this: IExecuteFunctions,
	itemIndex: number,
): { limit: number | undefined; filters: IDataObject; qs: IDataObject } {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs = listQuery(this.getNodeParameter('options', itemIndex, {}) as IDataObject);
	const companies = splitList(filters.companyIds).map((id) => keyableFromLocator(id));
	if (companies.length) qs.companyId = companies.join(',');
	return { limit, filters, qs };
}

export function listQuery(options: IDataObject): IDataObject {
	const qs: IDataObject = {};
	const select = splitList(options.select);
	if (select.length) qs.select = select.join(',');
	const sortBy = String(options.sortBy ?? '').trim();
	if (sortBy) qs.sort = options.sortDirection === 'desc' ? `-${sortBy.replace(/^-/, '')}` : sortBy;
	return qs;
}
