/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test code runs in Node.js, not in n8n's node sandbox */
import type { IDataObject } from 'n8n-workflow';
import { runNode } from '../rig';
import { mapUpsertResult } from '../../nodes/Planhat/actions/conversation/bulkUpsert.operation';
import { COMPANY_A, credentialsFor, handled, itemsOf, startStandIn } from './helpers';
import type { PlanhatStandIn } from '../stand-ins/planhat';

let standIn: PlanhatStandIn;
beforeEach(async () => {
	standIn = await startStandIn();
});
afterEach(async () => {
	await standIn.stop();
});

const upsert = (items: IDataObject[], extra: IDataObject = {}, continueOnFail = false) =>
	runNode({
		type: 'planhat',
		parameters: { resource: 'conversation', operation: 'upsert', dataMode: 'autoMap', ...extra },
		credentials: credentialsFor(standIn),
		items,
		continueOnFail,
	});

/** Wraps the stand-in's handler to measure how many requests it serves at once. */
function trackConcurrency(target: PlanhatStandIn, delayMs = 30) {
	const original = target.handler;
	const stats = { active: 0, maxActive: 0 };
	target.handler = async (request, res, self) => {
		stats.active += 1;
		stats.maxActive = Math.max(stats.maxActive, stats.active);
		await new Promise((resolve) => setTimeout(resolve, delayMs));
		try {
			await original(request, res, self);
		} finally {
			stats.active -= 1;
		}
	};
	return stats;
}

const many = (count: number, from = 0): IDataObject[] =>
	Array.from({ length: count }, (_, i) => ({ companyId: COMPANY_A, externalId: `m-${from + i}`, subject: `S${from + i}` }));

