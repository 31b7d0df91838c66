import { messageText } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'message', operation: 'clearFormatting', name: 'Clear Formatting', action: 'Remove the text formatting of a message',
	fn: 'clear-text-formatting', output: { value: 'message' },
	fields: [messageText('The text message, with chat formatting such as *bold*')],
});
