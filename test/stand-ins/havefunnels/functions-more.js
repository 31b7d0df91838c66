'use strict';
// The rest of the Web API functions of the HaveFunnels stand-in (issue 15): settings, saved replies,
// article saving and ratings, automations, translations, reports, typing, text formatting, leads,
// avatars, CSV export, and the Dialogflow, OpenAI, Google and Slack apps. They register into the
// same FUNCTIONS table as functions.js. Answers follow the samples of the API page; where the page
// is silent, Support Board's behaviour, said so in a comment. The apps can be switched off per test:
// `hf.state.apps.slack = false` makes the Slack functions answer success:false "slack-not-active".
const crypto = require('crypto');
const { FUNCTIONS, ValidationError, jsonArg, boolArg } = require('./functions');
const { AGENT_TYPES, formatTime } = require('./state');
const { phpAssoc } = require('./php');

function fn(name, required, run) {
	FUNCTIONS[name] = { required, run: (ctx) => run({ ...ctx, ext: ext(ctx.state) }) };
}

function has(args, name) {
	return Object.prototype.hasOwnProperty.call(args, name);
}

function strArg(args, name, def = '') {
	return has(args, name) && args[name] !== undefined ? String(args[name]) : def;
}

/** An optional argument: '' / 'false' mean "not set" (the page's Default: false). */
function optArg(args, name) {
	const s = strArg(args, name, '');
	return s === '' || s === 'false' ? null : s;
}

/** A Google access token, as the Dialogflow and Google functions hand out (valid 1 hour). */
function googleToken() {
	return `ya29.${crypto.randomBytes(24).toString('base64url')}`;
}

/** A channel as Slack's conversations.list prints it (the page's sample). */
function slackChannel(id, name, topic) {
	return {
		id,
		name,
		is_channel: true,
		is_group: false,
		is_im: false,
		created: 1449252889,
		creator: 'U012A3CDE',
		is_archived: false,
		is_general: name === 'general',
		unlinked: 0,
		name_normalized: name,
		is_shared: false,
		is_ext_shared: false,
		is_org_shared: false,
		pending_shared: [],
		is_pending_ext_shared: false,
		is_member: true,
		is_private: false,
		is_mpim: false,
		updated: 1678229664302,
		topic: { value: topic, creator: '', last_set: 0 },
		purpose: { value: `The #${name} channel.`, creator: '', last_set: 0 },
		previous_names: [],
		num_members: 4,
	};
}