describe('Planhat › Conversation › Create or Update (bulk upsert)', () => {
	it('12,000 items go in 3 sequential PUTs of at most 5,000, each item answered and paired', async () => {
		const stats = trackConcurrency(standIn);
		const run = await upsert(many(12000));
		expect(run.status).toBe('success');
		const puts = handled(standIn, 'PUT', '/conversations');
		expect(puts.map((r) => itemsOf(r).length)).toEqual([5000, 5000, 2000]);
		expect(itemsOf(puts[0])[0]).toEqual({ companyId: COMPANY_A, externalId: 'm-0', subject: 'S0' });
		expect(itemsOf(puts[1])[0].externalId).toBe('m-5000');
		expect(itemsOf(puts[2])[1999].externalId).toBe('m-11999');
		expect(stats.maxActive).toBe(1);
		expect(run.json).toHaveLength(12000);
		expect(run.json.every((j) => j.status === 'created')).toBe(true);
		expect(run.json[11999]).toEqual({ status: 'created', _id: expect.stringMatching(/^[0-9a-f]{24}$/), externalId: 'm-11999' });
		expect(run.items[7777].pairedItem).toEqual({ item: 7777 });
		expect(standIn.conversations).toHaveLength(12000);
	});

	it('a 206 partial answer is mapped to the right items: created, updated, failed, each with its error', async () => {
		const existingA = standIn.addConversation({ companyId: COMPANY_A, externalId: 'e-upd', subject: 'old' });
		const existingB = standIn.addConversation({ companyId: COMPANY_A, sourceId: 's-upd', subject: 'old' });
		const run = await upsert(
			[
				{ companyId: COMPANY_A, externalId: 'new-1', subject: 'new' },
				{ externalId: 'e-upd', subject: 'changed' },
				{ externalId: 'no-company', subject: 'x' },
				{ companyId: 'extid-ghost', externalId: 'ghost', subject: 'x' },
				{ companyId: COMPANY_A, subject: 'no key' },
				{ _id: 'ffffffffffffffffffffffff', subject: 'x' },
				{ sourceId: 's-upd', subject: 'changed too' },
			],
			{},
			true,
		);
		expect(run.status).toBe('success');
		expect(handled(standIn, 'PUT')).toHaveLength(1);
		expect(handled(standIn, 'PUT')[0].status).toBe(206);
		expect(run.json.map((j) => j.status)).toEqual(['created', 'updated', 'failed', 'failed', 'created', 'failed', 'updated']);
		expect(run.json[1]).toEqual({ status: 'updated', _id: existingA._id, externalId: 'e-upd' });
		expect(run.json[6]).toEqual({ status: 'updated', _id: existingB._id, sourceId: 's-upd' });
		expect(run.json[2]).toEqual({ status: 'failed', externalId: 'no-company', error: 'companyId is required to create a conversation' });
		expect(run.json[3].error).toBe('Company not found: extid-ghost');
		expect(run.json[5]).toMatchObject({ status: 'failed', _id: 'ffffffffffffffffffffffff' });
		expect(run.json[5].error).toMatch(/No conversation matches _id/);
		const keyless = standIn.conversations.find((c) => c.subject === 'no key');
		expect(run.json[4]).toEqual({ status: 'created', _id: keyless!._id });
		expect(run.items.map((i) => i.pairedItem)).toEqual([0, 1, 2, 3, 4, 5, 6].map((item) => ({ item })));
	});

	it('without Continue On Fail, a partial failure stops the node naming the failed items (the rest is saved)', async () => {
		const run = await upsert([
			{ companyId: COMPANY_A, externalId: 'ok-1' },
			{ externalId: 'bad-1' },
			{ companyId: COMPANY_A, externalId: 'ok-2' },
		]);
		expect(run.status).toBe('error');
		expect(run.error?.message).toBe(
			'Planhat could not create or update 1 of 3 conversations (206): item 2: companyId is required to create a conversation',
		);
		expect(run.error?.itemIndex).toBe(1);
		expect(standIn.conversations.map((c) => c.externalId)).toEqual(['ok-1', 'ok-2']);
	});

	it('without Continue On Fail, later chunks are not sent after a chunk with failures', async () => {
		const items = many(6000);
		delete items[10].companyId;
		const run = await upsert(items);
		expect(run.status).toBe('error');
		expect(run.error?.message).toMatch(/1 of 5000 conversations \(206\): item 11: companyId is required/);
		expect(run.error?.description).toMatch(/1000 later items were not sent/);
		expect(handled(standIn, 'PUT')).toHaveLength(1);
	});

	it('all items failing (400 with error arrays) are reported per item with Continue On Fail', async () => {
		const run = await upsert([{ subject: 'a' }, { externalId: 'b' }], {}, true);
		expect(run.status).toBe('success');
		expect(handled(standIn, 'PUT')[0].status).toBe(400);
		expect(run.json).toEqual([
			{ status: 'failed', error: 'companyId is required to create a conversation' },
			{ status: 'failed', externalId: 'b', error: 'companyId is required to create a conversation' },
		]);
	});

	it('a bad payload as a whole fails every item of its chunk; the next chunk still goes (Continue On Fail)', async () => {
		const items = many(5002);
		items[1].externalId = 'm-0'; // duplicated key in the first chunk
		const run = await upsert(items, {}, true);
		expect(run.status).toBe('success');
		const puts = handled(standIn, 'PUT');
		expect(puts.map((r) => [itemsOf(r).length, r.status])).toEqual([
			[5000, 400],
			[2, 200],
		]);
		expect(run.json[0]).toMatchObject({ status: 'failed', externalId: 'm-0' });
		expect(run.json[4999].error).toMatch(/^Planhat rejected the whole request \(400\): Duplicated externalId "m-0"/);
		expect(run.json.slice(5000).map((j) => j.status)).toEqual(['created', 'created']);
		const stopped = await upsert(items);
		expect(stopped.status).toBe('error');
		expect(stopped.error?.message).toMatch(/Planhat rejected the whole request \(400\)/);
	});

	it('Map Each Field Below builds each conversation from expressions and the match key', async () => {
		standIn.addConversation({ companyId: COMPANY_A, externalId: 'chat-1', subject: 'old' });
		const run = await runNode({
			type: 'planhat',
			parameters: {
				resource: 'conversation',
				operation: 'upsert',
				dataMode: 'define',
				companyId: { __rl: true, mode: 'externalId', value: 'tenet-1' },
				matchOn: 'externalId',
				matchValue: '={{ $json.chatId }}',
				fields: { subject: '={{ $json.text }}', type: 'note', activityTags: 'chat' },
			},
			credentials: credentialsFor(standIn),
			items: [
				{ chatId: 'chat-1', text: 'Hello again' },
				{ chatId: 'chat-2', text: 'Hi' },
			],
		});
		expect(run.status).toBe('success');
		expect(handled(standIn, 'PUT')[0].json).toEqual([
			{ subject: 'Hello again', type: 'note', activityTags: ['chat'], companyId: 'extid-tenet-1', externalId: 'chat-1' },
			{ subject: 'Hi', type: 'note', activityTags: ['chat'], companyId: 'extid-tenet-1', externalId: 'chat-2' },
		]);
		expect(run.json.map((j) => j.status)).toEqual(['updated', 'created']);
		expect(standIn.getConversation('extid-chat-1')!.subject).toBe('Hello again');
	});

	it('a reserved type in an item is refused before sending; with Continue On Fail only that item fails', async () => {
		const items = [
			{ companyId: COMPANY_A, externalId: 'a', type: 'note' },
			{ companyId: COMPANY_A, externalId: 'b', type: 'Ticket' },
		];
		const stopped = await upsert(items);
		expect(stopped.status).toBe('error');
		expect(stopped.error?.message).toBe('The conversation type "Ticket" is reserved by Planhat');
		expect(stopped.error?.itemIndex).toBe(1);
		expect(standIn.requests).toHaveLength(0);
		const cont = await upsert(items, {}, true);
		expect(cont.json.map((j) => j.status)).toEqual(['created', 'failed']);
		expect(handled(standIn, 'PUT')[0].json).toHaveLength(1);
	});

	it('a 429 in the middle is retried after Retry-After and no chunk is sent twice', async () => {
		let puts = 0;
		standIn.inject({ status: 429, retryAfter: 1, match: (r) => r.method === 'PUT' && ++puts === 2 });
		const started = Date.now();
		const run = await upsert(many(12000));
		expect(run.status).toBe('success');
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
		const all = standIn.requests.filter((r) => r.method === 'PUT');
		expect(all.map((r) => [itemsOf(r).length, r.status])).toEqual([
			[5000, 200],
			[5000, 429],
			[5000, 200],
			[2000, 200],
		]);
		expect(itemsOf(all[1])[0].externalId).toBe(itemsOf(all[2])[0].externalId);
		expect(handled(standIn, 'PUT').map((r) => itemsOf(r)[0].externalId)).toEqual(['m-0', 'm-5000', 'm-10000']);
		expect(standIn.conversations).toHaveLength(12000);
		expect(run.json.every((j) => j.status === 'created')).toBe(true);
	});

	it('a lost answer is retried only when every item carries a keyable (a retry cannot duplicate)', async () => {
		standIn.inject({ drop: true, match: (r) => r.method === 'PUT' });
		const keyed = await upsert(many(3));
		expect(keyed.status).toBe('success');
		expect(standIn.requests.filter((r) => r.method === 'PUT')).toHaveLength(2);
		standIn.clearRequests();
		standIn.inject({ status: 500, match: (r) => r.method === 'PUT' });
		const keyless = await upsert([{ companyId: COMPANY_A, subject: 'no key' }]);
		expect(keyless.status).toBe('error');
		expect(keyless.error?.message).toMatch(/server error \(500\)/);
		expect(standIn.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
		// a 503 is a refusal before Planhat did anything: sent again even without keyables
		standIn.clearRequests();
		standIn.inject({ status: 503, match: (r) => r.method === 'PUT' });
		const refused = await upsert([{ companyId: COMPANY_A, subject: 'no key, refused once' }]);
		expect(refused.status).toBe('success');
		expect(standIn.requests.filter((r) => r.method === 'PUT').map((r) => r.status)).toEqual([503, 200]);
	});
});

describe('mapUpsertResult tolerates the optional response fields', () => {
	const sent = [{ externalId: 'a' }, { subject: 'no key' }, { sourceId: 's' }, { subject: 'also no key' }];

	it('a bare 200 without details marks every item upserted', () => {
		expect(mapUpsertResult(sent, { created: 2, updated: 2 }, 200).map((o) => o.status)).toEqual([
			'upserted',
			'upserted',
			'upserted',
			'upserted',
		]);
	});

	it('upsertedIds alone go to keyless items in order; errors with an echoed item match it', () => {
		const outcomes = mapUpsertResult(
			sent,
			{
				upsertedIds: ['id-1'],
				updatesKeys: [{ _id: 'x', sourceId: 's' }],
				createdErrors: [{ item: { subject: 'also no key' }, message: 'boom' }],
				updatedErrors: [{ externalId: 'a', error: { message: 'nested' } }],
			},
			206,
		);
		expect(outcomes).toEqual([
			{ status: 'failed', error: 'nested' },
			{ status: 'created', _id: 'id-1' },
			{ status: 'updated', _id: 'x' },
			{ status: 'failed', error: 'boom' },
		]);
	});

	it('errors that match nothing go to the remaining items when the counts agree, else stay unknown', () => {
		expect(mapUpsertResult([{ subject: 'x' }], { createdErrors: ['bad thing'] }, 206)).toEqual([
			{ status: 'failed', error: 'bad thing' },
		]);
		expect(mapUpsertResult([{ subject: 'x' }, { subject: 'y' }], { createdErrors: ['bad thing'] }, 206)).toEqual([
			{ status: 'unknown' },
			{ status: 'unknown' },
		]);
	});
});
