import { messageId } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'message', operation: 'delete', name: 'Delete', action: 'Delete a message', fn: 'delete-message', output: 'done',
	fields: [messageId('The ID of the message to delete')],
});
