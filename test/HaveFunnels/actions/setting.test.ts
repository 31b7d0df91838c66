/** Setting and Saved Reply operations against the stand-in. */
import { itSendsAndReturns, useStandIn } from '../helpers';

const ctx = useStandIn();

itSendsAndReturns(ctx, 'setting', [
	{
		title: 'get a setting that is a group of options',
		operation: 'get',
		params: { setting: 'email-server' },
		fn: 'get-setting',
		form: [['function', 'get-setting'], ['setting', 'email-server']],
		check: (json) => expect(json).toEqual([{ 'email-server-host': 'smtp.example.com', 'email-server-port': '587', 'email-server-from': 'support@example.com' }]),
	},
	{
		title: 'get a single-value setting, false too',
		operation: 'get',
		params: { setting: 'rtl' },
		fn: 'get-setting',
		form: [['function', 'get-setting'], ['setting', 'rtl']],
		check: (json) => expect(json).toEqual([{ value: false }]),
	},
	{
		title: 'get many: one item per setting, with a limit',
		operation: 'getAll',
		params: { returnAll: false, limit: 2 },
		fn: 'get-settings',
		form: [['function', 'get-settings']],
		check: (json) =>
			expect(json).toEqual([
				{ id: 'chat-manual-init', value: false, type: 'checkbox' },
				{ id: 'chat-login-init', value: false, type: 'checkbox' },
			]),
	},
	{
		title: 'get versions',
		operation: 'getVersions',
		fn: 'get-versions',
		form: [['function', 'get-versions']],
		check: (json) => expect(json).toEqual([{ sb: '3.7.6', dialogflow: '1.3.4', slack: '1.2.1' }]),
	},
	{
		title: 'save all sends the settings as JSON strings',
		operation: 'saveAll',
		params: { settings: '{"rtl": [true, "checkbox"]}', options: { externalSettings: { 'chat-id': 7 } } },
		fn: 'save-settings',
		form: [['function', 'save-settings'], ['settings', '{"rtl":[true,"checkbox"]}'], ['external_settings', '{"chat-id":7}']],
		check: (json, hf) => {
			expect(json).toEqual([{ success: true }]);
			expect(hf.state.ext.settings).toEqual({ rtl: [true, 'checkbox'] });
		},
	},
]);

itSendsAndReturns(ctx, 'savedReply', [
	{
		title: 'get many, all',
		operation: 'getAll',
		params: { returnAll: true },
		fn: 'saved-replies',
		form: [['function', 'saved-replies']],
		check: (json) => expect(json.map((r) => r['reply-name'])).toEqual(['hello', 'email']),
	},
	{
		title: 'get many with a limit',
		operation: 'getAll',
		params: { returnAll: false, limit: 1 },
		fn: 'saved-replies',
		form: [['function', 'saved-replies']],
		check: (json) => expect(json).toEqual([{ 'reply-name': 'hello', 'reply-text': 'Hello! How can I help?' }]),
	},
]);
