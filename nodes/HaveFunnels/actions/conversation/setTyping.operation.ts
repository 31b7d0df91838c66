import { conversationId, userId } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'conversation', operation: 'setTyping', name: 'Set Typing', action: 'Show a user or agent as typing',
	fn: 'set-typing', output: 'done',
	fields: [userId('The ID of the user, or the agent'), conversationId()],
});
