/**
 * Contract tests of the HaveFunnels stand-in for the functions that issue 15 made first-class: one
 * test per function with the API page's sample request and answer (fixtures/doc-samples-more.json),
 * and the errors the page documents for them (dialogflow-not-active, slack-not-active, OpenAI's
 * [false, message], the `false` answers), plus the missing-argument error of api.php.
 */
import { createHaveFunnelsStandIn, FUNCTIONS } from './havefunnels';
import type { HaveFunnelsStandIn } from './havefunnels';
import DOC_SAMPLES from './havefunnels/fixtures/doc-samples-more.json';

interface Sample {
	setup?: Array<Record<string, string>>;
	request: Record<string, string>;
	body?: { success: boolean; response: unknown };
	response?: unknown;
	exact?: boolean;
}

interface Answer {
	status: number;
	contentType: string;
	json: { success?: boolean; response?: unknown; status?: string; message?: string };
}

const SAMPLES = DOC_SAMPLES as unknown as Record<string, Sample>;
const NAMES = Object.keys(SAMPLES).filter((name) => !name.startsWith('_'));

let hf: HaveFunnelsStandIn;

beforeEach(async () => {
	hf = await createHaveFunnelsStandIn({ seedCustomers: true }).start(); // the stand-in's own test token
});

afterEach(async () => {
	await hf.stop();
});

/** Calls a function like the vendor's PHP sample: token + function + arguments, form-encoded. */
async function api(fn: string, args: Record<string, string> = {}): Promise<Answer> {
	const form = new URLSearchParams({ token: hf.token, function: fn, ...args });
	const response = await fetch(`${hf.url}/script/include/api.php`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: form.toString(),
	});
	return { status: response.status, contentType: response.headers.get('content-type') ?? '', json: JSON.parse(await response.text()) };
}

function kind(v: unknown): string {
	if (v === null) return 'null';
	if (Array.isArray(v)) return 'array';
	return typeof v;
}

/** A sample array whose items differ in type, or are records with other keys, is a tuple
 * ([false, "checkbox"], [automations, translations]): compared item by item. */
function isTuple(sample: unknown[]): boolean {
	if (sample.length < 2) return false;
	if (new Set(sample.map(kind)).size > 1) return true;
	const keys = sample.map((item) => (kind(item) === 'object' ? Object.keys(item as object).sort().join() : ''));
	return new Set(keys).size > 1;
}

/** As in havefunnels.contract.test.ts: every key of the sample is in the actual value with the
 * same JSON type; list items are compared with the sample's first item (tuples item by item). */
function expectShape(actual: unknown, sample: unknown, where = 'response'): void {
	if (sample === null) {
		expect([where, ['null', 'string'].includes(kind(actual))]).toEqual([where, true]);
		return;
	}
	expect([where, kind(actual)]).toEqual([where, kind(sample)]);
	if (Array.isArray(sample)) {
		const list = actual as unknown[];
		if (isTuple(sample)) {
			expect([where, list.length]).toEqual([where, sample.length]);
			sample.forEach((item, i) => expectShape(list[i], item, `${where}[${i}]`));
			return;
		}
		if (where === 'response' && sample.length) expect([where, list.length > 0]).toEqual([where, true]);
		if (sample.length) list.forEach((item, i) => expectShape(item, sample[0], `${where}[${i}]`));
		return;
	}
	if (kind(sample) !== 'object') return;
	const record = actual as Record<string, unknown>;
	for (const [key, value] of Object.entries(sample as Record<string, unknown>)) {
		expect([`${where}.${key}`, key in record]).toEqual([`${where}.${key}`, true]);
		expectShape(record[key], value, `${where}.${key}`);
	}
}

