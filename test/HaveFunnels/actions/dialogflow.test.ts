/** Dialogflow operations against the stand-in. */
import { itSendsAndReturns, runHf, useStandIn } from '../helpers';

const ctx = useStandIn();

const WELCOME = 'projects/example/agent/intents/1655ee2c-8116-45f1-95fu-93700ff32e8d';

itSendsAndReturns(ctx, 'dialogflow', [
	{
		title: 'send message gives the answer without the access token',
		operation: 'sendMessage',
		params: {
			conversationId: '1',
			message: 'Hello',
			options: { language: 'en', attachments: { attachment: [{ name: 'a.png', url: 'https://files.example.com/a.png' }] }, parameters: '{"plan": "pro"}' },
		},
		fn: 'dialogflow-message',
		form: [
			['function', 'dialogflow-message'],
			['conversation_id', '1'],
			['message', 'Hello'],
			['language', 'en'],
			['attachments', '[["a.png","https://files.example.com/a.png"]]'],
			['parameters', '{"plan":"pro"}'],
		],
		check: (json) => {
			expect(json).toHaveLength(1);
			expect(json[0].messages).toEqual([{ message: 'Hi! How are you doing?', attachments: [] }]);
			expect(json[0]).not.toHaveProperty('token');
			expect(json[0].response).toMatchObject({ queryResult: { intent: { displayName: 'Default Welcome Intent' } } });
		},
	},
	{
		title: 'get intents',
		operation: 'getIntents',
		params: { returnAll: true },
		fn: 'dialogflow-get-intents',
		form: [['function', 'dialogflow-get-intents']],
		check: (json) => expect(json.map((i) => i.displayName)).toEqual(['Default Welcome Intent']),
	},
	{
		title: 'create intent sends the training phrases as a JSON array',
		operation: 'createIntent',
		params: { expressions: ['Where is my order?', 'Order status'], response: 'Let me check', options: { agentLanguage: 'en' } },
		fn: 'dialogflow-create-intent',
		form: [['function', 'dialogflow-create-intent'], ['expressions', '["Where is my order?","Order status"]'], ['response', 'Let me check'], ['agent_language', 'en']],
		check: (json, hf) => {
			expect(json).toEqual([{ success: true }]);
			expect(hf.state.ext.intents).toHaveLength(2);
		},
	},
	{
		title: 'update intent',
		operation: 'updateIntent',
		params: { intentName: WELCOME, expressions: ['Hi there'] },
		fn: 'dialogflow-update-intent',
		form: [['function', 'dialogflow-update-intent'], ['intent_name', WELCOME], ['expressions', '["Hi there"]']],
		check: (json, hf) => {
			expect(json).toEqual([{ success: true }]);
			expect(hf.state.ext.intents[0].trainingPhrases.map((p: { parts: Array<{ text: string }> }) => p.parts[0].text)).toEqual(['Hi there']);
		},
	},
	{
		title: 'create entity sends its values as a JSON string',
		operation: 'createEntity',
		params: { entityName: 'plans', synonyms: '[{"value": "Pro", "synonyms": ["Pro", "Premium"]}]' },
		fn: 'dialogflow-entity',
		form: [['function', 'dialogflow-entity'], ['entity_name', 'plans'], ['synonyms', '[{"value":"Pro","synonyms":["Pro","Premium"]}]']],
		check: (json) => expect(json).toEqual([{ success: true }]),
	},
	{
		title: 'get entities, all',
		operation: 'getEntities',
		params: { returnAll: true },
		fn: 'dialogflow-get-entity',
		form: [['function', 'dialogflow-get-entity']],
		check: (json) => expect(json.map((e) => e.displayName)).toEqual(['opencart-products', 'plans']),
	},
	{
		title: 'get one entity',
		operation: 'getEntities',
		params: { returnAll: true, options: { entityId: 'plans', agentLanguage: 'en' } },
		fn: 'dialogflow-get-entity',
		form: [['function', 'dialogflow-get-entity'], ['entity_id', 'plans'], ['agent_language', 'en']],
		check: (json) => expect(json).toEqual([expect.objectContaining({ displayName: 'plans', entities: [{ value: 'Pro', synonyms: ['Pro', 'Premium'] }] })]),
	},
	{
		title: 'get token',
		operation: 'getToken',
		fn: 'dialogflow-get-token',
		form: [['function', 'dialogflow-get-token']],
		check: (json) => {
			expect(json).toHaveLength(1);
			expect(String(json[0].token).length).toBeGreaterThan(10);
		},
	},
	{
		title: 'get agent',
		operation: 'getAgent',
		fn: 'dialogflow-get-agent',
		form: [['function', 'dialogflow-get-agent']],
		check: (json) => expect(json).toEqual([expect.objectContaining({ displayName: 'ABCDE', defaultLanguageCode: 'en' })]),
	},
	{
		title: 'set active context',
		operation: 'setActiveContext',
		params: { contextName: 'shopping', userId: '4', options: { parameters: '{"opencart-products": "Running Shoes"}', lifeSpan: 3, language: 'en' } },
		fn: 'dialogflow-set-active-context',
		form: [
			['function', 'dialogflow-set-active-context'],
			['context_name', 'shopping'],
			['user_id', '4'],
			['parameters', '{"opencart-products":"Running Shoes"}'],
			['life_span', '3'],
			['language', 'en'],
		],
		check: (json) => {
			expect(json).toHaveLength(1);
			expect(json[0]).toMatchObject({ queryResult: { outputContexts: [{ parameters: { 'opencart-products': 'Running Shoes' } }] } });
		},
	},
	{
		title: 'send query (the intent now matches the updated phrase)',
		operation: 'sendQuery',
		params: { query: '{"queryInput": {"text": {"text": "Hi there", "languageCode": "en"}}}', options: { type: 'POST' } },
		fn: 'dialogflow-curl',
		form: [['function', 'dialogflow-curl'], ['query', '{"queryInput":{"text":{"text":"Hi there","languageCode":"en"}}}'], ['type', 'POST']],
		check: (json) => expect(json).toEqual([expect.objectContaining({ queryResult: expect.objectContaining({ fulfillmentText: 'Hi! How are you doing?' }) })]),
	},
	{
		title: 'human takeover',
		operation: 'humanTakeover',
		params: { conversationId: '1', autoMessages: false },
		fn: 'dialogflow-human-takeover',
		form: [['function', 'dialogflow-human-takeover'], ['conversation_id', '1'], ['auto_messages', 'false']],
		check: (json, hf) => {
			expect(json).toEqual([{ results: [true] }]);
			expect(hf.state.conversation(1).status_code).toBe(2);
		},
	},
	{
		title: 'get smart replies sends smart_reply_data false, gives no token',
		operation: 'getSmartReplies',
		params: { message: 'I need help', options: { languageDetection: true } },
		fn: 'dialogflow-smart-reply',
		form: [['function', 'dialogflow-smart-reply'], ['message', 'I need help'], ['language_detection', 'true'], ['smart_reply_data', 'false']],
		check: (json) => expect(json).toEqual([{ suggestions: ['I would be happy to help!', 'What can I do for you?'], detected_language: 'en', smart_reply: false }]),
	},
]);

it('dialogflow: an inactive Dialogflow app is an error that says so', async () => {
	ctx.hf.state.apps.dialogflow = false;
	try {
		const run = await runHf(ctx.hf, 'dialogflow', 'getAgent');
		expect(run.status).toBe('error');
		expect(run.error?.message).toBe('Dialogflow is not active in the HaveFunnels settings');
	} finally {
		ctx.hf.state.apps.dialogflow = true;
	}
});
