import { conversationId, id } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'note', operation: 'delete', name: 'Delete', action: 'Delete a note', fn: 'delete-note', output: 'done',
	fields: [conversationId('The conversation the note belongs to'), id('noteId', 'note_id', 'Note ID', 'The ID of the note to delete')],
});
