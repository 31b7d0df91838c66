import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ApiArgs } from '../transport';

/**
 * One node parameter and how its value becomes API arguments. Operations list their fields; the
 * operation factory (./operation.ts) adds the display options, reads the values and builds the
 * arguments, so each operation file only says which fields it has.
 */
export interface Field {
	property: INodeProperties;
	/**
	 * Node version 1's form of the parameter (a plain text box) where version 2 has a resource
	 * locator under the same name: workflows saved with version 1 keep their plain IDs.
	 */
	legacy?: INodeProperties;
	toArgs: (value: unknown, ctx: IExecuteFunctions, itemIndex: number) => ApiArgs;
}

type Show = NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>;

/** Node versions: 1 has plain ID boxes, 2 (the default) resource locators with From List. */
export const LEGACY_VERSIONS: Show['@version'] = [1];
const LOCATOR_VERSIONS: Show['@version'] = [{ _cnd: { gte: 2 } }];

function forVersions(property: INodeProperties, versions: Show['@version']): INodeProperties {
	const show: Show = { ...(property.displayOptions?.show ?? {}), '@version': versions };
	return { ...property, displayOptions: { ...(property.displayOptions ?? {}), show } };
}

/** The parameters of a field: one, or for a locator field its version-1 and version-2 forms. */
export function propertiesOf(f: Field): INodeProperties[] {
	if (!f.legacy) return [f.property];
	return [forVersions(f.legacy, LEGACY_VERSIONS), forVersions(f.property, LOCATOR_VERSIONS)];
}

/** The value of a resource locator (`{ __rl, mode, value }`), or the plain value of version 1. */
export function locatorValue(value: unknown): unknown {
	if (value && typeof value === 'object' && !Array.isArray(value) && 'value' in value && ('__rl' in value || 'mode' in value)) {
		return (value as { value: unknown }).value;
	}
	return value;
}

/** The records a resource locator can list ("From List"), with the node's list-search method. */
const LOCATABLE = {
	user: { method: 'searchUsers', record: 'user' },
	conversation: { method: 'searchConversations', record: 'conversation' },
	agent: { method: 'searchAgents', record: 'agent' },
	department: { method: 'searchDepartments', record: 'department' },
} as const;

/** ID fields, by parameter name, that are resource locators from node version 2 on. */
const LOCATOR_FIELDS: Record<string, keyof typeof LOCATABLE> = {
	userId: 'user',
	senderId: 'user',
	conversationId: 'conversation',
	agentId: 'agent',
	department: 'department',
	departmentId: 'department',
};