describe('documented sample requests and responses (issue 15)', () => {
	it('has a sample for every function the stand-in adds for issue 15', () => {
		expect(NAMES.filter((name) => !FUNCTIONS[name])).toEqual([]);
	});

	it.each(NAMES)('%s answers the documented shape', async (name) => {
		const sample = SAMPLES[name];
		for (const step of sample.setup ?? []) {
			const { function: fn, ...args } = step;
			expect((await api(fn, args)).json.success).toBe(true);
		}
		const answer = await api(name, sample.request);
		expect(answer.status).toBe(200);
		expect(answer.contentType).toContain('text/html');
		expect(answer.json.success).toBe(true);
		const expected = sample.body ? sample.body.response : sample.response;
		if (sample.body) expect(Object.keys(answer.json).sort()).toEqual(Object.keys(sample.body).sort());
		if (sample.exact) expect(answer.json.response).toEqual(expected);
		else expectShape(answer.json.response, expected);
		const recorded = hf.calls(name).pop();
		expect(recorded?.form?.fields).toEqual({ token: hf.token, function: name, ...sample.request });
	});
});

describe('documented errors (issue 15)', () => {
	const withRequired = NAMES.filter((name) => FUNCTIONS[name].required.length > 0);

	it.each(withRequired)('%s without its required arguments is an API error', async (name) => {
		const answer = await api(name);
		expect(answer.status).toBe(400);
		expect(answer.json).toMatchObject({ status: 'error', response: 'missing-argument' });
		expect(answer.json.message).toContain(FUNCTIONS[name].required[0]);
	});

	it.each(NAMES.filter((name) => name.startsWith('dialogflow-')))('%s: dialogflow-not-active when the app is off', async (name) => {
		hf.state.apps = { dialogflow: false };
		const answer = await api(name, SAMPLES[name].request);
		expect([answer.status, answer.json]).toEqual([200, { success: false, response: 'dialogflow-not-active' }]);
	});

	it.each(['send-slack-message', 'archive-slack-channels', 'slack-users', 'slack-presence', 'slack-channels'])(
		'%s: slack-not-active when the app is off',
		async (name) => {
			hf.state.apps = { slack: false };
			const answer = await api(name, SAMPLES[name].request);
			expect([answer.status, answer.json]).toEqual([200, { success: false, response: 'slack-not-active' }]);
		},
	);

	it('open-ai-message answers [false, "<error message>"] on an error', async () => {
		hf.state.apps = { openai: false };
		const answer = await api('open-ai-message', { message: 'Hi' });
		expect(answer.json.success).toBe(true);
		expect(answer.json.response).toEqual([false, expect.stringContaining('OpenAI')]);
	});

	it('the documented false answers', async () => {
		// get-user-language: false when the language is en or unknown
		expect((await api('get-user-language', { user_id: '4' })).json.response).toBe(false);
		// is-agent-typing: false when no agent is typing; a typing customer is not an agent
		await api('set-typing', { user_id: '4', conversation_id: '1' });
		expect((await api('is-typing', { user_id: '4', conversation_id: '1' })).json.response).toBe(true);
		expect((await api('is-agent-typing', { conversation_id: '1' })).json.response).toBe(false);
		// automations-validate: false when the automation is invalid
		const expired = JSON.stringify({ id: 'x', conditions: [['datetime', 'is-exactly', '01/01/2020']] });
		expect((await api('automations-validate', { automation: expired })).json.response).toBe(false);
		// get-translation of a language there is none of, reports of a name not listed
		expect((await api('get-translation', { language_code: 'xx' })).json.response).toBe(false);
		expect((await api('reports', { name: 'no-such-report' })).json.response).toBe(false);
		// slack-presence: offline for an agent not linked to a Slack member
		expect((await api('slack-presence', { agent_id: '1' })).json.response).toBe('offline');
	});
});

