import type { INodeProperties } from 'n8n-workflow';

/** Options shared by the "Get Number" operations. */
export const returnEmptyIfNotFound: INodeProperties = {
	displayName: 'Return Empty Result If Not Found',
	name: 'returnEmptyIfNotFound',
	type: 'boolean',
	default: false,
	description:
		'Whether to output an item with found: false and no number instead of failing when Planfix does not know the ID',
};

/** Contact fields Planfix accepts on newMessage and updateContact, besides contactId and contactName. */
export const contactOptionalFields: INodeProperties[] = [
	{
		displayName: 'Contact Avatar URL',
		name: 'contactIco',
		type: 'string',
		default: '',
		description: "Public URL of the contact's picture",
	},
	{
		displayName: 'Contact Data',
		name: 'contactData',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		description: 'Additional information about the contact',
	},
	{
		displayName: 'Contact Email',
		name: 'contactEmail',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
	},
	{
		displayName: 'Contact Last Name',
		name: 'contactLastName',
		type: 'string',
		default: '',
	},
	{
		displayName: 'Contact Phone',
		name: 'contactPhone',
		type: 'string',
		default: '',
		description: "The contact's phone number",
	},
];

export const CONTACT_OPTIONAL_KEYS = ['contactLastName', 'contactIco', 'contactEmail', 'contactPhone', 'contactData'];
