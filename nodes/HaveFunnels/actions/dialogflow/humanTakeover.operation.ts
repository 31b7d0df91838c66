import { conversationId, flag } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'dialogflow', operation: 'humanTakeover', name: 'Human Takeover', action: 'Hand a conversation over to a human agent',
	fn: 'dialogflow-human-takeover', output: { value: 'results' },
	fields: [
		conversationId(),
		flag('autoMessages', 'auto_messages', 'Send Automatic Messages', 'Whether to also send the offline, follow-up and subscribe messages that are active'),
	],
});
