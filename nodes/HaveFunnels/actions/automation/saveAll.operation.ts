import { collection, json } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'automation', operation: 'saveAll', name: 'Save All', action: 'Save all automations', fn: 'automations-save', output: 'done',
	fields: [
		json('automations', 'automations', 'Automations', 'All the automations by type, such as {"emails": [...], "sms": [...], "messages": [], "popups": [], "design": []}', '{}', { required: true }),
		collection('options', 'Options', [json('translations', 'translations', 'Translations', 'The translated automations by language code')]),
	],
});
