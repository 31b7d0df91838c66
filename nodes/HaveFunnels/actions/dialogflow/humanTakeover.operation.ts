import { conversationId, flag } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	// not repeated after an ambiguous failure: it may have added or sent something already
	idempotent: false,
	resource: 'dialogflow', operation: 'humanTakeover', name: 'Human Takeover', action: 'Hand a conversation over to a human agent',
	fn: 'dialogflow-human-takeover', output: { value: 'results' },
	fields: [
		conversationId(),
		flag('autoMessages', 'auto_messages', 'Auto Messages', 'Whether to also send the offline, follow-up and subscribe messages that are active'),
	],
});
