/** User operations: the exact form each sends to the stand-in and what the node outputs. */
import { itSendsAndReturns, useStandIn } from '../helpers';

const ctx = useStandIn();
// Seeded: 1 admin (online), 2 agent Bruce, 3 bot, 4 lead John Doe (phone +44123456), conversation 1
// of John with a message from John and one from Bruce.

itSendsAndReturns(ctx, 'user', [
	{
		title: 'get with extra details',
		operation: 'get',
		params: { userId: '4', includeExtra: true },
		fn: 'get-user',
		form: [['function', 'get-user'], ['user_id', '4'], ['extra', 'true']],
		check: (json) => {
			expect(json).toHaveLength(1);
			expect(json[0]).toMatchObject({ id: '4', first_name: 'John', email: 'john@example.com', user_type: 'lead' });
			expect(json[0].details).toContainEqual({ slug: 'phone', name: 'Phone', value: '+44123456' });
			expect(json[0].token).toBe('[redacted]');
		},
	},
	{
		title: 'an unknown user gives no item',
		operation: 'get',
		params: { userId: '999' },
		fn: 'get-user',
		form: [['function', 'get-user'], ['user_id', '999'], ['extra', 'false']],
		check: (json) => expect(json).toEqual([]),
	},
	{
		title: 'get many with every option (JSON-string arrays)',
		operation: 'getAll',
		params: {
			returnAll: true,
			options: {
				sort: { value: { column: 'first_name', order: 'ASC' } },
				userTypes: ['lead', 'admin'],
				search: 'e',
				extraDetails: 'phone',
				userIds: '4, 1',
			},
		},
		fn: 'get-users',
		form: [
			['function', 'get-users'],
			['sorting', '["first_name","ASC"]'],
			['user_types', '["lead","admin"]'],
			['search', 'e'],
			['extra', '["phone"]'],
			['user_ids', '[4,1]'],
			['pagination', '1'],
		],
		check: (json) => {
			expect(json.map((u) => u.id)).toEqual(['1', '4']);
			expect(json[1].phone).toBe('+44123456');
		},
	},
	{
		title: 'get many with a limit cuts the page',
		operation: 'getAll',
		params: { returnAll: false, limit: 2 },
		fn: 'get-users',
		form: [['function', 'get-users'], ['pagination', '1']],
		check: (json) => expect(json).toHaveLength(2),
	},
	{
		title: 'get new',
		operation: 'getNew',
		params: { since: '3' },
		fn: 'get-new-users',
		form: [['function', 'get-new-users'], ['datetime', '3']],
		check: (json) => expect(json.map((u) => u.id)).toContain('4'),
	},
	{
		title: 'search',
		operation: 'search',
		params: { search: '+44123' },
		fn: 'search-users',
		form: [['function', 'search-users'], ['search', '+44123']],
		check: (json) => expect(json.map((u) => u.id)).toEqual(['4']),
	},
	{
		title: 'get online with options',
		operation: 'getOnline',
		params: { options: { agentsOnly: true, excludeIds: '2,3', sortBy: 'last_activity' } },
		fn: 'get-online-users',
		form: [['function', 'get-online-users'], ['agents', 'true'], ['exclude_id', '[2,3]'], ['sorting', 'last_activity']],
		check: (json) => expect(json.map((u) => u.id)).toEqual(['1']),
	},
	{
		title: 'create with all arguments and extra details rows',
		operation: 'create',
		params: {
			userType: 'lead',
			additionalFields: {
				firstName: 'Mary',
				lastName: 'Major',
				email: 'mary@example.com',
				profileImage: 'https://cdn.example.com/mary.png',
				password: 'pw-12345678',
				department: '2',
				extraDetails: { detail: [{ slug: 'phone', value: '+39555', label: 'Phone' }, { slug: 'city', value: 'Rome', label: '' }] },
			},
		},
		fn: 'add-user',
		form: [
			['function', 'add-user'],
			['user_type', 'lead'],
			['first_name', 'Mary'],
			['last_name', 'Major'],
			['email', 'mary@example.com'],
			['profile_image', 'https://cdn.example.com/mary.png'],
			['password', 'pw-12345678'],
			['department', '2'],
			['extra', '{"phone":["+39555","Phone"],"city":["Rome","city"]}'],
		],
		check: (json, hf) => {
			expect(json).toEqual([{ id: expect.any(Number) }]);
			const user = hf.state.user(json[0].id);
			expect(user).toMatchObject({ first_name: 'Mary', email: 'mary@example.com', user_type: 'lead' });
			expect(user.extra.get('city')).toEqual({ name: 'city', value: 'Rome' });
		},
	},
	{
		title: 'update with extra details as settings_extra',
		operation: 'update',
		params: {
			userId: '4',
			updateFields: { lastName: 'Doe-Smith', userType: 'user', extraDetails: { detail: [{ slug: 'phone', value: '+44999', label: 'Phone' }] } },
		},
		fn: 'update-user',
		form: [
			['function', 'update-user'],
			['user_id', '4'],
			['last_name', 'Doe-Smith'],
			['user_type', 'user'],
			['settings_extra', '{"phone":["+44999","Phone"]}'],
		],
		check: (json, hf) => {
			expect(json).toEqual([{ success: true }]);
			expect(hf.state.user(4)).toMatchObject({ last_name: 'Doe-Smith', user_type: 'user' });
			expect(hf.state.user(4).extra.get('phone').value).toBe('+44999');
		},
	},
	(made) => ({
		title: 'delete',
		operation: 'delete',
		setup: (hf) => ({ id: hf.addUser({ first_name: 'Gone' }).id }),
		params: { userId: String(made.id) },
		fn: 'delete-user',
		form: [['function', 'delete-user'], ['user_id', String(made.id)]],
		check: (json, hf) => {
			expect(json).toEqual([{ success: true }]);
			expect(hf.state.user(made.id)).toBeNull();
		},
	}),
	(made) => ({
		title: 'delete many sends a JSON array of IDs',
		operation: 'deleteMany',
		setup: (hf) => ({ a: hf.addUser({}).id, b: hf.addUser({}).id }),
		params: { userIds: `${made.a},${made.b}` },
		fn: 'delete-users',
		form: [['function', 'delete-users'], ['user_ids', `[${made.a},${made.b}]`]],
		check: (json, hf) => {
			expect(json).toEqual([{ success: true }]);
			expect([hf.state.user(made.a), hf.state.user(made.b)]).toEqual([null, null]);
		},
	}),
	{
		title: 'get extra details, one item per detail',
		operation: 'getExtra',
		params: { userId: '1' },
		fn: 'get-user-extra',
		form: [['function', 'get-user-extra'], ['user_id', '1']],
		check: (json) => expect(json).toEqual([]),
	},
	{
		title: 'get one extra detail by name',
		operation: 'getExtra',
		params: { userId: '4', options: { detail: 'location', defaultValue: 'none' } },
		fn: 'get-user-extra',
		form: [['function', 'get-user-extra'], ['user_id', '4'], ['slug', 'location'], ['default', 'none']],
		check: (json) => expect(json).toEqual([{ value: 'New York, United States' }]),
	},
	{
		title: 'is online (admin)',
		operation: 'isOnline',
		params: { userId: '1' },
		fn: 'is-online',
		form: [['function', 'is-online'], ['user_id', '1']],
		check: (json) => expect(json).toEqual([{ online: true }]),
	},
	{
		title: 'is online (offline user gives false, not an empty result)',
		operation: 'isOnline',
		params: { userId: '2' },
		fn: 'is-online',
		form: [['function', 'is-online'], ['user_id', '2']],
		check: (json) => expect(json).toEqual([{ online: false }]),
	},
	{
		title: 'count',
		operation: 'count',
		fn: 'count-users',
		form: [['function', 'count-users']],
		check: (json) => {
			expect(json).toHaveLength(1);
			expect(Object.keys(json[0]).sort()).toEqual(['all', 'lead', 'user', 'visitor']);
		},
	},
	(made) => ({
		title: 'update to lead',
		operation: 'updateToLead',
		setup: (hf) => ({ id: hf.addUser({ user_type: 'visitor' }).id }),
		params: { userId: String(made.id) },
		fn: 'update-user-to-lead',
		form: [['function', 'update-user-to-lead'], ['user_id', String(made.id)]],
		check: (json, hf) => {
			expect(json).toEqual([{ success: true }]);
			expect(hf.state.user(made.id).user_type).toBe('lead');
		},
	}),
	{
		title: 'get agent',
		operation: 'getAgent',
		params: { agentId: '2' },
		fn: 'get-agent',
		form: [['function', 'get-agent'], ['agent_id', '2']],
		check: (json) => expect(json).toEqual([expect.objectContaining({ id: '2', user_type: 'agent', token: '[redacted]' })]),
	},
	{
		title: 'a user who is no agent gives no item',
		operation: 'getAgent',
		params: { agentId: '4' },
		fn: 'get-agent',
		form: [['function', 'get-agent'], ['agent_id', '4']],
		check: (json) => expect(json).toEqual([]),
	},
	{
		title: 'get agent IDs without admins, one item per ID',
		operation: 'getAgentIds',
		params: { includeAdmins: false },
		fn: 'get-agents-ids',
		form: [['function', 'get-agents-ids'], ['admins', 'false']],
		check: (json) => expect(json).toEqual([{ id: 2 }]),
	},
	{
		title: 'get from conversation (the user)',
		operation: 'getFromConversation',
		params: { conversationId: '1' },
		fn: 'get-user-from-conversation',
		form: [['function', 'get-user-from-conversation'], ['conversation_id', '1'], ['agent', 'false']],
		check: (json) => expect(json).toEqual([{ id: '4', email: 'john@example.com' }]),
	},
	{
		title: 'get from conversation (the last agent)',
		operation: 'getFromConversation',
		params: { conversationId: '1', lastAgent: true },
		fn: 'get-user-from-conversation',
		form: [['function', 'get-user-from-conversation'], ['conversation_id', '1'], ['agent', 'true']],
		check: (json) => expect(json).toEqual([{ id: '2', email: 'bruce@havefunnels.test' }]),
	},
]);
