import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as contact from './actions/contact';
import * as message from './actions/message';
import { router } from './actions/router';
import * as task from './actions/task';

export class PlanfixWebchat implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Planfix Webchat',
		name: 'planfixWebchat',
		icon: { light: 'file:planfix.svg', dark: 'file:planfix.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Pass chat messages and contacts to Planfix through its API for chats',
		defaults: { name: 'Planfix Webchat' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'planfixWebchatApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Contact', value: 'contact' },
					{ name: 'Message', value: 'message' },
					{ name: 'Task', value: 'task' },
				],
				default: 'message',
			},
			...message.description,
			...task.description,
			...contact.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
