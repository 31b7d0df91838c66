import type { IDataObject } from 'n8n-workflow';

import { idList } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'conversation', operation: 'getAgents', name: 'Get Agents in Conversation', action: 'Get the agents who wrote in a conversation',
	fn: 'get-agents-in-conversation',
	fields: [idList('conversationIds', 'conversation_id', 'Conversation IDs', 'One conversation, or several comma-separated', { required: true })],
	// one list per conversation: {"1546": [agent, ...], ...}; a single ID is sent as it is
	transform: (args) => {
		const ids = args.conversation_id as unknown[];
		return { conversation_id: ids.length === 1 ? ids[0] : ids };
	},
	output: (response) =>
		response && typeof response === 'object' ? (Object.values(response).flat() as IDataObject[]) : [],
});