function locatorProperty(legacy: INodeProperties, kind: keyof typeof LOCATABLE): INodeProperties {
	const { method, record } = LOCATABLE[kind];
	return {
		displayName: legacy.displayName.replace(/ ID$/, ''),
		name: legacy.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		...(legacy.required ? { required: true } : {}),
		description: legacy.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${record}...`,
				typeOptions: { searchListMethod: method, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 123',
				validation: [
					{ type: 'regex', properties: { regex: '^\\s*[0-9]+\\s*$', errorMessage: `A HaveFunnels ${record} ID is a number` } },
				],
			},
		],
	};
}

type Extra = Partial<INodeProperties>;

const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

/** Sends the value as it is under `arg`, leaving empty values out. */
const plain = (arg: string) => (value: unknown): ApiArgs => (isEmpty(value) ? {} : { [arg]: value });

function field(property: INodeProperties, toArgs: Field['toArgs']): Field {
	return { property, toArgs };
}

function required(displayName: string, arg: string) {
	return (value: unknown, ctx: IExecuteFunctions, itemIndex: number): ApiArgs => {
		if (isEmpty(value)) {
			throw new NodeOperationError(ctx.getNode(), `${displayName} is empty`, {
				itemIndex,
				description: `Enter the ${displayName} (or an expression that gives it) for this item`,
			});
		}
		return { [arg]: value };
	};
}

/**
 * A text parameter; `required` ones are checked per item, the rest are left out when empty.
 * User, sender, conversation, agent and department IDs (LOCATOR_FIELDS) are resource locators
 * (From List / By ID) from node version 2 on, and plain text boxes in version 1.
 */
export function text(name: string, arg: string, displayName: string, description: string, extra: Extra = {}): Field {
	const plainField = field(
		{ displayName, name, type: 'string', default: '', description, ...extra } as INodeProperties,
		extra.required ? required(displayName, arg) : plain(arg),
	);
	const kind = LOCATOR_FIELDS[name];
	if (!kind) return plainField;
	return {
		property: locatorProperty(plainField.property, kind),
		legacy: plainField.property,
		toArgs: (value, ctx, itemIndex) => plainField.toArgs(locatorValue(value), ctx, itemIndex),
	};
}

/** An ID of a user, agent, conversation, message or note (a string, numbers from expressions too). */
export function id(name: string, arg: string, displayName: string, description: string, extra: Extra = { required: true }): Field {
	return text(name, arg, displayName, description, extra);
}

export function number(name: string, arg: string, displayName: string, description: string, extra: Extra = {}): Field {
	return field({ displayName, name, type: 'number', default: 0, description, ...extra } as INodeProperties, plain(arg));
}

/** A boolean parameter, sent as "true" / "false". */
export function flag(name: string, arg: string, displayName: string, description: string, defaultValue = false): Field {
	const property: INodeProperties = { displayName, name, type: 'boolean', default: false, description };
	property.default = defaultValue;
	return field(property, (value) => ({ [arg]: Boolean(value) }));
}

export function choice(
	name: string,
	arg: string,
	displayName: string,
	description: string,
	options: INodePropertyOptions[],
	defaultValue: string,
): Field {
	return field({ displayName, name, type: 'options', options, default: defaultValue, description }, plain(arg));
}

/** Several values, sent as a JSON array. */
export function multiChoice(name: string, arg: string, displayName: string, description: string, options: INodePropertyOptions[]): Field {
	return field({ displayName, name, type: 'multiOptions', options, default: [], description }, (value) =>
		Array.isArray(value) && value.length ? { [arg]: value } : {},
	);
}

/** Splits "1, 2,3" (or takes an array from an expression) into a list; numeric IDs become numbers. */
export function toIdList(value: unknown): Array<string | number> {
	const parts = Array.isArray(value) ? value : String(value ?? '').split(',');
	return parts
		.map((part) => String(part).trim())
		.filter((part) => part !== '')
		.map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Where a workflow finds the IDs a multi-ID field takes, by the kind of record. */
const ID_SOURCES: Array<[RegExp, string]> = [
	[/user/i, 'User > Get Many or User > Search'],
	[/message/i, 'Message > Get New'],
	[/conversation/i, 'Conversation > Get Many or Conversation > Search'],
];

/** The hint under a field that takes several IDs (such fields have no From List). */
export function idListHint(displayName: string): string {
	const source = ID_SOURCES.find(([pattern]) => pattern.test(displayName))?.[1];
	return `Separate several IDs with commas (12, 45, 78), or use an expression that gives a list of IDs${source ? `, such as the IDs that ${source} outputs` : ''}`;
}

/** A list of IDs, entered comma-separated, sent as a JSON array such as [12,45]. */
export function idList(name: string, arg: string, displayName: string, description: string, extra: Extra = {}): Field {
	return field(
		{ displayName, name, type: 'string', default: '', placeholder: '12, 45, 78', description, hint: idListHint(displayName), ...extra } as INodeProperties,
		(value, ctx, itemIndex) => {
			const ids = toIdList(value);
			if (ids.length) return { [arg]: ids };
			return extra.required ? required(displayName, arg)(undefined, ctx, itemIndex) : {};
		},
	);
}

/** Parses a JSON parameter (text or an object from an expression) for a JSON-string form field. */
export function parseJsonParameter(value: unknown, displayName: string, ctx: IExecuteFunctions, itemIndex: number): unknown {
	if (typeof value !== 'string') return value;
	if (value.trim() === '') return undefined;
	try {
		return JSON.parse(value);
	} catch {
		throw new NodeOperationError(ctx.getNode(), `${displayName} is not valid JSON`, {
			itemIndex,
			description: 'Enter a JSON object such as {"key": "value"}',
		});
	}
}

/** A JSON parameter (an object, or an array with `defaultValue` '[]'), sent as a JSON string. */
export function json(name: string, arg: string, displayName: string, description: string, defaultValue = '{}', extra: Extra = {}): Field {
	return field({ displayName, name, type: 'json', default: defaultValue, description, ...extra } as INodeProperties, (value, ctx, itemIndex) => {
		const parsed = parseJsonParameter(value, displayName, ctx, itemIndex);
		if (parsed === undefined && extra.required) return required(displayName, arg)(undefined, ctx, itemIndex);
		return parsed === undefined ? {} : { [arg]: parsed };
	});
}

/** Several texts, entered one by one (or an array from an expression), sent as a JSON array. */
export function textList(name: string, arg: string, displayName: string, description: string, extra: Extra = {}): Field {
	return field(
		{ displayName, name, type: 'string', typeOptions: { multipleValues: true }, default: [], description, ...extra } as INodeProperties,
		(value, ctx, itemIndex) => {
			const list = (Array.isArray(value) ? value : isEmpty(value) ? [] : [value]).map(String).filter((v) => v !== '');
			if (list.length) return { [arg]: list };
			return extra.required ? required(displayName, arg)(undefined, ctx, itemIndex) : {};
		},
	);
}

interface Row {
	[key: string]: unknown;
}

function rows(value: unknown, key: string): Row[] {
	const group = (value ?? {}) as Record<string, unknown>;
	return Array.isArray(group[key]) ? (group[key] as Row[]) : [];
}

/** Attachments as name + URL rows, sent as [["name","url"], ...]. */
export function attachments(name = 'attachments', arg = 'attachments'): Field {
	return field(
		{
			displayName: 'Attachments',
			name,
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Attachment',
			default: {},
			description: 'Files already uploaded somewhere public: HaveFunnels stores only their name and URL',
			options: [
				{
					displayName: 'Attachment',
					name: 'attachment',
					values: [
						{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'The file name shown in the chat' },
						{ displayName: 'URL', name: 'url', type: 'string', default: '', description: 'The full URL of the file' },
					],
				},
			],
		},
		(value) => {
			const list = rows(value, 'attachment')
				.filter((row) => !isEmpty(row.url))
				.map((row) => [String(row.name ?? ''), String(row.url)]);
			return list.length ? { [arg]: list } : {};
		},
	);
}

/** Extra user details as slug / value / label rows, sent as {"slug": ["value", "Label"], ...}. */
export function details(name: string, arg: string, displayName = 'Extra Details'): Field {
	return field(
		{
			displayName,
			name,
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Detail',
			default: {},
			description: 'Additional user details, such as phone or city',
			options: [
				{
					displayName: 'Detail',
					name: 'detail',
					values: [
						{ displayName: 'Name', name: 'slug', type: 'string', default: '', placeholder: 'phone', description: 'The detail ID (slug), such as phone' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '', description: 'The value of the detail' },
						{ displayName: 'Label', name: 'label', type: 'string', default: '', placeholder: 'Phone', description: 'The label shown in HaveFunnels' },
					],
				},
			],
		},
		(value) => {
			const entries = rows(value, 'detail')
				.filter((row) => !isEmpty(row.slug))
				.map((row) => [String(row.slug), [String(row.value ?? ''), String(row.label || row.slug)]]);
			return entries.length ? { [arg]: Object.fromEntries(entries) } : {};
		},
	);
}

/** A collection of optional fields ("Additional Fields", "Options", "Update Fields"). */
export function collection(name: string, displayName: string, fields: Field[]): Field {
	return field(
		{
			displayName,
			name,
			type: 'collection',
			placeholder: displayName === 'Options' ? 'Add Option' : 'Add Field',
			default: {},
			options: fields.flatMap(propertiesOf).sort((a, b) => a.displayName.localeCompare(b.displayName)),
		},
		// in the order the fields are declared, whatever order n8n keeps the values in
		(value, ctx, itemIndex) => {
			const values = (value ?? {}) as Record<string, unknown>;
			const args: ApiArgs = {};
			for (const f of fields) {
				if (f.property.name in values) Object.assign(args, f.toArgs(values[f.property.name], ctx, itemIndex));
			}
			return args;
		},
	);
}

/** Conversation status codes. */
export const STATUS_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Live', value: '0' },
	{ name: 'Waiting for User', value: '1' },
	{ name: 'Waiting for Agent', value: '2' },
	{ name: 'Archived', value: '3' },
	{ name: 'Trash', value: '4' },
];

export function status(name: string, arg: string, description: string, extraOptions: INodePropertyOptions[] = []): Field {
	return choice(name, arg, 'Status', description, [...extraOptions, ...STATUS_OPTIONS], extraOptions[0]?.value as string ?? '0');
}

export const USER_TYPE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Admin', value: 'admin' },
	{ name: 'Agent', value: 'agent' },
	{ name: 'Bot', value: 'bot' },
	{ name: 'Lead', value: 'lead' },
	{ name: 'User', value: 'user' },
	{ name: 'Visitor', value: 'visitor' },
];

/** Fields many operations share. */
export const userId = (description = 'The ID of the user') => id('userId', 'user_id', 'User ID', description);
export const conversationId = (description = 'The ID of the conversation') =>
	id('conversationId', 'conversation_id', 'Conversation ID', description);
export const messageId = (description = 'The ID of the message') => id('messageId', 'message_id', 'Message ID', description);
export const messageText = (description = 'The text of the message', extra: Extra = { required: true, typeOptions: { rows: 4 } }) =>
	text('message', 'message', 'Message', description, extra);
export const since = (what: string) =>
	text('since', 'datetime', 'Since', `A ${what} ID, or a date and time in UTC such as 2024-05-13 13:35:59 (the time may be left out)`, {
		required: true,
	});
export const searchText = (description = 'The text to search for') =>
	text('search', 'search', 'Search', description, { required: true });

/** Return All / Limit for operations that page through results. */
export const returnAllFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/** The same parameter, with another way of building its arguments. */
export function sendAs(f: Field, toArgs: Field['toArgs']): Field {
	if (!f.legacy) return { property: f.property, toArgs };
	return { property: f.property, legacy: f.legacy, toArgs: (value, ctx, itemIndex) => toArgs(locatorValue(value), ctx, itemIndex) };
}

/** An optional ID where an empty value is sent as false (HaveFunnels then removes the link). */
export function idOrNone(name: string, arg: string, displayName: string, description: string): Field {
	return sendAs(text(name, arg, displayName, description), (value) => ({ [arg]: isEmpty(value) ? false : value }));
}

/** Sorting by a column, sent as ["column", "ASC" | "DESC"]. */
export function sorting(columns: string[]): Field {
	const toName = (column: string) => column.replace(/_/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
	return field(
		{
			displayName: 'Sort',
			name: 'sort',
			type: 'fixedCollection',
			placeholder: 'Add Sort',
			default: {},
			options: [
				{
					displayName: 'Sort',
					name: 'value',
					values: [
						{
							displayName: 'Column',
							name: 'column',
							type: 'options',
							options: columns.map((column) => ({ name: toName(column), value: column })),
							default: 'creation_time',
						},
						{
							displayName: 'Order',
							name: 'order',
							type: 'options',
							options: [
								{ name: 'Ascending', value: 'ASC' },
								{ name: 'Descending', value: 'DESC' },
							],
							default: 'DESC',
						},
					],
				},
			],
		},
		(value) => {
			const sort = ((value ?? {}) as { value?: { column?: string; order?: string } }).value;
			return sort?.column ? { sorting: [sort.column, sort.order ?? 'DESC'] } : {};
		},
	);
}

/** The profile fields that add-user and update-user share. */
export function profileFields(emailDescription: string, passwordDescription: string): Field[] {
	return [
		text('firstName', 'first_name', 'First Name', 'The first name of the user'),
		text('lastName', 'last_name', 'Last Name', 'The last name of the user'),
		text('email', 'email', 'Email', emailDescription, { placeholder: 'name@email.com' }),
		text('profileImage', 'profile_image', 'Profile Image URL', 'The URL of the profile picture'),
		text('password', 'password', 'Password', passwordDescription, { typeOptions: { password: true } }),
	];
}

/** A new department or agent for a conversation (empty removes it), with an optional notification. */
export function reassignment(name: string, arg: string, displayName: string, description: string, notified: string): Field[] {
	return [
		idOrNone(name, arg, displayName, description),
		collection('options', 'Options', [
			text('notification', 'message', 'Notification Message', `If set, ${notified} notified with this text by email, push and SMS`),
		]),
	];
}

/** Shown on single-record lookups: what happens when HaveFunnels finds nothing. */
export const notFoundNotice: INodeProperties = {
	displayName:
		'When HaveFunnels finds nothing, this node outputs no item for that input. To go on with an empty item, turn on Always Output Data in the node settings.',
	name: 'notFoundNotice',
	type: 'notice',
	default: '',
};
