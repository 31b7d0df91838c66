import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { attachmentPairs, readParameter } from '../../../shared';
import type { Attachment, FormPair } from '../../../shared';
import { planfixRequest } from '../../transport';
import { contactOptionalFields, CONTACT_OPTIONAL_KEYS } from '../common.description';
import { pairsFrom, pairsToObject, requiredString } from '../helpers';

const properties: INodeProperties[] = [
	{
		displayName: 'Chat ID',
		name: 'chatId',
		type: 'string',
		required: true,
		default: '',
		description: 'Unique ID of the chat on your side. Planfix opens a task on the first message of a chat.',
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description:
			'The text of the message. For a message that is only files, leave it empty and add the files under Attachments: Planfix needs a text, so the file names are sent as the text.',
	},
	{
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'string',
		required: true,
		default: '',
		description: 'Unique ID of the contact on your side',
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
		displayName: 'Attachments',
		name: 'attachments',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Attachment',
		default: {},
		description: 'Files Planfix downloads itself, so each URL must be publicly reachable',
		options: [
			{
				displayName: 'Attachment',
				name: 'attachment',
				values: [
					{
						displayName: 'File Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'photo.jpg',
					},
					{
						displayName: 'URL',
						name: 'url',
						type: 'string',
						default: '',
						placeholder: 'https://example.com/files/photo.jpg',
					},
				],
			},
		],
	},
	{
		displayName: 'Task Fields',
		name: 'taskFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Task Field',
		default: {},
		description:
			'Values for String fields of the chat task template, sent as data_&lt;field name&gt;. The field name must match the task field exactly.',
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Field Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'utm_source',
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
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Author Email',
				name: 'userEmail',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
				description: 'With Is Echo: email of the Planfix employee shown as the author. If empty, Planfix uses the employee set in the integration settings.',
			},
			{
				displayName: 'Channel',
				name: 'channel',
				type: 'string',
				default: '',
				description: 'Additional channel ID on your side, if you use several',
			},
			...contactOptionalFields,
			{
				displayName: 'Is Echo',
				name: 'isEcho',
				type: 'boolean',
				default: false,
				description:
					'Whether the message was written by an operator in the external chat and is mirrored into Planfix',
			},
			{
				displayName: 'Title',
				name: 'title',
				type: 'string',
				default: '',
				description: 'Message header; Planfix uses it to name the task it creates',
			},
		],
	},
];

const displayOptions = { show: { resource: ['message'], operation: ['send'] } };

export const description = updateDisplayOptions(displayOptions, properties);

interface FixedCollection<T> {
	[key: string]: T[] | undefined;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const chatId = requiredString.call(this, 'chatId', 'Chat ID', itemIndex);
	const contactId = requiredString.call(this, 'contactId', 'Contact ID', itemIndex);
	const contactName = requiredString.call(this, 'contactName', 'Contact Name', itemIndex);
	const extra = readParameter<IDataObject>(this, 'additionalFields', itemIndex, {});

	const rawAttachments =
		readParameter<FixedCollection<IDataObject>>(this, 'attachments', itemIndex, {}).attachment ?? [];
	const attachments: Attachment[] = rawAttachments.map((entry, position) => {
		const name = String(entry.name ?? '').trim();
		const url = String(entry.url ?? '').trim();
		if (!name || !/^https?:\/\/\S+$/i.test(url)) {
			throw new NodeOperationError(this.getNode(), `Attachment ${position + 1} needs a file name and a public http(s) URL`, {
				itemIndex,
				description: 'Planfix downloads each attachment from its URL, so the URL must be publicly reachable.',
			});
		}
		return { name, url };
	});

	// A customer often sends only a photo: Planfix needs a text, so the file names stand in for it.
	const typed = this.getNodeParameter('message', itemIndex, '') as unknown;
	const text = typed === undefined || typed === null ? '' : String(typed).trim();
	const message = text || attachments.map((a) => a.name).join(', ');
	if (!message) {
		throw new NodeOperationError(this.getNode(), 'Message is empty', {
			itemIndex,
			description: 'Set "Message", or add the files under Attachments to send a message that is only files.',
		});
	}

	const rawFields = readParameter<FixedCollection<IDataObject>>(this, 'taskFields', itemIndex, {}).field ?? [];
	const taskFields: IDataObject = {};
	const taskFieldPairs: FormPair[] = rawFields.map((entry, position) => {
		const name = String(entry.name ?? '').trim();
		if (!name) {
			throw new NodeOperationError(this.getNode(), `Task field ${position + 1} has no field name`, {
				itemIndex,
				description: 'Use the exact name of a String field in the chat task template, e.g. utm_source.',
			});
		}
		const value = entry.value === undefined || entry.value === null ? '' : String(entry.value);
		taskFields[name] = value;
		return [`data_${name}`, value];
	});

	const isEcho = extra.isEcho === true;
	const pairs: FormPair[] = [
		['chatId', chatId],
		['message', message],
		...pairsFrom(extra, ['title']),
		['contactId', contactId],
		['contactName', contactName],
		...pairsFrom(extra, CONTACT_OPTIONAL_KEYS),
		...pairsFrom(extra, ['channel']),
		...attachmentPairs(attachments),
		...(isEcho ? ([['isEcho', 'true']] as FormPair[]) : []),
		...(isEcho ? pairsFrom(extra, ['userEmail']) : []),
		...taskFieldPairs,
	];

	await planfixRequest.call(this, 'newMessage', pairs, { itemIndex });

	const sent = pairsToObject(pairs.filter(([key]) => !key.startsWith('attachments[') && !key.startsWith('data_')));
	return {
		...sent,
		...(isEcho ? { isEcho: true } : {}),
		...(attachments.length ? { attachments: attachments as unknown as IDataObject[] } : {}),
		...(taskFieldPairs.length ? { taskFields } : {}),
	};
}
