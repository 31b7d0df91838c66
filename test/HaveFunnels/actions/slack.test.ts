/** Slack and OpenAI operations against the stand-in. */
import { itSendsAndReturns, runHf, useStandIn } from '../helpers';

const ctx = useStandIn();

itSendsAndReturns(ctx, 'slack', [
	{
		title: 'send message gives the channel',
		operation: 'sendMessage',
		params: { userId: '4', message: 'Hi from the chat', options: { conversationId: '1', channel: 'C012AB3CD', fullName: 'John Doe' } },
		fn: 'send-slack-message',
		form: [['function', 'send-slack-message'], ['user_id', '4'], ['message', 'Hi from the chat'], ['full_name', 'John Doe'], ['conversation_id', '1'], ['channel', 'C012AB3CD']],
		check: (json, hf) => {
			expect(json).toEqual([{ channel: 'C012AB3CD' }]);
			expect(hf.state.ext.slackMessages).toEqual([expect.objectContaining({ user_id: '4', message: 'Hi from the chat', conversation_id: '1' })]);
		},
	},
	{
		title: 'get users',
		operation: 'getUsers',
		fn: 'slack-users',
		form: [['function', 'slack-users']],
		check: (json) => {
			expect(json).toHaveLength(1);
			expect(json[0]).toMatchObject({ slack_users: [{ id: 'U328T701Z', name: 'John Doe' }, { id: 'UR5F0GK7T', name: 'Jane Doe' }], saved: { U328T701Z: '2' } });
		},
	},
	{
		title: 'get presence of an agent',
		operation: 'getPresence',
		params: { options: { agentId: '2' } },
		fn: 'slack-presence',
		form: [['function', 'slack-presence'], ['agent_id', '2']],
		check: (json) => expect(json).toEqual([{ online: true, status: 'online' }]),
	},
	{
		title: 'get presence as a list of online users',
		operation: 'getPresence',
		params: { options: { list: true } },
		fn: 'slack-presence',
		form: [['function', 'slack-presence'], ['list', 'true']],
		check: (json) => expect(json).toEqual([{ online: true, userIds: ['2'] }]),
	},
	{
		title: 'get channels, with a limit',
		operation: 'getChannels',
		params: { returnAll: false, limit: 1 },
		fn: 'slack-channels',
		form: [['function', 'slack-channels']],
		check: (json) => expect(json.map((c) => c.name)).toEqual(['general']),
	},
	{
		title: 'archive all channels',
		operation: 'archiveChannels',
		fn: 'archive-slack-channels',
		form: [['function', 'archive-slack-channels']],
		check: (json, hf) => {
			expect(json).toEqual([{ success: true }]);
			expect(hf.state.ext.slackChannels.map((c: { is_archived: boolean }) => c.is_archived)).toEqual([false, true]);
		},
	},
]);

it('slack: an inactive Slack app is an error that says so', async () => {
	ctx.hf.state.apps.slack = false;
	try {
		const run = await runHf(ctx.hf, 'slack', 'getChannels', { returnAll: true });
		expect(run.status).toBe('error');
		expect(run.error?.message).toBe('Slack is not active in the HaveFunnels settings');
	} finally {
		ctx.hf.state.apps.slack = true;
	}
});

itSendsAndReturns(ctx, 'openAi', [
	{
		title: 'send message gives the answer',
		operation: 'sendMessage',
		params: { message: 'How do I reset my password?', options: { maxTokens: 5, conversationId: '1' } },
		fn: 'open-ai-message',
		form: [['function', 'open-ai-message'], ['message', 'How do I reset my password?'], ['max_tokens', '5'], ['conversation_id', '1']],
		check: (json, hf) => {
			expect(json).toEqual([{ message: 'You asked: How do I' }]);
			expect(hf.state.lastMessage(hf.state.conversation(1)).message).toBe('You asked: How do I');
		},
	},
	{
		title: 'call API',
		operation: 'callApi',
		params: { urlPart: 'completions', postFields: '{"model": "gpt-3.5-turbo-instruct", "prompt": "Hi"}', options: { type: 'POST' } },
		fn: 'open-ai-curl',
		form: [['function', 'open-ai-curl'], ['url_part', 'completions'], ['post_fields', '{"model":"gpt-3.5-turbo-instruct","prompt":"Hi"}'], ['type', 'POST']],
		check: (json) => expect(json).toEqual([expect.objectContaining({ object: 'text_completion', choices: [expect.objectContaining({ text: 'Hello!' })] })]),
	},
]);

it('openAi: an answer [false, message] is an error with the message', async () => {
	ctx.hf.state.apps.openai = false;
	try {
		const run = await runHf(ctx.hf, 'openAi', 'sendMessage', { message: 'Hi' });
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/^OpenAI could not answer: Invalid OpenAI key/);
	} finally {
		ctx.hf.state.apps.openai = true;
	}
});

it('slack: a message is not sent twice after an ambiguous failure, a refused one is; a read is retried', async () => {
	ctx.hf.inject({ status: 500, times: 1 });
	const send = await runHf(ctx.hf, 'slack', 'sendMessage', { userId: '4', message: 'Once only' });
	expect(send.status).toBe('error');
	expect(send.error?.description).toContain('"send-slack-message" was not repeated');
	expect(ctx.hf.calls('send-slack-message')).toHaveLength(1);
	// 503: HaveFunnels refused the call before doing anything, so it is sent again
	ctx.hf.inject({ status: 503, times: 1 });
	const refused = await runHf(ctx.hf, 'slack', 'sendMessage', { userId: '4', message: 'After a 503' });
	expect(refused.status).toBe('success');
	expect(ctx.hf.calls('send-slack-message').filter((r) => r.args?.message === 'After a 503')).toHaveLength(2);
	ctx.hf.inject({ status: 500, times: 1 });
	const read = await runHf(ctx.hf, 'slack', 'getUsers');
	expect(read.status).toBe('success');
	expect(ctx.hf.calls('slack-users')).toHaveLength(2);
});
