import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as article from './actions/article';
import * as conversation from './actions/conversation';
import * as customApiCall from './actions/customApiCall';
import * as department from './actions/department';
import * as message from './actions/message';
import * as note from './actions/note';
import * as notification from './actions/notification';
import { router } from './actions/router';
import * as user from './actions/user';

export class HaveFunnels implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HaveFunnels',
		name: 'haveFunnels',
		icon: { light: 'file:havefunnels.svg', dark: 'file:havefunnels.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Manage users, conversations, messages, notes and more in HaveFunnels',
		defaults: { name: 'HaveFunnels' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'haveFunnelsApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Article', value: 'article' },
					{ name: 'Conversation', value: 'conversation' },
					{ name: 'Custom API Call', value: 'customApiCall' },
					{ name: 'Department', value: 'department' },
					{ name: 'Message', value: 'message' },
					{ name: 'Note', value: 'note' },
					{ name: 'Notification', value: 'notification' },
					{ name: 'User', value: 'user' },
				],
				default: 'user',
			},
			...article.description,
			...conversation.description,
			...customApiCall.description,
			...department.description,
			...message.description,
			...note.description,
			...notification.description,
			...user.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
