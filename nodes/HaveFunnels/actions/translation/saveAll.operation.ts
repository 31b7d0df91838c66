import { json } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'translation', operation: 'saveAll', name: 'Save All', action: 'Save all translations', fn: 'save-translations', output: 'done',
	fields: [json('translations', 'translations', 'Translations', 'All the translations by language code, as the API function get-translations returns them; a backup is made first', '{}', { required: true })],
});
