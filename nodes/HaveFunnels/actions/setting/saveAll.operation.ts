import { collection, json } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'setting', operation: 'saveAll', name: 'Save All', action: 'Save all settings', fn: 'save-settings', output: 'done',
	fields: [
		json('settings', 'settings', 'Settings', 'All the settings as one object, such as {"rtl": [false, "checkbox"], ...}', '{}', { required: true }),
		collection('options', 'Options', [
			json('externalSettings', 'external_settings', 'External Settings', 'Settings saved to a dedicated row of the settings table'),
			json('externalSettingsTranslations', 'external_settings_translations', 'External Settings Translations', 'Translations of the external settings'),
		]),
	],
});
