import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as article from './actions/article';
import * as automation from './actions/automation';
import * as conversation from './actions/conversation';
import * as customApiCall from './actions/customApiCall';
import * as department from './actions/department';
import * as dialogflow from './actions/dialogflow';
import * as message from './actions/message';
import * as note from './actions/note';
import * as notification from './actions/notification';
import * as openAi from './actions/openAi';
import * as report from './actions/report';
import { router } from './actions/router';
import * as savedReply from './actions/savedReply';
import * as setting from './actions/setting';
import * as slack from './actions/slack';
import * as translation from './actions/translation';
import * as user from './actions/user';
import { searchAgents, searchConversations, searchDepartments, searchUsers } from './methods/listSearch';

/** The resources, in alphabetical order. */
const resourceOptions: INodePropertyOptions[] = [
	{ name: 'Article', value: 'article' },
	{ name: 'Automation', value: 'automation' },
	{ name: 'Conversation', value: 'conversation' },
	{ name: 'Department', value: 'department' },
	{ name: 'Dialogflow', value: 'dialogflow' },
	{ name: 'Message', value: 'message' },
	{ name: 'Note', value: 'note' },
	{ name: 'Notification', value: 'notification' },
	{ name: 'OpenAI', value: 'openAi' },
	{ name: 'Report', value: 'report' },
	{ name: 'Saved Reply', value: 'savedReply' },
	{ name: 'Setting', value: 'setting' },
	{ name: 'Slack', value: 'slack' },
	{ name: 'Translation', value: 'translation' },
	{ name: 'User', value: 'user' },
];

/**
 * The pack's own Custom API Call (it knows HaveFunnels' form encoding) comes last, under the name
 * n8n gives its own: n8n's loader adds a "Custom API Call" to the Resource and Operation lists of every
 * node whose credential has `authenticate`, unless the list's last option already has that name
 * (`injectCustomApiCallOptions` in n8n's load-nodes-and-credentials, 1.x and 2.x). In any other place
 * the resource list would show it twice.
 */
const customApiCallOption: INodePropertyOptions = { name: 'Custom API Call', value: 'customApiCall' };

export class HaveFunnels implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'HaveFunnels',
		name: 'haveFunnels',
		icon: { light: 'file:havefunnels.svg', dark: 'file:havefunnels.dark.svg' },
		group: ['transform'],
		// 2: user, sender, conversation, agent and department IDs are resource locators (From List / By ID); 1 keeps the
		// plain ID boxes its workflows were saved with
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Manage users, conversations, messages, settings, automations, chatbots and more in HaveFunnels',
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
				options: [...resourceOptions, customApiCallOption],
				default: 'user',
			},
			...article.description,
			...automation.description,
			...conversation.description,
			...customApiCall.description,
			...department.description,
			...dialogflow.description,
			...message.description,
			...note.description,
			...notification.description,
			...openAi.description,
			...report.description,
			...savedReply.description,
			...setting.description,
			...slack.description,
			...translation.description,
			...user.description,
		],
	};

	methods = {
		listSearch: { searchAgents, searchConversations, searchDepartments, searchUsers },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
