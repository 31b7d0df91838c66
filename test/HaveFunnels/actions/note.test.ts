/** Note operations against the stand-in. */
import { itSendsAndReturns, useStandIn } from '../helpers';

const ctx = useStandIn();

itSendsAndReturns(ctx, 'note', [
	{
		title: 'add gives the new note ID',
		operation: 'add',
		params: { conversationId: '1', userId: '2', name: 'Call back', message: 'The customer wants a call' },
		fn: 'add-note',
		form: [['function', 'add-note'], ['conversation_id', '1'], ['user_id', '2'], ['name', 'Call back'], ['message', 'The customer wants a call']],
		check: (json, hf) => {
			expect(json).toEqual([{ id: expect.any(Number) }]);
			expect(hf.state.notes.get(1)).toEqual([{ id: json[0].id, user_id: '2', name: 'Call back', message: 'The customer wants a call' }]);
		},
	},
	{
		title: 'get many, one item per note',
		operation: 'getAll',
		setup: (hf) => {
			hf.state.notes.get(1).push({ id: 7001, user_id: '1', name: 'Second', message: 'Another note' });
		},
		params: { conversationId: '1', returnAll: true },
		fn: 'get-notes',
		form: [['function', 'get-notes'], ['conversation_id', '1']],
		check: (json) => expect(json.map((n) => n.name)).toEqual(['Call back', 'Second']),
	},
	{
		title: 'get many with a limit',
		operation: 'getAll',
		params: { conversationId: '1', returnAll: false, limit: 1 },
		fn: 'get-notes',
		form: [['function', 'get-notes'], ['conversation_id', '1']],
		check: (json) => expect(json.map((n) => n.name)).toEqual(['Call back']),
	},
	{
		title: 'delete',
		operation: 'delete',
		params: { conversationId: '1', noteId: '7001' },
		fn: 'delete-note',
		form: [['function', 'delete-note'], ['conversation_id', '1'], ['note_id', '7001']],
		check: (json, hf) => {
			expect(json).toEqual([{ success: true }]);
			expect(hf.state.notes.get(1).map((n: { id: number }) => n.id)).not.toContain(7001);
		},
	},
	{
		title: 'delete of an unknown note (response false) gives no item',
		operation: 'delete',
		params: { conversationId: '1', noteId: '7001' },
		fn: 'delete-note',
		form: [['function', 'delete-note'], ['conversation_id', '1'], ['note_id', '7001']],
		check: (json) => expect(json).toEqual([]),
	},
]);
