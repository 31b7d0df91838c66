/** Automation operations against the stand-in. */
import { itSendsAndReturns, useStandIn } from '../helpers';

const ctx = useStandIn();

const clientSide = '{"id":"a1","conditions":[["user_type","is-user"]],"message":"Hi"}';
const expired = '{"id":"a2","conditions":[["datetime","is-exactly","01/01/2020"]],"message":"Hi"}';

itSendsAndReturns(ctx, 'automation', [
	{
		title: 'get many: one item per automation with its type',
		operation: 'getAll',
		params: { returnAll: true },
		fn: 'automations-get',
		form: [['function', 'automations-get']],
		check: (json) => expect(json.map((a) => [a.type, a.id])).toEqual([['emails', '0BOaG'], ['sms', 'vo2sY'], ['messages', 'y6hNE'], ['popups', 'ckN24']]),
	},
	{
		title: 'get many with a limit',
		operation: 'getAll',
		params: { returnAll: false, limit: 1 },
		fn: 'automations-get',
		form: [['function', 'automations-get']],
		check: (json) => expect(json).toEqual([expect.objectContaining({ type: 'emails', id: '0BOaG', subject: 'Welcome' })]),
	},
	{
		title: 'validate: valid, with client-side conditions left',
		operation: 'validate',
		params: { automation: clientSide },
		fn: 'automations-validate',
		form: [['function', 'automations-validate'], ['automation', clientSide]],
		check: (json) => expect(json).toEqual([{ valid: true, executable: false, conditions: [['user_type', 'is-user']], repeat_id: '' }]),
	},
	{
		title: 'validate: invalid (false) gives valid false',
		operation: 'validate',
		params: { automation: expired },
		fn: 'automations-validate',
		form: [['function', 'automations-validate'], ['automation', expired]],
		check: (json) => expect(json).toEqual([{ valid: false, executable: false }]),
	},
	{
		title: 'run with validation',
		operation: 'run',
		params: { automation: '{"id": "a3", "conditions": []}', validate: true },
		fn: 'automations-run',
		form: [['function', 'automations-run'], ['automation', '{"id":"a3","conditions":[]}'], ['validate', 'true']],
		check: (json, hf) => {
			expect(json).toEqual([{ success: true }]);
			expect(hf.state.ext.automationRuns).toContainEqual({ id: 'a3', type: null });
		},
	},
	{
		title: 'run with validation of an invalid automation gives success false',
		operation: 'run',
		params: { automation: expired, validate: true },
		fn: 'automations-run',
		form: [['function', 'automations-run'], ['automation', expired], ['validate', 'true']],
		check: (json) => expect(json).toEqual([{ success: false }]),
	},
	{
		title: 'run all gives the automations left to the browser',
		operation: 'runAll',
		fn: 'automations-run-all',
		form: [['function', 'automations-run-all']],
		check: (json, hf) => {
			expect(json.map((a) => [a.type, a.id])).toEqual([['emails', '0BOaG'], ['sms', 'vo2sY'], ['popups', 'ckN24']]);
			expect(hf.state.ext.automationRuns).toContainEqual({ id: 'y6hNE', type: 'messages' });
		},
	},
	{
		title: 'save all sends the automations and translations as JSON strings',
		operation: 'saveAll',
		params: { automations: '{"emails": [], "sms": [], "messages": [], "popups": [], "design": []}', options: { translations: '{}' } },
		fn: 'automations-save',
		form: [['function', 'automations-save'], ['automations', '{"emails":[],"sms":[],"messages":[],"popups":[],"design":[]}'], ['translations', '{}']],
		check: (json, hf) => {
			expect(json).toEqual([{ success: true }]);
			expect(hf.state.ext.automations.emails).toEqual([]);
		},
	},
]);
