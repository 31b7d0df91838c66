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

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/companies',
			method: 'GET',
			qs: { limit: 1, select: '_id' },
		},
	};
}