describe('effects of the functions (issue 15)', () => {
	it('save-settings / get-setting / get-settings round-trip', async () => {
		await api('save-settings', { settings: JSON.stringify({ rtl: [true, 'checkbox'], 'chat-manual-init': [false, 'checkbox'] }) });
		expect((await api('get-setting', { setting: 'rtl' })).json.response).toBe(true);
		expect((await api('get-settings')).json.response).toEqual({ rtl: [true, 'checkbox'], 'chat-manual-init': [false, 'checkbox'] });
	});

	it('save-articles replaces the articles; save-articles-categories the categories', async () => {
		await api('save-articles', { articles: JSON.stringify([{ id: 'n1', title: 'New', content: 'Text', link: '', categories: ['c1'] }]) });
		await api('save-articles-categories', { categories: JSON.stringify([{ id: 'c1', title: 'One' }]) });
		expect((await api('get-articles', { categories: 'true' })).json.response).toEqual([
			[{ id: 'n1', title: 'New', content: 'Text', link: '', categories: ['c1'] }],
			[{ id: 'c1', title: 'One' }],
		]);
	});

	it('article-ratings with a rating adds it and answers true', async () => {
		expect((await api('article-ratings', { article_id: 'b7Hn2' })).json.response).toBe(false);
		expect((await api('article-ratings', { article_id: 'b7Hn2', rating: '1' })).json.response).toBe(true);
		expect((await api('article-ratings', { article_id: 'b7Hn2' })).json.response).toBe('[1]');
	});

	it('delete-leads deletes the leads with their conversations, not other users', async () => {
		await api('delete-leads');
		expect((await api('get-user', { user_id: '4' })).json.response).toBe(false);
		expect((await api('get-conversation', { conversation_id: '1' })).json.response).toEqual({ messages: [], details: '' });
		expect((await api('get-user', { user_id: '2' })).json.response).toMatchObject({ id: '2' });
	});

	it('csv-users and get-avatar answer URLs the installation serves', async () => {
		const csv = (await api('csv-users')).json.response as string;
		expect(csv).toBe(`${hf.url}/script/uploads/users.csv`);
		expect(await (await fetch(csv)).text()).toContain('john@example.com');
		const avatar = (await api('get-avatar', { first_name: 'Ann', last_name: 'Lee' })).json.response as string;
		expect((await fetch(avatar)).status).toBe(200);
	});

	it('automations-save then automations-get answers what was saved', async () => {
		const automations = { emails: [], sms: [], messages: [{ id: 'm1', conditions: [], name: 'Hi', message: 'Hello' }], popups: [], design: [] };
		await api('automations-save', { automations: JSON.stringify(automations), translations: JSON.stringify({ it: { messages: [] } }) });
		expect((await api('automations-get')).json.response).toEqual([automations, { it: { messages: [] } }]);
	});

	it('dialogflow-message adds the bot answer to the conversation', async () => {
		await api('dialogflow-message', { conversation_id: '1', message: 'Hello' });
		const messages = (await api('get-conversation', { conversation_id: '1' })).json.response as { messages: Array<{ message: string; user_type: string }> };
		expect(messages.messages.pop()).toMatchObject({ message: 'Hi! How are you doing?', user_type: 'bot' });
	});

	it('dialogflow-create-intent makes an intent that dialogflow-message then matches', async () => {
		await api('dialogflow-create-intent', { expressions: JSON.stringify(['Where is my order?']), response: 'Let me check' });
		const answer = (await api('dialogflow-message', { conversation_id: '1', message: 'Where is my order?' })).json.response as { messages: unknown[] };
		expect(answer.messages).toEqual([{ message: 'Let me check', attachments: [] }]);
	});

	it('google-language-detection-update-user sets the language get-user-language answers', async () => {
		await api('google-language-detection-update-user', { string: 'Ciao, grazie mille', user_id: '4' });
		expect((await api('get-user-language', { user_id: '4' })).json.response).toBe('it');
	});

	it('reports counts the rows reports-update added, by month', async () => {
		await api('reports-update', { name: 'direct-emails', value: '1' });
		await api('reports-update', { name: 'direct-emails', value: '1' });
		const report = (await api('reports', { name: 'direct-emails' })).json.response as { data: Record<string, number[]> };
		expect(Object.values(report.data)).toEqual([[2]]);
	});
});
