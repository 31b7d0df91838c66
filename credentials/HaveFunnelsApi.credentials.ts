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
const TOKEN_REFUSED = 'HaveFunnels refused the API token. Copy it again from Account > Installation > API token.';
const NOT_AN_INSTALLATION =
	'The Installation URL does not lead to a HaveFunnels API. Use the address of your installation without /include/api.php, for example https://havefunnels.com/script.';

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

	// HaveFunnels answers errors with HTTP 200 on older versions and with 401/404 on recent ones, so
	// the test reads the body of a harmless call whatever the status (n8n 1.x would otherwise show
	// its own generic message for a 401). Each failure names what to fix; a host that does not
	// answer at all shows n8n's network error.
	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			baseURL: '={{ $credentials.url.replace(/\\/+$/, "") }}',
			url: '/include/api.php',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: { function: 'get-versions' },
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{ type: 'responseSuccessBody', properties: { key: 'status', value: 'error', message: TOKEN_REFUSED } },
			{ type: 'responseSuccessBody', properties: { key: 'success', value: false, message: TOKEN_REFUSED } },
			// Anything else without HaveFunnels' "success" field did not come from its API.
			{ type: 'responseSuccessBody', properties: { key: 'success', value: undefined, message: NOT_AN_INSTALLATION } },
		],
	};
}
