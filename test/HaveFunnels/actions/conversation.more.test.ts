/** Conversation operations of issue 15 (new user conversations, typing) against the stand-in. */
import { itSendsAndReturns, useStandIn } from '../helpers';

const ctx = useStandIn();

itSendsAndReturns(ctx, 'conversation', [
	{
		title: "get user's new conversations after an ID",
		operation: 'getUserNew',
		params: { userId: '4', since: '0' },
		fn: 'get-new-user-conversations',
		form: [['function', 'get-new-user-conversations'], ['user_id', '4'], ['datetime', '0']],
		check: (json) => expect(json.map((c) => [c.conversation_id, c.message])).toEqual([['1', 'Hello, how can I help?']]),
	},
	{
		title: "get user's new conversations: none gives no item",
		operation: 'getUserNew',
		params: { userId: '4', since: '2999-01-01' },
		fn: 'get-new-user-conversations',
		form: [['function', 'get-new-user-conversations'], ['user_id', '4'], ['datetime', '2999-01-01']],
		check: (json) => expect(json).toEqual([]),
	},
	{
		title: 'set typing',
		operation: 'setTyping',
		params: { userId: '2', conversationId: '1' },
		fn: 'set-typing',
		form: [['function', 'set-typing'], ['user_id', '2'], ['conversation_id', '1']],
		check: (json) => expect(json).toEqual([{ success: true }]),
	},
	{
		title: 'is typing',
		operation: 'isTyping',
		params: { userId: '2', conversationId: '1' },
		fn: 'is-typing',
		form: [['function', 'is-typing'], ['user_id', '2'], ['conversation_id', '1']],
		check: (json) => expect(json).toEqual([{ typing: true }]),
	},
	{
		title: 'is typing: another user is not',
		operation: 'isTyping',
		params: { userId: '4', conversationId: '1' },
		fn: 'is-typing',
		form: [['function', 'is-typing'], ['user_id', '4'], ['conversation_id', '1']],
		check: (json) => expect(json).toEqual([{ typing: false }]),
	},
	{
		title: 'get typing agent',
		operation: 'getTypingAgent',
		params: { conversationId: '1' },
		fn: 'is-agent-typing',
		form: [['function', 'is-agent-typing'], ['conversation_id', '1']],
		check: (json) => expect(json).toEqual([{ id: '2', first_name: 'Bruce', last_name: 'Peterson' }]),
	},
	{
		title: 'get typing agent: nobody typing (false) gives no item',
		operation: 'getTypingAgent',
		setup: (hf) => {
			hf.state.ext.typing.clear();
		},
		params: { conversationId: '1' },
		fn: 'is-agent-typing',
		form: [['function', 'is-agent-typing'], ['conversation_id', '1']],
		check: (json) => expect(json).toEqual([]),
	},
]);