/** Data of these functions, kept next to the state (created on first use). */
function ext(state) {
	if (state.ext) return state.ext;
	state.apps = state.apps || { dialogflow: true, slack: true, openai: true };
	state.ext = {
		settings: {
			'chat-manual-init': [false, 'checkbox'],
			'chat-login-init': [false, 'checkbox'],
			'init-dashboard': [true, 'checkbox'],
			'chat-timetable-disable': [false, 'checkbox'],
			rtl: [false, 'checkbox'],
			'front-auto-translations': [true, 'checkbox'],
			'email-server': [{ 'email-server-host': 'smtp.example.com', 'email-server-port': '587', 'email-server-from': 'support@example.com' }, 'multi-input'],
		},
		externalSettings: {},
		articleTranslations: {},
		ratings: new Map(), // article id -> [1, -1, ...]
		typing: new Map(), // conversation id -> user id
		automations: {
			emails: [
				{
					id: '0BOaG',
					conditions: [['datetime', 'is-between', '10/04/2021 - 13/04/2031'], ['include_urls', 'contains', 'https://example.com']],
					name: 'Welcome email',
					message: 'Thanks for writing to us.',
					subject: 'Welcome',
				},
			],
			sms: [{ id: 'vo2sY', conditions: [['user_type', 'is-user']], name: 'Follow-up SMS', message: 'Did we solve your problem?' }],
			messages: [{ id: 'y6hNE', conditions: [], name: 'Greeting', message: 'Hello! Ask us anything.' }],
			popups: [
				{
					id: 'ckN24',
					conditions: [['user_type', 'is-user'], ['languages', 'en']],
					name: 'Offer',
					message: 'Ask us about the spring offer',
					title: 'Spring offer',
					profile_image: 'https://example.com/image.jpg',
				},
			],
			design: [],
		},
		automationTranslations: { fr: { messages: [{ id: 'y6hNE', name: 'Bienvenue', message: 'Bienvenue !' }] } },
		automationRuns: [],
		translations: {
			ar: { name: 'Arabic', front: { All: 'الكل', 'All articles': 'جميع المقالات' }, admin: { Activate: '' } },
			da: { name: 'Danish', front: { All: 'Alle', 'All articles': 'Alle artikler' }, admin: { Activate: '' } },
			es: { name: 'Spanish', front: { All: 'Todos', 'All articles': 'Todos los artículos' }, admin: { Activate: 'Activar' } },
			it: { name: 'Italian', front: { All: 'Tutti', 'All articles': 'Tutti gli articoli' }, admin: { Activate: 'Attiva' } },
		},
		reportRows: [],
		intents: [
			{
				name: 'projects/example/agent/intents/1655ee2c-8116-45f1-95fu-93700ff32e8d',
				displayName: 'Default Welcome Intent',
				priority: 500000,
				mlEnabled: true,
				events: ['WELCOME'],
				trainingPhrases: [
					{ name: '43ca0e72-6055-4b88-af13-b0d241', type: 'EXAMPLE', parts: [{ text: 'just going to say hi' }] },
					{ name: '5159aabc-8524-404f-b679-f2228db1', type: 'EXAMPLE', parts: [{ text: 'Hello' }] },
				],
				action: 'input.welcome',
				messages: [{ text: { text: ['Hi! How are you doing?'] } }],
			},
		],
		entities: [
			{
				name: 'projects/example/agent/entityTypes/t5td1425-2k13-16cc-a7bb-f119b8d94112a',
				displayName: 'opencart-products',
				kind: 'KIND_MAP',
				autoExpansionMode: 'AUTO_EXPANSION_MODE_DEFAULT',
				entities: [{ value: 'Cashmere Carpenter Beanie', synonyms: ['Cashmere Carpenter Beanie', 'Beanie'] }],
				enableFuzzyExtraction: true,
			},
		],
		contexts: [],
		dialogflowQueries: [],
		openAiCalls: [],
		slackMessages: [],
		slackMembers: [
			{ id: 'U328T701Z', name: 'John Doe' },
			{ id: 'UR5F0GK7T', name: 'Jane Doe' },
		],
		slackOnline: ['U328T701Z'],
		slackChannels: [
			slackChannel('C012AB3CD', 'general', 'Company-wide announcements and work-based matters'),
			slackChannel('C061EG9T2', 'random', 'Non-work banter and water cooler conversation'),
		],
	};
	return state.ext;
}

function appOff(state, app) {
	return state.apps && state.apps[app] === false;
}

// ---------- Users ----------

fn('get-user-language', ['user_id'], ({ state, args }) => {
	// "Returns false if the language code is en or not found."
	const u = state.user(args.user_id);
	const code = u && (u.extra.get('language')?.value || u.extra.get('browser_language')?.value);
	return code && code !== 'en' ? code : false;
});

fn('get-avatar', ['first_name'], ({ args, installationUrl, state }) => {
	const day = formatTime(state.time()).slice(2, 10).split('-').reverse().join('-');
	const file = `${crypto.randomInt(1000000, 9999999)}.png`;
	const initials = `${strArg(args, 'first_name').charAt(0)}${strArg(args, 'last_name').charAt(0)}`.toUpperCase();
	state.transcripts.set(`${day}/${file}`, initials); // served under /uploads/
	return `${installationUrl}/uploads/${day}/${file}`;
});

fn('is-typing', ['user_id', 'conversation_id'], ({ args, ext: x }) => x.typing.get(String(args.conversation_id)) === String(args.user_id));

fn('is-agent-typing', ['conversation_id'], ({ state, args, ext: x }) => {
	const u = state.user(x.typing.get(String(args.conversation_id)));
	return u && AGENT_TYPES.includes(u.user_type) ? { id: String(u.id), first_name: u.first_name, last_name: u.last_name } : false;
});

fn('set-typing', ['user_id', 'conversation_id'], ({ args, ext: x }) => {
	// Support Board: a conversation_id of -1 clears the typing status of the user.
	if (String(args.conversation_id) === '-1') {
		for (const [c, u] of x.typing) if (u === String(args.user_id)) x.typing.delete(c);
	} else x.typing.set(String(args.conversation_id), String(args.user_id));
	return true;
});

fn('delete-leads', [], ({ state }) => {
	for (const u of [...state.users.values()]) if (u.user_type === 'lead') state.deleteUser(u.id);
	return true;
});

