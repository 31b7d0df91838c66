#!/usr/bin/env node
/**
 * Micro-benchmark of the Planhat bulk-upsert result mapping (`mapUpsertResult`), plain Node, no
 * n8n. It loads the compiled function from one or more dist/ folders (default: ./dist of this
 * checkout, so `npm run build` first) and prints, for 5,000 and 10,000 items with the answer's
 * entries in sending order and shuffled, the median and fastest time of several runs.
 * It prints only: no assertions, no exit code from the figures.
 *
 *   node scripts/bench/micro.js                      # this checkout's dist/
 *   node scripts/bench/micro.js /tmp/base/dist dist  # before / after side by side
 *
 * Cases: "keyed" — every item has an external ID; the answer creates half, updates the others and
 * fails every tenth (Planhat's 206 partial answer). "echoed" — items without keyables; errors
 * echo the failed item (matched by its JSON text) and the new IDs go to the others in order.
 */
'use strict';
const path = require('path');
const { performance } = require('perf_hooks');

const ROOT = path.resolve(__dirname, '..', '..');
const RUNS = Number(process.env.MICRO_RUNS || 11);
/** A case whose single run takes longer than this gets fewer runs (the old version at 10,000). */
const SLOW_MS = 2000;

function load(dist) {
	const file = path.resolve(ROOT, dist, 'nodes/Planhat/actions/conversation/bulkUpsert.operation.js');
	const mod = require(file);
	if (typeof mod.mapUpsertResult !== 'function') throw new Error(`${file} has no mapUpsertResult`);
	return mod.mapUpsertResult;
}

/** Seeded generator (mulberry32): every run shuffles the same way. */
function random(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function shuffle(list, next) {
	const out = [...list];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(next() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

const hexId = (n) => n.toString(16).padStart(24, '0');

function keyedCase(n, shuffled) {
	const next = random(n);
	const sent = Array.from({ length: n }, (_, i) => ({ externalId: `chat-${i}`, subject: `s ${i}`, companyId: hexId(9), type: 'note' }));
	const inserts = [];
	const updates = [];
	const errors = [];
	sent.forEach((item, i) => {
		if (i % 10 === 3) errors.push({ externalId: item.externalId, error: `no company for ${i}` });
		else if (i % 2 === 0) inserts.push({ externalId: item.externalId, _id: hexId(10_000_000 + i) });
		else updates.push({ externalId: item.externalId, _id: hexId(20_000_000 + i) });
	});
	const arrange = (list) => (shuffled ? shuffle(list, next) : list);
	return { sent, body: { insertsKeys: arrange(inserts), updatesKeys: arrange(updates), createdErrors: arrange(errors) }, statusCode: 206 };
}

function echoedCase(n, shuffled) {
	const next = random(n + 1);
	const sent = Array.from({ length: n }, (_, i) => ({ subject: `s ${i}`, description: `d ${i % 7}`, companyId: hexId(9) }));
	const echoes = [];
	const ids = [];
	sent.forEach((item, i) => {
		if (i % 3 === 0) echoes.push({ item: { ...item }, error: `bad ${i}` });
		else ids.push(hexId(i));
	});
	return { sent, body: { createdErrors: shuffled ? shuffle(echoes, next) : echoes, upsertedIds: ids }, statusCode: 206 };
}

function measure(fn, { sent, body, statusCode }) {
	for (let warm = 0; warm < 3; warm++) fn(sent, body, statusCode); // warm-up (and a check that it runs)
	const times = [];
	for (let run = 0; run < RUNS; run++) {
		const start = performance.now();
		fn(sent, body, statusCode);
		times.push(performance.now() - start);
		if (times[times.length - 1] > SLOW_MS && times.length >= 2) break;
	}
	times.sort((a, b) => a - b);
	return { median: times[Math.floor((times.length - 1) / 2)], min: times[0], runs: times.length };
}

/** The cases of the table, by name: { name, n, shuffled, kind, make() }. */
function allCases(sizes = [5000, 10000]) {
	const cases = [];
	for (const kind of ['keyed', 'echoed']) {
		for (const n of sizes) {
			for (const shuffled of [false, true]) {
				cases.push({ name: `${kind} ${n.toLocaleString('en')} ${shuffled ? 'shuffled' : 'in order'}`, kind, n, shuffled, make: () => (kind === 'keyed' ? keyedCase(n, shuffled) : echoedCase(n, shuffled)) });
			}
		}
	}
	return cases;
}

function main() {
	const dists = process.argv.slice(2);
	if (dists.length === 0) dists.push('dist');
	const versions = dists.map((dist) => ({ label: dist, fn: load(dist) }));
	const cases = allCases();
	console.log(`mapUpsertResult, median (fastest) of up to ${RUNS} runs, ms — Node ${process.version}`);
	const header = ['case', ...versions.map((v) => v.label)];
	const rows = [header];
	for (const c of cases) {
		const input = c.make();
		const row = [c.name];
		for (const version of versions) {
			const { median, min, runs } = measure(version.fn, input);
			row.push(`${median.toFixed(1)} (${min.toFixed(1)})${runs < RUNS ? ` ×${runs}` : ''}`);
		}
		if (versions.length > 1) {
			// also whether every version maps the same way
			const outputs = versions.map((v) => JSON.stringify(v.fn(input.sent, input.body, input.statusCode)));
			row.push(outputs.every((o) => o === outputs[0]) ? 'same' : 'DIFFERENT');
		}
		rows.push(row);
	}
	if (versions.length > 1) header.push('answers');
	const widths = header.map((_, i) => Math.max(...rows.map((r) => String(r[i] ?? '').length)));
	for (const row of rows) console.log(row.map((cell, i) => String(cell ?? '').padEnd(widths[i])).join('  '));
}

if (require.main === module) main();
module.exports = { load, allCases, measure };
