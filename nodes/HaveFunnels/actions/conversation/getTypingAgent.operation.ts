import { conversationId } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	notFoundNotice: true,
	resource: 'conversation', operation: 'getTypingAgent', name: 'Get Typing Agent', action: 'Get the agent who is typing',
	fn: 'is-agent-typing',
	fields: [conversationId()],
});
