import type { IDataObject } from 'n8n-workflow';

import { text, textList } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'translation', operation: 'translate', name: 'Translate', action: 'Translate texts with Google', fn: 'google-translate',
	fields: [
		textList('strings', 'strings', 'Strings', 'The texts to translate', { required: true }),
		text('languageCode', 'language_code', 'Language Code', 'The two-letter code of the language to translate into, such as it', { required: true }),
	],
	// [[{"translatedText", "detectedSourceLanguage"}, ...], "<Google access token>"]: one item per text, without the token
	output: (response) => {
		const list = Array.isArray(response) && Array.isArray(response[0]) ? (response[0] as unknown[]) : [];
		return list.map((entry) => (entry && typeof entry === 'object' ? (entry as IDataObject) : { translatedText: entry as string }));
	},
});
