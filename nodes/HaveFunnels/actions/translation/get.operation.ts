import { text } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'translation', operation: 'get', name: 'Get', action: 'Get the translations of a language', fn: 'get-translation',
	fields: [text('languageCode', 'language_code', 'Language Code', 'The two-letter language code, such as es', { required: true })],
});
