import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { withFormField } from '../nodes/shared/formEncoding';

const WRONG_URL =
	'The Planfix Chat API URL does not lead to the Planfix API for chats — copy the whole address from the chat integration window in Planfix (Integrations → Chats), e.g. https://your-account.planfix.com/webchat/api';

/**
 * Planfix "API for chats" (webchat). Both directions are form-encoded POSTs: calls into Planfix
 * carry `planfix_token` in the body (added here by `authenticate`), calls from Planfix carry the
 * integration's own token as `token` (checked by the trigger).
 */
export class PlanfixWebchatApi implements ICredentialType {
	name = 'planfixWebchatApi';

	displayName = 'Planfix Webchat API';

	icon = {
		light: 'file:../nodes/PlanfixWebchat/planfix.svg',
		dark: 'file:../nodes/PlanfixWebchat/planfix.dark.svg',
	} as const;

	documentationUrl = 'https://planfix.com/help/API_commands_and_script_examples';

	properties: INodeProperties[] = [
		{
			displayName:
				'Values come from Planfix: Integrations → Chats → Planfix API for chats → Add chat (or open your chat integration).',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Planfix Chat API URL',
			name: 'apiUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://your-account.planfix.com/webchat/api',
			description:
				'The whole address shown in the Planfix chat integration window (accounts on planfix.ru use that domain)',
		},
		{
			displayName: 'Provider ID',
			name: 'providerId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'my-chat',
			description:
				'Any stable ID for this chat integration, the same one you use in Planfix. It must not contain "~"; it keeps the chats of several integrations apart.',
		},
		{
			displayName: 'Planfix Token',
			name: 'planfixToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The Planfix key ("Planfix token") shown in the chat integration window. Sent to Planfix as planfix_token.',
		},
		{
			displayName: 'Integration Token',
			name: 'integrationToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The key you typed into the chat integration window for your side. Planfix sends it with every message it posts to n8n; the Planfix Webchat Trigger checks it.',
		},
	];

	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => ({
		...requestOptions,
		body: withFormField(requestOptions.body, 'planfix_token', String(credentials.planfixToken ?? '')),
	});

	/**
	 * A harmless getTask for a chat that does not exist: with a good token Planfix answers 400
	 * "task not found" (the credentials work), with a bad one 401 "Invalid token"; every answer of
	 * Planfix's chat API is a JSON object with `error` then. HTTP errors are let through so the
	 * rules below can read the answer (n8n treats any non-2xx as a failure otherwise), and an answer
	 * without `error` (a web page) or with "Not found" (a 404 of some API) did not come from the
	 * chat API: the URL is wrong. n8n 2.x
	 * still fails on the listed server errors with its own message; n8n 1.x lets every status through.
	 */
	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: '={{$credentials.apiUrl}}',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: {
				cmd: 'getTask',
				providerId: '={{$credentials.providerId}}',
				chatId: 'n8n-credential-test',
			},
			ignoreHttpStatusErrors: { ignore: true, except: [500, 502, 503, 504] },
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error',
					value: 'Invalid token',
					message: 'Planfix rejected the token — check the Planfix token in the credential',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error',
					value: 'Invalid parameters',
					message: 'Planfix rejected the request — check the Provider ID (it must not contain "~")',
				},
			},
			{ type: 'responseSuccessBody', properties: { key: 'error', value: undefined, message: WRONG_URL } },
			{ type: 'responseSuccessBody', properties: { key: 'error', value: 'Not found', message: WRONG_URL } },
		],
	};
}
