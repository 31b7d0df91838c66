/**
 * `mapUpsertResult` is linear and answers exactly as the quadratic version did: it is compared
 * with that version (kept in fixtures/) on thousands of random answers, and on 5,000 and 10,000
 * items, in order and shuffled, the work it does (candidate items looked at) is counted: at most a
 * small constant per item, never n² — no timing is measured.
 */
import type { IDataObject } from 'n8n-workflow';
import { mapUpsertResult, type MatchCounter } from '../../nodes/Planhat/actions/conversation/bulkUpsert.operation';
import { referenceMapUpsertResult } from './fixtures/mapUpsertResult.reference';

/** A small seeded generator (mulberry32), so every run sees the same "random" cases. */
function random(seed: number) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function shuffle<T>(list: T[], next: () => number): T[] {
	const out = [...list];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(next() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

const hexId = (n: number) => n.toString(16).padStart(24, '0');

/** A random batch and a random answer that mixes every shape the mapping understands. */
function randomCase(seed: number) {
	const next = random(seed);
	const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
	const size = 1 + Math.floor(next() * 14);
	// Few distinct values, so duplicates and several items sharing a keyable are common.
	const sent: IDataObject[] = [];
	for (let i = 0; i < size; i++) {
		const item: IDataObject = { subject: pick(['a', 'b', 'c']) };
		if (next() < 0.5) item.externalId = pick(['e1', 'e2', 'e3', 'e4']);
		if (next() < 0.3) item.sourceId = pick(['s1', 's2', 's3']);
		if (next() < 0.2) item._id = pick([hexId(1), hexId(2)]);
		if (next() < 0.1) item.externalId = pick([7, 8]);
		sent.push(item);
	}
	const keysFrom = (item: IDataObject): IDataObject => {
		const out: IDataObject = {};
		for (const key of ['_id', 'externalId', 'sourceId']) if (item[key] !== undefined && next() < 0.7) out[key] = item[key];
		return out;
	};
	const errorEntry = (): unknown => {
		const item = pick(sent);
		switch (Math.floor(next() * 7)) {
			case 0:
				return pick(['bad thing', 'worse thing']);
			case 1:
				return { ...keysFrom(item), error: pick(['dup', 'no company']) };
			case 2:
				return { item: { ...item }, message: 'echoed' };
			case 3:
				return { data: { subject: item.subject }, reason: 'echoed without keys' };
			case 4:
				return { index: Math.floor(next() * (size + 2)) - 1, errors: { message: 'by index' } };
			case 5:
				return { payload: keysFrom(item), msg: 'payload' };
			default:
				return { externalId: pick(['e9', 'e1']), errors: ['x'] };
		}
	};
	const body: IDataObject = {};
	for (const field of ['createdErrors', 'updatedErrors', 'permissionErrors']) {
		if (next() < 0.5) body[field] = Array.from({ length: Math.floor(next() * 4) }, errorEntry);
	}
	if (next() < 0.7) {
		body.updatesKeys = Array.from({ length: Math.floor(next() * 5) }, () => ({
			...keysFrom(pick(sent)),
			...(next() < 0.5 ? { _id: pick([hexId(1), hexId(3)]) } : {}),
		}));
	}
	if (next() < 0.6) {
		body.insertsKeys = Array.from({ length: Math.floor(next() * 6) }, () =>
			next() < 0.5 ? { ...keysFrom(pick(sent)), _id: hexId(100 + Math.floor(next() * 50)) } : { _id: hexId(200 + Math.floor(next() * 50)) },
		);
	} else if (next() < 0.5) {
		body.upsertedIds = Array.from({ length: Math.floor(next() * 5) }, () => (next() < 0.9 ? hexId(300 + Math.floor(next() * 50)) : 42));
	}
	const statusCode = pick([200, 206, 400]);
	return { sent, body: next() < 0.03 ? pick([null, 'text', [body]]) : body, statusCode };
}

describe('mapUpsertResult answers exactly as before', () => {
	it('matches an echoed item whatever its key order, nested objects and arrays included', () => {
		const sent: IDataObject[] = [
			{ subject: 'a', custom: { b: 1, list: [1, { y: 2, x: 1 }, null] } },
			{ subject: 'a', custom: { b: 1, list: [1, { y: 2, x: 1 }, null] } },
			{ subject: 'a', custom: { b: 2 } },
		];
		const body = {
			createdErrors: [
				{ item: { custom: { list: [1, { x: 1, y: 2 }, null], b: 1 }, subject: 'a' }, error: 'first copy' },
				{ data: { custom: { list: [1, { x: 1, y: 2 }, null], b: 1 }, subject: 'a' }, error: 'second copy' },
				{ payload: { custom: { b: 2 }, subject: 'a', extra: true }, error: 'no such item', index: 2 },
			],
		};
		expect(mapUpsertResult(sent, body, 206)).toEqual(referenceMapUpsertResult(sent, body, 206));
		expect(mapUpsertResult(sent, body, 206).map((o) => o.error)).toEqual(['first copy', 'second copy', 'no such item']);
	});

	it('agrees with the previous (quadratic) version on 3,000 random batches and answers', () => {
		for (let seed = 1; seed <= 3000; seed++) {
			const { sent, body, statusCode } = randomCase(seed);
			const expected = referenceMapUpsertResult(sent, body, statusCode);
			const actual = mapUpsertResult(sent, body, statusCode);
			if (JSON.stringify(actual) !== JSON.stringify(expected)) {
				// Name the failing case so it can be replayed.
				expect({ seed, sent, body, statusCode, actual }).toEqual({ seed, sent, body, statusCode, actual: expected });
			}
		}
	});

	it('hands an entry to the first unanswered matching item, across keyables', () => {
		const sent = [{ externalId: 'e' }, { sourceId: 's' }, { externalId: 'e', sourceId: 's' }, { externalId: 'e' }];
		const body = {
			updatedErrors: [{ externalId: 'e', sourceId: 's', error: 'first' }],
			updatesKeys: [{ sourceId: 's', _id: hexId(5) }, { externalId: 'e', sourceId: 's' }],
		};
		expect(mapUpsertResult(sent, body, 206)).toEqual(referenceMapUpsertResult(sent, body, 206));
		expect(mapUpsertResult(sent, body, 206)).toEqual([
			{ status: 'failed', error: 'first' },
			{ status: 'updated', _id: hexId(5) },
			{ status: 'updated' },
			{ status: 'unknown' },
		]);
	});
});

/** n conversations, each with an external ID; the answer creates or updates each one. */
function bigCase(n: number, order: 'in order' | 'shuffled') {
	const next = random(n);
	const sent: IDataObject[] = Array.from({ length: n }, (_, i) => ({ externalId: `chat-${i}`, subject: `s ${i}`, companyId: hexId(9) }));
	const inserts: IDataObject[] = [];
	const updates: IDataObject[] = [];
	const errors: IDataObject[] = [];
	sent.forEach((item, i) => {
		if (i % 10 === 3) errors.push({ externalId: item.externalId, error: `no company for ${i}` });
		else if (i % 2 === 0) inserts.push({ externalId: item.externalId, _id: hexId(10_000_000 + i) });
		else updates.push({ externalId: item.externalId, _id: hexId(20_000_000 + i) });
	});
	const arrange = (list: IDataObject[]) => (order === 'shuffled' ? shuffle(list, next) : list);
	const body = { insertsKeys: arrange(inserts), updatesKeys: arrange(updates), createdErrors: arrange(errors) };
	const expected = sent.map((_, i) =>
		i % 10 === 3
			? { status: 'failed', error: `no company for ${i}` }
			: i % 2 === 0
				? { status: 'created', _id: hexId(10_000_000 + i) }
				: { status: 'updated', _id: hexId(20_000_000 + i) },
	);
	return { sent, body, expected };
}

/** n items without keyables whose errors only echo the item (matched by JSON text), and new IDs. */
function echoCase(n: number, order: 'in order' | 'shuffled') {
	const next = random(n + 1);
	const sent: IDataObject[] = Array.from({ length: n }, (_, i) => ({ subject: `s ${i}`, description: `d ${i % 7}` }));
	const failing = sent.map((_, i) => i).filter((i) => i % 3 === 0);
	const echoes = failing.map((i) => ({ item: { description: sent[i].description, subject: sent[i].subject }, error: `bad ${i}` }));
	const ids = sent.map((_, i) => i).filter((i) => i % 3 !== 0).map((i) => hexId(i));
	const body = { createdErrors: order === 'shuffled' ? shuffle(echoes, next) : echoes, upsertedIds: ids };
	const expected = sent.map((_, i) => (i % 3 === 0 ? { status: 'failed', error: `bad ${i}` } : { status: 'created', _id: undefined as string | undefined }));
	// upsertedIds go to the keyless items left, in order.
	let k = 0;
	expected.forEach((outcome) => {
		if (outcome.status === 'created') outcome._id = ids[k++];
	});
	return { sent, body, expected };
}

describe('mapUpsertResult is linear (counted, not timed)', () => {
	const counted = (sent: IDataObject[], body: unknown, statusCode: number) => {
		const counter: MatchCounter = { probes: 0 };
		const outcomes = mapUpsertResult(sent, body, statusCode, counter);
		return { outcomes, probes: counter.probes };
	};

	for (const order of ['in order', 'shuffled'] as const) {
		it(`maps 5,000 and 10,000 keyed items ${order} correctly, looking at each item a bounded number of times`, () => {
			const probes: number[] = [];
			for (const n of [5000, 10_000]) {
				const { sent, body, expected } = bigCase(n, order);
				const result = counted(sent, body, 206);
				expect(result.outcomes).toEqual(expected);
				// One look per answer entry: a scan from the start would be ~n²/4 (6 million at 5,000).
				expect(result.probes).toBeLessThanOrEqual(2 * n);
				probes.push(result.probes);
			}
			// Twice the items, about twice the work.
			expect(probes[1]).toBeLessThanOrEqual(2.2 * probes[0]);
		});

		it(`maps 5,000 and 10,000 keyless items ${order} (errors matched by the echoed item, new IDs in order)`, () => {
			for (const n of [5000, 10_000]) {
				const { sent, body, expected } = echoCase(n, order);
				const result = counted(sent, body, 206);
				expect(result.outcomes).toEqual(expected);
				expect(result.probes).toBeLessThanOrEqual(3 * n);
			}
		});
	}

	it('the count is honest: items sharing one external ID are looked at again only after they are answered', () => {
		// 5,000 items with the same external ID, 5,000 updates for it: each update takes the next item.
		const n = 5000;
		const sent = Array.from({ length: n }, () => ({ externalId: 'same' }));
		const body = { updatesKeys: Array.from({ length: n }, (_, i) => ({ externalId: 'same', _id: hexId(i) })) };
		const { outcomes, probes } = counted(sent, body, 200);
		expect(outcomes.map((o) => o._id)).toEqual(Array.from({ length: n }, (_, i) => hexId(i)));
		expect(probes).toBeGreaterThanOrEqual(n);
		expect(probes).toBeLessThanOrEqual(2 * n);
	});
});
