import { collection, flag, text } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'slack', operation: 'getPresence', name: 'Get Presence', action: 'Check whether agents are online in Slack', fn: 'slack-presence',
	fields: [
		collection('options', 'Options', [
			text('agentId', 'agent_id', 'Agent ID', 'Only this agent; by default whether at least one agent is online'),
			flag('list', 'list', 'List', 'Whether to return the IDs of all the online users'),
		]),
	],
	// "online" / "offline", or a list of user IDs
	output: (response) =>
		Array.isArray(response)
			? [{ online: response.length > 0, userIds: response as string[] }]
			: [{ online: response === 'online' || response === true, status: response as string }],
});
