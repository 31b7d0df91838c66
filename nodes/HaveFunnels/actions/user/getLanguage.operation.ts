import { userId } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'user', operation: 'getLanguage', name: 'Get Language', action: 'Get the language of a user', fn: 'get-user-language',
	// false when the language is English or unknown
	fields: [userId('The ID of the user; the language is the one of their browser unless set')], output: { value: 'language' },
});
