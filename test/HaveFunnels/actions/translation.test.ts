/** Translation and Report operations against the stand-in. */
import { itSendsAndReturns, useStandIn } from '../helpers';

const ctx = useStandIn();

itSendsAndReturns(ctx, 'translation', [
	{
		title: 'get the translations of a language',
		operation: 'get',
		params: { languageCode: 'es' },
		fn: 'get-translation',
		form: [['function', 'get-translation'], ['language_code', 'es']],
		check: (json) => expect(json).toEqual([{ name: 'Spanish', front: { All: 'Todos', 'All articles': 'Todos los artículos' }, admin: { Activate: 'Activar' } }]),
	},
	{
		title: 'get many: one item per language',
		operation: 'getAll',
		params: { returnAll: true },
		fn: 'get-translations',
		form: [['function', 'get-translations']],
		check: (json) => expect(json.map((l) => [l.code, l.name])).toEqual([['ar', 'Arabic'], ['da', 'Danish'], ['es', 'Spanish'], ['it', 'Italian']]),
	},
	{
		title: 'translate sends the texts as a JSON array, one item per text, without the Google token',
		operation: 'translate',
		params: { strings: ['Hello world', 'How are you?'], languageCode: 'it' },
		fn: 'google-translate',
		form: [['function', 'google-translate'], ['strings', '["Hello world","How are you?"]'], ['language_code', 'it']],
		check: (json) =>
			expect(json).toEqual([
				{ translatedText: 'Ciao mondo', detectedSourceLanguage: 'en' },
				{ translatedText: 'Come stai?', detectedSourceLanguage: 'en' },
			]),
	},
	{
		title: 'detect user language',
		operation: 'detectUserLanguage',
		params: { text: 'Hola, gracias', userId: '4' },
		fn: 'google-language-detection-update-user',
		form: [['function', 'google-language-detection-update-user'], ['string', 'Hola, gracias'], ['user_id', '4']],
		check: (json, hf) => {
			expect(json).toEqual([{ success: true }]);
			expect(hf.state.user(4).extra.get('language').value).toBe('es');
		},
	},
	{
		title: 'save all',
		operation: 'saveAll',
		params: { translations: '{"de": {"name": "German", "front": {"All": "Alle"}, "admin": {}}}' },
		fn: 'save-translations',
		form: [['function', 'save-translations'], ['translations', '{"de":{"name":"German","front":{"All":"Alle"},"admin":{}}}']],
		check: (json, hf) => {
			expect(json).toEqual([{ success: true }]);
			expect(Object.keys(hf.state.ext.translations)).toEqual(['de']);
		},
	},
]);

itSendsAndReturns(ctx, 'report', [
	{
		title: 'get a report with dates and timezone',
		operation: 'get',
		params: { name: 'conversations', options: { dateStart: '2000-01-01', timezone: 'Europe/London' } },
		fn: 'reports',
		form: [['function', 'reports'], ['name', 'conversations'], ['date_start', '2000-01-01'], ['timezone', 'Europe/London']],
		check: (json) => {
			expect(json).toHaveLength(1);
			expect(json[0]).toMatchObject({ title: 'Conversations count', table: ['Date', 'Count'], chart_type: 'line' });
			expect(Object.values(json[0].data as object)).toEqual([[1]]);
		},
	},
	{
		title: 'add a row',
		operation: 'addRow',
		params: { name: 'direct-sms', additionalFields: { value: '5', externalId: 'ext-1' } },
		fn: 'reports-update',
		form: [['function', 'reports-update'], ['name', 'direct-sms'], ['value', '5'], ['external_id', 'ext-1']],
		check: (json, hf) => {
			expect(json).toEqual([{ success: true }]);
			expect(hf.state.ext.reportRows).toEqual([expect.objectContaining({ name: 'direct-sms', value: '5', external_id: 'ext-1' })]);
		},
	},
]);
