import { messageText } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'message', operation: 'formatToHtml', name: 'Convert Formatting to HTML', action: 'Convert chat text formatting to HTML',
	fn: 'text-formatting-to-html', output: { value: 'html' },
	fields: [messageText('The text message, with chat formatting such as *bold*')],
});
