import { conversationId, messageText, text, userId } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'note', operation: 'add', name: 'Add', action: 'Add a note to a conversation', fn: 'add-note', output: { value: 'id' },
	fields: [
		conversationId('The conversation the note belongs to'),
		userId('The ID of the agent or admin who writes the note'),
		text('name', 'name', 'Title', 'The title of the note', { required: true }),
		messageText('The text of the note'),
	],
});
