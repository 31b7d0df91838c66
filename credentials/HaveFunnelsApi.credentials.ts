import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { withFormField } from '../nodes/shared';

/**
 * HaveFunnels (a white-label of Support Board) takes its admin token as the `token` field of the
 * form body of every call to `<installation>/include/api.php`, so the token is added by the
 * function form of `authenticate` (n8n's generic form cannot add a field to a form body).
 */
export class HaveFunnelsApi implements ICredentialType {
	name = 'haveFunnelsApi';

	displayName = 'HaveFunnels API';

	icon: Icon = {
		light: 'file:../nodes/HaveFunnels/havefunnels.svg',
		dark: 'file:../nodes/HaveFunnels/havefunnels.dark.svg',
	};

	documentationUrl = 'https://github.com/n8n-nodes-chat-crm-sync/n8n-nodes-chat-crm-sync#havefunnels-api';

	properties: INodeProperties[] = [
		{
			displayName: 'Installation URL',
			name: 'url',
			type: 'string',
			default: 'https://havefunnels.com/script',
			required: true,
			placeholder: 'https://havefunnels.com/script',
			description:
				'The address of your HaveFunnels installation, without /include/api.php. Self-hosted installations have their own address.',
		},
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The admin API token from Account > Installation > API token',
		},
		{
			displayName: 'Webhook Secret Key',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The secret key entered in Settings > Miscellaneous > Webhooks. Only the HaveFunnels Trigger uses it: webhooks without this key are refused.',
		},
	];

	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => ({
		...requestOptions,
		body: withFormField(requestOptions.body, 'token', String(credentials.apiToken ?? '')),
	});

	// HaveFunnels answers errors with HTTP 200 too, so the test judges the body of a harmless call.
	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			baseURL: '={{ $credentials.url.replace(/\\/+$/, "") }}',
			url: '/include/api.php',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: { function: 'get-versions' },
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'success',
					value: false,
					message: 'HaveFunnels refused the API token. Copy it again from Account > Installation > API token.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'status',
					value: 'error',
					message: 'HaveFunnels refused the API token. Copy it again from Account > Installation > API token.',
				},
			},
		],
	};
}
