import { conversationId, userId } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'conversation', operation: 'isTyping', name: 'Is Typing', action: 'Check whether a user or agent is typing',
	fn: 'is-typing', output: { value: 'typing' },
	fields: [userId('The ID of the user, or the agent, to check'), conversationId()],
});