fn('csv-users', [], ({ state, installationUrl }) => {
	const quote = (v) => `"${String(v ?? '').replace(/"/g, '""')}"`;
	const rows = [...state.users.values()].map((u) => [u.id, u.first_name, u.last_name, u.email, u.user_type, formatTime(u.creation_time)].map(quote).join(','));
	state.transcripts.set('users.csv', ['ID,First name,Last name,Email,Type,Creation time', ...rows].join('\n'));
	return `${installationUrl}/uploads/users.csv`;
});

// ---------- Messages: text formatting ----------

const FORMATS = [
	[/\*([^*\n]+)\*/g, 'b'],
	[/__([^_\n]+)__/g, 'i'],
	[/_([^_\n]+)_/g, 'i'],
	[/~([^~\n]+)~/g, 'del'],
	[/`([^`\n]+)`/g, 'code'],
];

fn('text-formatting-to-html', ['message'], ({ args }) => FORMATS.reduce((text, [pattern, tag]) => text.replace(pattern, `<${tag}>$1</${tag}>`), String(args.message)));

fn('clear-text-formatting', ['message'], ({ args }) => FORMATS.reduce((text, [pattern]) => text.replace(pattern, '$1'), String(args.message)));

// ---------- Settings ----------

fn('get-setting', ['setting'], ({ args, ext: x }) => {
	const s = x.settings[String(args.setting)];
	return s ? s[0] : false;
});

fn('get-settings', [], ({ ext: x }) => x.settings);

fn('save-settings', ['settings'], ({ args, ext: x }) => {
	const settings = jsonArg(args, 'settings', null);
	// Support Board stops on a settings value that is not an array (json_decode failed).
	if (!settings || typeof settings !== 'object' || Array.isArray(settings)) return new ValidationError('invalid-settings');
	x.settings = settings;
	if (has(args, 'external_settings')) x.externalSettings = jsonArg(args, 'external_settings', {});
	if (has(args, 'external_settings_translations')) x.externalSettings.translations = jsonArg(args, 'external_settings_translations', {});
	return true;
});

// ---------- Articles ----------

fn('save-articles', ['articles'], ({ state, args, ext: x }) => {
	// The page shows {"articles": [...]}: the object and the bare array are both accepted.
	const raw = jsonArg(args, 'articles', null);
	const list = Array.isArray(raw) ? raw : raw && Array.isArray(raw.articles) ? raw.articles : null;
	if (!list) return new ValidationError('invalid-articles');
	state.articles = list.map((a) => ({
		id: String(a.id || crypto.randomBytes(4).toString('base64url').slice(0, 5)),
		title: String(a.title ?? ''),
		content: String(a.content ?? ''),
		link: String(a.link ?? ''),
		categories: Array.isArray(a.categories) ? a.categories.map(String) : [],
	}));
	if (has(args, 'translations')) x.articleTranslations = jsonArg(args, 'translations', {});
	return true;
});

fn('save-articles-categories', ['categories'], ({ state, args }) => {
	const list = jsonArg(args, 'categories', null);
	if (!Array.isArray(list)) return new ValidationError('invalid-categories');
	state.categories = list.map((c) => ({ id: String(c.id), title: String(c.title ?? '') }));
	return true;
});

fn('article-ratings', ['article_id'], ({ args, ext: x }) => {
	const id = String(args.article_id);
	const rating = optArg(args, 'rating');
	if (rating !== null) {
		x.ratings.set(id, [...(x.ratings.get(id) || []), Number(rating) === 1 ? 1 : -1]);
		return true;
	}
	// The page's sample: the ratings as a JSON text, "[-1, 1, 1, -1]"; none yet: false.
	const list = x.ratings.get(id);
	return list ? JSON.stringify(list).replace(/,/g, ', ') : false;
});

// ---------- Automations ----------

const CLIENT_SIDE = ['user_type', 'languages', 'include_urls', 'exclude_urls', 'cities', 'countries', 'returning_visitor', 'time_on_page', 'website'];

function parseDay(text) {
	const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(String(text).trim());
	return m ? Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1])) : NaN;
}

/** Support Board's automation check: false when a server-side condition fails, otherwise the
 * client-side conditions left for the browser. Only `datetime` is checked on the server here. */
function validateAutomation(state, automation) {
	if (!automation || typeof automation !== 'object' || Array.isArray(automation)) return false;
	const conditions = Array.isArray(automation.conditions) ? automation.conditions : [];
	const now = state.time();
	for (const [type, criteria, value] of conditions) {
		if (type !== 'datetime') continue;
		const [from, to] = String(value ?? '').split(' - ').map(parseDay);
		if (criteria === 'is-between' && !(now >= from && now < to + 86400000)) return false;
		if (criteria === 'is-exactly' && !(now >= from && now < from + 86400000)) return false;
	}
	return { conditions: conditions.filter(([type]) => CLIENT_SIDE.includes(type)), repeat_id: String(automation.repeat_id ?? '') };
}

fn('automations-get', [], ({ ext: x }) => [x.automations, phpAssoc(x.automationTranslations)]);

fn('automations-save', ['automations'], ({ args, ext: x }) => {
	const automations = jsonArg(args, 'automations', null);
	if (!automations || typeof automations !== 'object' || Array.isArray(automations)) return new ValidationError('invalid-automations');
	x.automations = automations;
	if (has(args, 'translations')) x.automationTranslations = jsonArg(args, 'translations', {});
	return true;
});

fn('automations-validate', ['automation'], ({ state, args }) => validateAutomation(state, jsonArg(args, 'automation', null)));

fn('automations-run-all', [], ({ state, ext: x }) => {
	const left = [];
	for (const [type, list] of Object.entries(x.automations)) {
		for (const automation of Array.isArray(list) ? list : []) {
			const check = validateAutomation(state, automation);
			if (!check) continue;
			if (check.conditions.length || type === 'popups' || type === 'design') left.push({ ...automation, type });
			else x.automationRuns.push({ id: automation.id, type });
		}
	}
	return left;
});

fn('automations-run', ['automation'], ({ state, args, ext: x }) => {
	const automation = jsonArg(args, 'automation', null);
	if (!automation || typeof automation !== 'object') return false;
	if (boolArg(args, 'validate')) {
		const check = validateAutomation(state, automation);
		if (!check || check.conditions.length) return false;
	}
	x.automationRuns.push({ id: automation.id ?? null, type: automation.type ?? null });
	return true;
});

// ---------- Translations ----------

fn('get-translation', ['language_code'], ({ args, ext: x }) => x.translations[String(args.language_code)] || false);

fn('get-translations', [], ({ ext: x }) => phpAssoc(x.translations));

fn('save-translations', ['translations'], ({ args, ext: x }) => {
	const translations = jsonArg(args, 'translations', null);
	if (!translations || typeof translations !== 'object' || Array.isArray(translations)) return new ValidationError('invalid-translations');
	x.translations = translations;
	return true;
});

const WORDS = { it: { 'hello world': 'Ciao mondo', 'how are you?': 'Come stai?' }, es: { 'hello world': 'Hola mundo', 'how are you?': '¿Cómo estás?' } };

fn('google-translate', ['strings', 'language_code'], ({ state, args }) => {
	const strings = jsonArg(args, 'strings', []);
	const code = String(args.language_code);
	const list = (Array.isArray(strings) ? strings : [strings]).map((s) => ({
		translatedText: WORDS[code]?.[String(s).toLowerCase()] ?? `[${code}] ${s}`,
		detectedSourceLanguage: 'en',
	}));
	return [list, googleToken()];
});

fn('google-language-detection-update-user', ['string', 'user_id'], ({ state, args }) => {
	const text = String(args.string).toLowerCase();
	const code = /\b(hola|gracias|dónde|estás)\b/.test(text) ? 'es' : /\b(ciao|grazie|dove)\b/.test(text) ? 'it' : 'en';
	const u = state.user(args.user_id);
	if (u) state.setExtra(u, { language: [code, 'Language'] });
	return true;
});

// ---------- Reports ----------

const REPORTS = {
	conversations: ['Conversations count', 'Count of new conversations started by users.'],
	'missed-conversations': ['Missed conversations', 'Conversations not answered by an agent.'],
	visitors: ['Visitors', 'Count of visitors.'],
	leads: ['Leads', 'Count of new leads.'],
	users: ['Users', 'Count of new registered users.'],
};
const REPORT_NAMES = [
	'conversations', 'missed-conversations', 'conversations-time', 'visitors', 'leads', 'users', 'agents-response-time',
	'agents-conversations', 'agents-conversations-time', 'agents-ratings', 'countries', 'languages', 'browsers', 'os', 'subscribe',
	'follow-up', 'registrations', 'articles-searches', 'articles-ratings', 'articles-views-single', 'articles-views', 'sms-automations',
	'email-automations', 'message-automations', 'direct-sms', 'direct-emails', 'direct-messages',
];

/** dd/mm/yyyy or yyyy-mm-dd -> epoch ms (UTC), or null. */
function reportDay(text) {
	if (!text) return null;
	const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
	if (iso) return Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]));
	const day = parseDay(text);
	return Number.isNaN(day) ? null : day;
}

fn('reports', ['name'], ({ state, args, ext: x }) => {
	const name = String(args.name);
	// Support Board answers false for a report it does not know.
	if (!REPORT_NAMES.includes(name)) return false;
	const start = reportDay(optArg(args, 'date_start'));
	const end = reportDay(optArg(args, 'date_end'));
	const inRange = (t) => (start === null || t >= start) && (end === null || t < end + 86400000);
	let times;
	if (name === 'conversations') times = [...state.conversations.values()].map((c) => c.creation_time);
	else if (['visitors', 'leads', 'users'].includes(name)) times = [...state.users.values()].filter((u) => `${u.user_type}s` === name).map((u) => u.creation_time);
	else times = x.reportRows.filter((r) => r.name === name).map((r) => r.time);
	const data = {};
	for (const t of times.filter(inRange).sort((a, b) => a - b)) {
		const d = formatTime(t);
		const month = `${d.slice(5, 7)}/${d.slice(0, 4)}`;
		data[month] = [(data[month]?.[0] ?? 0) + 1];
	}
	const [title, description] = REPORTS[name] || [name.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()), ''];
	return { title, description, data: phpAssoc(data), table: ['Date', 'Count'], 'table-inverse': true, label_type: 1, chart_type: 'line' };
});

fn('reports-update', ['name'], ({ state, args, ext: x }) => {
	x.reportRows.push({ name: String(args.name), value: optArg(args, 'value'), external_id: optArg(args, 'external_id'), extra: optArg(args, 'extra'), time: state.time() });
	return true;
});

// ---------- Dialogflow ----------

function dialogflow(name, required, run) {
	fn(name, required, (ctx) => (appOff(ctx.state, 'dialogflow') ? new ValidationError('dialogflow-not-active') : run(ctx)));
}

function detectIntent(x, text) {
	const q = String(text).trim().toLowerCase();
	return x.intents.find((i) => i.trainingPhrases.some((p) => p.parts.map((part) => part.text).join('').toLowerCase() === q)) || null;
}

function queryResult(x, text, language) {
	const intent = detectIntent(x, text);
	const answer = intent ? intent.messages[0]?.text?.text?.[0] ?? '' : '';
	return {
		queryText: String(text),
		action: intent ? intent.action || '' : 'input.unknown',
		parameters: [],
		allRequiredParamsPresent: true,
		fulfillmentText: answer,
		fulfillmentMessages: [{ text: { text: [answer] } }],
		intent: intent ? { name: intent.name, displayName: intent.displayName } : { name: '', displayName: 'Default Fallback Intent' },
		intentDetectionConfidence: intent ? 1 : 0,
		languageCode: language || 'en',
	};
}

dialogflow('dialogflow-message', ['conversation_id', 'message'], ({ state, args, ext: x }) => {
	const language = optArg(args, 'language');
	const result = queryResult(x, args.message, language);
	x.dialogflowQueries.push({ conversation_id: String(args.conversation_id), message: String(args.message), event: optArg(args, 'event'), parameters: jsonArg(args, 'parameters', null), attachments: jsonArg(args, 'attachments', []) });
	const messages = result.fulfillmentText ? [{ message: result.fulfillmentText, attachments: [] }] : [];
	const c = state.conversation(args.conversation_id);
	if (c && result.fulfillmentText) state.addMessage({ user_id: state.botId, conversation_id: c.id, message: result.fulfillmentText });
	return {
		token: googleToken(),
		messages,
		response: { responseId: crypto.randomUUID(), queryResult: result, alternativeQueryResults: [{ queryText: String(args.message), languageCode: result.languageCode }] },
	};
});

dialogflow('dialogflow-get-intents', [], ({ args, ext: x }) => {
	const name = optArg(args, 'intent_name');
	if (name === null) return x.intents;
	return x.intents.find((i) => i.name === name || i.displayName === name) || false;
});

function trainingPhrases(list) {
	return list.map((text) => ({ name: crypto.randomUUID(), type: 'EXAMPLE', parts: [{ text: String(text) }] }));
}

dialogflow('dialogflow-create-intent', ['expressions', 'response'], ({ args, ext: x }) => {
	const expressions = jsonArg(args, 'expressions', []);
	if (!Array.isArray(expressions) || !expressions.length) return new ValidationError('invalid-expressions');
	const displayName = String(expressions[0]).slice(0, 100);
	x.intents.push({
		name: `projects/example/agent/intents/${crypto.randomUUID()}`,
		displayName,
		priority: 500000,
		mlEnabled: true,
		trainingPhrases: trainingPhrases(expressions),
		messages: [{ text: { text: [String(args.response)] } }],
		language: optArg(args, 'agent_language') || 'en',
	});
	return true;
});

dialogflow('dialogflow-update-intent', ['intent_name', 'expressions'], ({ args, ext: x }) => {
	const intent = x.intents.find((i) => i.name === String(args.intent_name));
	const expressions = jsonArg(args, 'expressions', []);
	// Dialogflow answers an error object for an unknown intent; Support Board passes it on as false.
	if (!intent || !Array.isArray(expressions)) return false;
	intent.trainingPhrases = trainingPhrases(expressions);
	return true;
});

dialogflow('dialogflow-entity', ['entity_name', 'synonyms'], ({ args, ext: x }) => {
	const values = jsonArg(args, 'synonyms', []);
	if (!Array.isArray(values)) return new ValidationError('invalid-synonyms');
	x.entities.push({
		name: `projects/example/agent/entityTypes/${crypto.randomUUID()}`,
		displayName: String(args.entity_name),
		kind: 'KIND_MAP',
		autoExpansionMode: 'AUTO_EXPANSION_MODE_DEFAULT',
		entities: values.map((v) => (typeof v === 'object' && v ? { value: String(v.value), synonyms: (v.synonyms || [v.value]).map(String) } : { value: String(v), synonyms: [String(v)] })),
		enableFuzzyExtraction: true,
	});
	return true;
});

dialogflow('dialogflow-get-entity', [], ({ args, ext: x }) => {
	const id = optArg(args, 'entity_id');
	if (id === null || id === 'all') return x.entities;
	return x.entities.find((e) => e.name.endsWith(`/${id}`) || e.displayName === id) || false;
});

dialogflow('dialogflow-get-token', [], () => googleToken());

dialogflow('dialogflow-get-agent', [], () => ({
	parent: 'projects/opencart-abcde',
	displayName: 'ABCDE',
	defaultLanguageCode: 'en',
	timeZone: 'Europe/Madrid',
	enableLogging: true,
	matchMode: 'MATCH_MODE_HYBRID',
	classificationThreshold: 0.6,
	apiVersion: 'API_VERSION_V2',
	tier: 'TIER_STANDARD',
}));

dialogflow('dialogflow-set-active-context', ['context_name'], ({ args, ext: x }) => {
	const lifespan = parseInt(strArg(args, 'life_span', '5'), 10) || 5;
	const parameters = jsonArg(args, 'parameters', {});
	const userId = strArg(args, 'user_id', '0');
	x.contexts.push({ name: String(args.context_name), user_id: userId, lifespan, parameters });
	return {
		responseId: crypto.randomUUID(),
		queryResult: {
			queryText: 'sb-trigger-context',
			parameters: [],
			// Dialogflow counts the trigger query itself as one turn
			outputContexts: [{ name: `projects/abcde/agent/sessions/${userId}/contexts/${args.context_name}`, lifespanCount: lifespan - 1, parameters }],
			languageCode: optArg(args, 'language') || 'en',
		},
	};
});

dialogflow('dialogflow-curl', ['query'], ({ args, ext: x }) => {
	const query = jsonArg(args, 'query', null);
	if (!query || typeof query !== 'object') return new ValidationError('invalid-query');
	const text = query.queryInput?.text?.text ?? '';
	return { responseId: crypto.randomUUID(), queryResult: queryResult(x, text, optArg(args, 'language') || query.queryInput?.text?.languageCode) };
});

dialogflow('dialogflow-human-takeover', ['conversation_id'], ({ state, args }) => {
	const c = state.conversation(args.conversation_id);
	if (!c) return new ValidationError('conversation-not-found');
	// The conversation waits for an agent; with auto_messages the offline, follow-up and subscribe
	// messages are sent too (one result each).
	c.status_code = 2;
	return boolArg(args, 'auto_messages') ? [true, true, true, true] : [true];
});

dialogflow('dialogflow-smart-reply', ['message'], ({ args }) => ({
	suggestions: ['I would be happy to help!', 'What can I do for you?'],
	token: googleToken(),
	detected_language: boolArg(args, 'language_detection') ? 'en' : false,
	smart_reply: false,
}));

// ---------- OpenAI ----------

fn('open-ai-message', ['message'], ({ state, args, ext: x }) => {
	// Errors are not success:false here: the answer is [false, "<error message>"].
	if (appOff(state, 'openai')) return [false, 'Invalid OpenAI key: the OpenAI key is not set in Settings > Artificial Intelligence.'];
	const max = parseInt(strArg(args, 'max_tokens', '100'), 10) || 100;
	const answer = `You asked: ${String(args.message)}. Here is how I can help.`.split(' ').slice(0, max).join(' ');
	x.openAiCalls.push({ message: String(args.message), max_tokens: max });
	const cid = optArg(args, 'conversation_id');
	if (cid && state.conversation(cid)) state.addMessage({ user_id: state.botId, conversation_id: Number(cid), message: answer });
	return [true, answer];
});

fn('open-ai-curl', ['url_part'], ({ state, args, ext: x }) => {
	if (appOff(state, 'openai')) return { error: { message: 'Incorrect API key provided', type: 'invalid_request_error' } };
	const fields = jsonArg(args, 'post_fields', {});
	x.openAiCalls.push({ url_part: String(args.url_part), post_fields: fields, type: strArg(args, 'type', 'POST') });
	return { id: `cmpl-${crypto.randomBytes(6).toString('hex')}`, object: 'text_completion', model: fields.model || 'gpt-3.5-turbo-instruct', choices: [{ text: 'Hello!', index: 0, finish_reason: 'stop' }] };
});

// ---------- Slack ----------

function slack(name, required, run) {
	fn(name, required, (ctx) => (appOff(ctx.state, 'slack') ? new ValidationError('slack-not-active') : run(ctx)));
}

// The page lists no arguments; Support Board's are user_id, full_name, profile_image, message,
// attachments, conversation_id, channel.
slack('send-slack-message', ['user_id'], ({ state, args, ext: x }) => {
	const channel = optArg(args, 'channel') || `C0${crypto.createHash('sha1').update(String(args.user_id)).digest('hex').slice(0, 9).toUpperCase()}`;
	const u = state.user(args.user_id);
	x.slackMessages.push({
		user_id: String(args.user_id),
		full_name: optArg(args, 'full_name') ?? (u ? `${u.first_name} ${u.last_name}` : ''),
		message: strArg(args, 'message'),
		attachments: jsonArg(args, 'attachments', []),
		conversation_id: optArg(args, 'conversation_id'),
		channel,
	});
	return [channel];
});

slack('archive-slack-channels', [], ({ ext: x }) => {
	for (const c of x.slackChannels) if (!c.is_general) c.is_archived = true;
	return true;
});

slack('slack-users', [], ({ state, ext: x }) => ({
	slack_users: x.slackMembers,
	agents: [...state.users.values()].filter((u) => AGENT_TYPES.includes(u.user_type)).map((u) => ({ id: String(u.id), name: `${u.first_name} ${u.last_name}` })),
	saved: phpAssoc({ U328T701Z: String(state.agentId) }),
}));

slack('slack-presence', [], ({ state, args, ext: x }) => {
	// Members linked to agents (see slack-users: saved) are online when in slackOnline.
	const linked = { [String(state.agentId)]: 'U328T701Z' };
	if (boolArg(args, 'list')) return Object.entries(linked).filter(([, member]) => x.slackOnline.includes(member)).map(([id]) => id);
	const agent = optArg(args, 'agent_id');
	if (agent !== null) return linked[agent] && x.slackOnline.includes(linked[agent]) ? 'online' : 'offline';
	return Object.values(linked).some((member) => x.slackOnline.includes(member)) ? 'online' : 'offline';
});

slack('slack-channels', [], ({ ext: x }) => ({ ok: true, channels: x.slackChannels.map((c) => ({ ...c })), response_metadata: { next_cursor: '' } }));

module.exports = { FUNCTIONS };
