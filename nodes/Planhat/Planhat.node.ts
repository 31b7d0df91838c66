import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import * as company from './actions/company';
import * as conversation from './actions/conversation';
import * as endUser from './actions/endUser';
import { router } from './actions/router';
import { searchCompanies, searchConversations, searchEndUsers } from './methods/listSearch';

export class Planhat implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Planhat',
		name: 'planhat',
		icon: { light: 'file:planhat.svg', dark: 'file:planhat.dark.svg' },
		group: ['transform'],
		// 2: the optional Company fields of End User > Create and Conversation > Update are locators
		// with From List; 1 keeps the plain text boxes its workflows were saved with
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create, update and find conversations, end users and companies in Planhat',
		defaults: { name: 'Planhat' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'planhatApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Company', value: 'company' },
					{ name: 'Conversation', value: 'conversation' },
					{ name: 'End User', value: 'endUser' },
				],
				default: 'conversation',
			},
			...conversation.description,
			...endUser.description,
			...company.description,
		],
	};

	methods = {
		listSearch: { searchCompanies, searchConversations, searchEndUsers },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
