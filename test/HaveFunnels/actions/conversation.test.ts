/** Conversation operations: the exact form each sends to the stand-in and what the node outputs. */
import { itSendsAndReturns, useStandIn } from '../helpers';

const ctx = useStandIn();
// Seeded: conversation 1 of John Doe (user 4), waiting for an agent (2), department 1, with a
// message from John ("Hello! I need help.") and a reply from agent Bruce (user 2).

const newConversation = (fields = {}) => (hf: { addConversation: (f: object) => { id: number } }) => ({
	id: hf.addConversation({ user_id: 4, ...fields }).id,
});

itSendsAndReturns(ctx, 'conversation', [
	{
		title: 'get with messages and details',
		operation: 'get',
		params: { conversationId: '1', options: { userId: '4' } },
		fn: 'get-conversation',
		form: [['function', 'get-conversation'], ['conversation_id', '1'], ['user_id', '4']],
		check: (json) => {
			expect(json).toHaveLength(1);
			expect((json[0].messages as unknown[]).length).toBe(2);
			expect(json[0].details).toMatchObject({ id: '1', user_id: '4', conversation_status_code: '2' });
		},
	},
	{
		title: 'an unknown conversation ({messages:[],details:""}) gives no item',
		operation: 'get',
		params: { conversationId: '999' },
		fn: 'get-conversation',
		form: [['function', 'get-conversation'], ['conversation_id', '999']],
		check: (json) => expect(json).toEqual([]),
	},
	{
		title: 'get many with filters',
		operation: 'getAll',
		params: { returnAll: true, filters: { status: '2', department: '1', routing: true, routingUnassigned: true } },
		fn: 'get-conversations',
		form: [
			['function', 'get-conversations'],
			['status_code', '2'],
			['department', '1'],
			['routing', 'true'],
			['routing_unassigned', 'true'],
			['pagination', '1'],
		],
		check: (json) => expect(json.map((c) => c.conversation_id)).toEqual(['1']),
	},
	{
		title: 'get many by source, none found',
		operation: 'getAll',
		params: { returnAll: false, limit: 5, filters: { source: 'wa' } },
		fn: 'get-conversations',
		form: [['function', 'get-conversations'], ['source', 'wa'], ['pagination', '1']],
		check: (json) => expect(json).toEqual([]),
	},
	{
		title: 'get new',
		operation: 'getNew',
		params: { since: '1', options: { routing: false } },
		fn: 'get-new-conversations',
		form: [['function', 'get-new-conversations'], ['datetime', '1'], ['routing', 'false']],
		check: (json) => expect(json.map((c) => c.conversation_id)).toContain('1'),
	},
	{
		title: "get user's",
		operation: 'getUserConversations',
		params: { userId: '4', options: { excludeId: '99', isAgent: false } },
		fn: 'get-user-conversations',
		form: [['function', 'get-user-conversations'], ['user_id', '4'], ['exclude_id', '99'], ['agents', 'false']],
		check: (json) => expect(json.map((c) => c.conversation_id)).toContain('1'),
	},
	{
		title: 'search',
		operation: 'search',
		params: { search: 'need help' },
		fn: 'search-conversations',
		form: [['function', 'search-conversations'], ['search', 'need help']],
		check: (json) => expect(json.map((c) => c.conversation_id)).toEqual(['1']),
	},
	{
		title: "search user's (the user goes as id)",
		operation: 'searchUserConversations',
		params: { userId: '4', search: 'need help' },
		fn: 'search-user-conversations',
		form: [['function', 'search-user-conversations'], ['id', '4'], ['search', 'need help']],
		check: (json) => expect(json.map((c) => c.conversation_id)).toEqual(['1']),
	},
	{
		title: 'create with every argument (extra as a JSON string)',
		operation: 'create',
		params: {
			userId: '4',
			additionalFields: { status: '1', title: 'Order #42', department: '2', agentId: '2', source: 'wa', extra: '{"order": 42}' },
		},
		fn: 'new-conversation',
		form: [
			['function', 'new-conversation'],
			['user_id', '4'],
			['status_code', '1'],
			['title', 'Order #42'],
			['department', '2'],
			['agent_id', '2'],
			['source', 'wa'],
			['extra', '{"order":42}'],
		],
		check: (json, hf) => {
			expect(json).toHaveLength(1);
			expect(json[0].details).toMatchObject({ user_id: '4', title: 'Order #42', conversation_status_code: '1' });
			const created = hf.state.conversation((json[0].details as { id: string }).id);
			expect(created).toMatchObject({ agent_id: '2', department: '2', source: 'wa' });
		},
	},
	(made) => ({
		title: 'update status',
		operation: 'updateStatus',
		setup: newConversation(),
		params: { conversationId: String(made.id), status: '3' },
		fn: 'update-conversation-status',
		form: [['function', 'update-conversation-status'], ['conversation_id', String(made.id)], ['status_code', '3']],
		check: (json, hf) => {
			expect(json).toEqual([{ success: true }]);
			expect(hf.state.conversation(made.id).status_code).toBe(3);
		},
	}),
	(made) => ({
		title: 'update department: empty removes it (false), with a notification',
		operation: 'updateDepartment',
		setup: newConversation({ department: 1 }),
		params: { conversationId: String(made.id), department: '', options: { notification: 'Please take over' } },
		fn: 'update-conversation-department',
		form: [
			['function', 'update-conversation-department'],
			['conversation_id', String(made.id)],
			['department', 'false'],
			['message', 'Please take over'],
		],
		check: (json, hf) => {
			expect(json).toEqual([{ success: true }]);
			expect(hf.state.conversation(made.id).department).toBeNull();
		},
	}),
	(made) => ({
		title: 'update agent',
		operation: 'updateAgent',
		setup: newConversation(),
		params: { conversationId: String(made.id), agentId: '2' },
		fn: 'update-conversation-agent',
		form: [['function', 'update-conversation-agent'], ['conversation_id', String(made.id)], ['agent_id', '2']],
		check: (json, hf) => {
			expect(json).toEqual([{ success: true }]);
			expect(hf.state.conversation(made.id).agent_id).toBe('2');
		},
	}),
	(made) => ({
		title: 'set rating sends settings as a JSON object',
		operation: 'setRating',
		setup: newConversation(),
		params: { conversationId: String(made.id), rating: '0', options: { messageId: '1', message: 'Rated' } },
		fn: 'set-rating',
		form: [
			['function', 'set-rating'],
			['settings', `{"conversation_id":"${made.id}","rating":0}`],
			['message_id', '1'],
			['message', 'Rated'],
		],
		check: (json, hf) => {
			expect(json).toEqual([{ success: true }]);
			expect(hf.state.conversation(made.id).rating).toBe(0);
			expect(hf.state.message(1).message).toBe('Rated');
		},
	}),
	(made) => ({
		title: 'get rating as positive / negative counts',
		operation: 'getRating',
		setup: (hf) => {
			const agent = hf.addUser({ user_type: 'agent' }).id;
			for (const rating of [1, 1, 0]) hf.addConversation({ user_id: 4, agent_id: agent }).rating = rating;
			return { agent };
		},
		params: { agentId: String(made.agent) },
		fn: 'get-rating',
		form: [['function', 'get-rating'], ['user_id', String(made.agent)]],
		check: (json) => expect(json).toEqual([{ positive: 2, negative: 1 }]),
	}),
	{
		title: 'count by status',
		operation: 'count',
		params: { options: { status: '2' } },
		fn: 'count-conversations',
		form: [['function', 'count-conversations'], ['status_code', '2']],
		check: (json, hf) => {
			const expected = [...hf.state.conversations.values()].filter((c: { status_code: number }) => c.status_code === 2).length;
			expect(expected).toBeGreaterThan(0);
			expect(json).toEqual([{ count: expected }]);
		},
	},
	{
		title: 'transcript as text gives its URL',
		operation: 'transcript',
		params: { conversationId: '1', format: 'txt' },
		fn: 'transcript',
		form: [['function', 'transcript'], ['conversation_id', '1'], ['type', 'txt']],
		check: (json) => expect(json).toEqual([{ url: expect.stringMatching(/\/uploads\/conversation-1\.txt$/) }]),
	},
	{
		title: 'transcript of an unknown conversation gives no item',
		operation: 'transcript',
		params: { conversationId: '999' },
		fn: 'transcript',
		form: [['function', 'transcript'], ['conversation_id', '999'], ['type', 'csv']],
		check: (json) => expect(json).toEqual([]),
	},
	{
		title: 'get agents in one conversation',
		operation: 'getAgents',
		params: { conversationIds: '1' },
		fn: 'get-agents-in-conversation',
		form: [['function', 'get-agents-in-conversation'], ['conversation_id', '1']],
		check: (json) => expect(json).toEqual([expect.objectContaining({ id: 2, first_name: 'Bruce', conversation_id: 1 })]),
	},
	(made) => ({
		title: 'get agents in several conversations (a JSON array), one item per agent',
		operation: 'getAgents',
		setup: (hf) => {
			const id = hf.addConversation({ user_id: 4 }).id;
			hf.addMessage({ conversation_id: id, user_id: 1, message: 'Admin here' });
			return { id };
		},
		params: { conversationIds: `1, ${made.id}` },
		fn: 'get-agents-in-conversation',
		form: [['function', 'get-agents-in-conversation'], ['conversation_id', `[1,${made.id}]`]],
		check: (json) => expect(json.map((a) => [a.conversation_id, a.id])).toEqual([[1, 2], [made.id, 1]]),
	}),
	{
		title: 'check assignment',
		operation: 'checkAssignment',
		params: { conversationIds: '1,999', options: { departmentId: '1' } },
		fn: 'check-conversations-assignment',
		form: [['function', 'check-conversations-assignment'], ['conversation_ids', '[1,999]'], ['department_id', '1']],
		check: (json) => expect(json).toEqual([{ conversationId: 1 }]),
	},
]);
