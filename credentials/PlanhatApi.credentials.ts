import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class PlanhatApi implements ICredentialType {
	name = 'planhatApi';

	displayName = 'Planhat API';

	icon: Icon = { light: 'file:../nodes/Planhat/planhat.svg', dark: 'file:../nodes/Planhat/planhat.dark.svg' };

	documentationUrl = 'https://docs.planhat.com/';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The token of a Planhat Private App (Settings > Private Apps) with access to conversations, end users and companies',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.planhat.com',
			required: true,
			description:
				'The Planhat API address. Tenants on a regional host use that host instead, for example https://api-eu.planhat.com.',
		},
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Only used by the Planhat Trigger: the secret your Planhat Automation sends in a header of its webhook step',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiToken}}',
			},
		},
	};

	// The test reads one company. n8n shows a rule's message when the answer has its status code,
	// instead of a bare "Unauthorized"; a host that does not answer at all shows n8n's network error.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/companies',
			method: 'GET',
			qs: { limit: 1, select: '_id' },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Planhat refused the API token. Copy it again from Planhat > Settings > Private Apps (or Service Accounts), or create a new token there.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'The API token is valid but may not read companies. In Planhat > Settings > Private Apps, give the token access to companies, end users and conversations.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'The Base URL does not lead to the Planhat API. Use https://api.planhat.com, or your tenant\'s regional host such as https://api-eu.planhat.com.',
				},
			},
		],
	};
}
