import { text, userId } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'translation', operation: 'detectUserLanguage', name: 'Detect User Language', action: 'Detect the language of a text and assign it to a user',
	fn: 'google-language-detection-update-user', output: 'done',
	fields: [
		text('text', 'string', 'String', 'The text to detect the language of', { required: true }),
		userId('The ID of the user who gets the language'),
	],
});
