/** Return All / Limit over HaveFunnels' 100-per-page `pagination` (users and conversations). */
import { runHf, sentForms, useStandIn } from './helpers';

const ctx = useStandIn();
const pages = (fn: string) => sentForms(ctx.hf, fn).map((form) => Object.fromEntries(form).pagination);

beforeAll(() => {
	// 230 users on top of the 4 seeded ones; 120 conversations with a message on top of the seeded one
	for (let i = 0; i < 230; i++) ctx.hf.addUser({ first_name: `Bulk ${i}`, user_type: 'visitor' });
	for (let i = 0; i < 120; i++) {
		const { id } = ctx.hf.addConversation({ user_id: 4 });
		ctx.hf.addMessage({ conversation_id: id, user_id: 4, message: `Bulk ${i}` });
	}
});

it('user getAll with Return All reads pages 1, 2, 3 and returns every user once', async () => {
	const run = await runHf(ctx.hf, 'user', 'getAll', { returnAll: true });
	expect(pages('get-users')).toEqual(['1', '2', '3']);
	expect(run.json).toHaveLength(ctx.hf.state.users.size);
	expect(new Set(run.json.map((u) => u.id)).size).toBe(ctx.hf.state.users.size);
});

it('user getAll with a limit of 150 stops after page 2', async () => {
	const run = await runHf(ctx.hf, 'user', 'getAll', { returnAll: false, limit: 150 });
	expect(pages('get-users')).toEqual(['1', '2']);
	expect(run.json).toHaveLength(150);
});

it('user getAll with a limit of 100 needs one page', async () => {
	const run = await runHf(ctx.hf, 'user', 'getAll', { returnAll: false, limit: 100 });
	expect(pages('get-users')).toEqual(['1']);
	expect(run.json).toHaveLength(100);
});

it('conversation getAll with Return All reads until a short page', async () => {
	const run = await runHf(ctx.hf, 'conversation', 'getAll', { returnAll: true });
	expect(pages('get-conversations')).toEqual(['1', '2']);
	expect(run.json).toHaveLength(121);
});

it('an installation that ignores pagination (same page again) does not loop', async () => {
	const page = Array.from({ length: 100 }, (_, i) => ({ id: String(i) }));
	ctx.hf.forceResponse('get-users', { body: { success: true, response: page }, times: 2 });
	const run = await runHf(ctx.hf, 'user', 'getAll', { returnAll: true });
	expect(pages('get-users')).toEqual(['1', '2']);
	expect(run.json).toHaveLength(100);
});
