/** User operations of issue 15 against the stand-in. */
import { itSendsAndReturns, useStandIn } from '../helpers';

const ctx = useStandIn();

itSendsAndReturns(ctx, 'user', [
	{
		title: 'get language gives the language code of the user',
		operation: 'getLanguage',
		setup: (hf) => {
			hf.state.setExtra(hf.state.user(4), { language: ['es', 'Language'] });
		},
		params: { userId: '4' },
		fn: 'get-user-language',
		form: [['function', 'get-user-language'], ['user_id', '4']],
		check: (json) => expect(json).toEqual([{ language: 'es' }]),
	},
	{
		title: 'get language of an English or unknown user gives false',
		operation: 'getLanguage',
		params: { userId: '999' },
		fn: 'get-user-language',
		form: [['function', 'get-user-language'], ['user_id', '999']],
		check: (json) => expect(json).toEqual([{ language: false }]),
	},
	{
		title: 'get many with details sends the details as a JSON array, one item per user and detail',
		operation: 'getAllWithDetails',
		params: { details: ['phone', 'email'], options: { userIds: '4' }, returnAll: true },
		fn: 'get-users-with-details',
		form: [['function', 'get-users-with-details'], ['details', '["phone","email"]'], ['user_ids', '4']],
		check: (json) =>
			expect(json).toEqual([
				{ detail: 'phone', id: 4, value: '+44123456' },
				{ detail: 'email', id: 4, value: 'john@example.com' },
			]),
	},
	{
		title: 'get many with details with a limit',
		operation: 'getAllWithDetails',
		params: { details: ['email'], returnAll: false, limit: 2 },
		fn: 'get-users-with-details',
		form: [['function', 'get-users-with-details'], ['details', '["email"]']],
		check: (json) => expect(json.map((row) => row.detail)).toEqual(['email', 'email']),
	},
	{
		title: 'are agents online',
		operation: 'areAgentsOnline',
		setup: (hf) => {
			hf.setOnline(1);
		},
		fn: 'agents-online',
		form: [['function', 'agents-online']],
		check: (json) => expect(json).toEqual([{ online: true }]),
	},
	{
		title: 'generate avatar gives the URL of the image',
		operation: 'generateAvatar',
		params: { firstName: 'Ann', lastName: 'Lee' },
		fn: 'get-avatar',
		form: [['function', 'get-avatar'], ['first_name', 'Ann'], ['last_name', 'Lee']],
		check: (json) => {
			expect(json).toHaveLength(1);
			expect(String(json[0].url)).toMatch(/\/uploads\/\d\d-\d\d-\d\d\/\d+\.png$/);
		},
	},
	{
		title: 'get bot ID',
		operation: 'getBotId',
		fn: 'get-bot-id',
		form: [['function', 'get-bot-id']],
		check: (json) => expect(json).toEqual([{ id: 3 }]),
	},
	{
		title: 'export to CSV gives the URL of the file',
		operation: 'exportCsv',
		fn: 'csv-users',
		form: [['function', 'csv-users']],
		check: (json, hf) => {
			expect(json).toEqual([{ url: `${hf.installationUrl}/uploads/users.csv` }]);
			expect(hf.state.transcripts.get('users.csv')).toContain('john@example.com');
		},
	},
	{
		title: 'delete all leads',
		operation: 'deleteLeads',
		fn: 'delete-leads',
		form: [['function', 'delete-leads']],
		check: (json, hf) => {
			expect(json).toEqual([{ success: true }]);
			expect(hf.state.user(4)).toBeNull();
			expect(hf.state.user(2)).not.toBeNull();
		},
	},
]);
