/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test code runs in Node.js, not in n8n's node sandbox */
/**
 * Issue 15: every function named on the HaveFunnels Web API page has a first-class operation,
 * except the installation-maintenance ones below, which stay reachable through Custom API Call.
 * Compares the page (../shared/api-docs/havefunnels-web-api.txt, or HAVEFUNNELS_API_PAGE) with the
 * functions the node's operations call; without the page, with web-api-functions.json, which is
 * checked against the page whenever the page is there. Also: each first-class function is
 * answered by the stand-in and has a contract sample, each operation has a node test, and the
 * README lists every resource, operation and excluded function.
 */
import * as fs from 'fs';
import * as path from 'path';

import { resources } from '../../nodes/HaveFunnels/actions/router';
import { FUNCTIONS } from '../stand-ins/havefunnels';
import DOC_SAMPLES from '../stand-ins/havefunnels/fixtures/doc-samples.json';
import MORE_SAMPLES from '../stand-ins/havefunnels/fixtures/doc-samples-more.json';
import SAVED from './web-api-functions.json';

/** Functions with no place in a workflow, and why (the README says the same). */
const EXCLUDED: Record<string, string> = {
	'app-activation': 'installs an app with a license key',
	'app-get-key': 'reveals an app license key',
	update: 'updates the installation itself',
	'updates-available': 'checks for updates of the installation',
	'wp-synch': 'WordPress version only: imports WordPress users',
	'cron-jobs': "runs the installation's cron jobs",
	'chat-css': 'returns CSS for the chat widget',
	'clean-data': 'deletes old visitors and messages in bulk',
	'export-settings': 'exports the whole configuration',
	'import-settings': 'overwrites the whole configuration',
	login: 'logs a browser session in (returns a login cookie)',
	logout: 'logs a browser session out',
	'update-login': 'changes the logged-in browser user',
	'pusher-trigger': 'triggers an internal Pusher event',
	'current-url': "reads or sets a browser session's current page",
	'email-piping': 'runs the email-to-chat synchronisation',
};

const ROOT = path.resolve(__dirname, '../..');
const PAGE_CANDIDATES = [
	process.env.HAVEFUNNELS_API_PAGE,
	path.resolve(ROOT, '../shared/api-docs/havefunnels-web-api.txt'),
	path.resolve(ROOT, '../main/../shared/api-docs/havefunnels-web-api.txt'),
].filter((p): p is string => !!p);
const PAGE = PAGE_CANDIDATES.find((p) => fs.existsSync(p));

/** The function names of the page: a lower-case name line followed by its one-sentence
 * description, up to the Webhooks section (whose names are events, not functions). */
function functionsOnPage(text: string): string[] {
	const lines = text.split(/\r?\n/);
	const names: string[] = [];
	for (let i = 0; i < lines.length; i++) {
		if (lines[i].trim() === 'Webhooks') break;
		if (/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(lines[i]) && /^[A-Z].*\.\s*$/.test(lines[i + 1] ?? '')) names.push(lines[i]);
	}
	return names;
}

const pageFunctions = PAGE ? functionsOnPage(fs.readFileSync(PAGE, 'utf8')) : SAVED.functions;

const operations = Object.entries(resources).flatMap(([resource, r]) =>
	Object.entries(r.operations).map(([operation, op]) => ({ resource, operation, fn: op.fn, name: String(op.option.name) })),
);
const nodeFunctions = new Set(operations.map((o) => o.fn).filter((fn): fn is string => !!fn));
const firstClass = pageFunctions.filter((fn) => !(fn in EXCLUDED));

describe('HaveFunnels Web API coverage (issue 15)', () => {
	(PAGE ? it : it.skip)('web-api-functions.json is the list of the API page', () => {
		expect(functionsOnPage(fs.readFileSync(PAGE!, 'utf8'))).toEqual(SAVED.functions);
	});

	it('the page names 117 functions: 101 first-class, 16 excluded', () => {
		expect(new Set(pageFunctions).size).toBe(pageFunctions.length);
		expect([pageFunctions.length, firstClass.length, Object.keys(EXCLUDED).length]).toEqual([117, 101, 16]);
		expect(Object.keys(EXCLUDED).filter((fn) => !pageFunctions.includes(fn))).toEqual([]);
	});

	it('every function on the page that is not excluded has an operation', () => {
		expect(firstClass.filter((fn) => !nodeFunctions.has(fn))).toEqual([]);
	});

	it('no operation calls an excluded function or one the page does not name', () => {
		expect([...nodeFunctions].filter((fn) => fn in EXCLUDED)).toEqual([]);
		expect([...nodeFunctions].filter((fn) => !pageFunctions.includes(fn))).toEqual([]);
	});

	it('the stand-in answers every first-class function, each with a contract sample', () => {
		const samples = { ...DOC_SAMPLES, ...MORE_SAMPLES } as Record<string, unknown>;
		expect(firstClass.filter((fn) => !FUNCTIONS[fn])).toEqual([]);
		expect(firstClass.filter((fn) => !(fn in samples))).toEqual([]);
	});

	it('every Get Many operation has Return All and Limit', () => {
		const getMany = Object.entries(resources).flatMap(([resource, r]) =>
			Object.entries(r.operations)
				.filter(([, op]) => op.option.name === 'Get Many')
				.map(([operation, op]) => ({ resource, operation, names: op.description.map((p) => p.name) })),
		);
		expect(getMany.length).toBeGreaterThanOrEqual(9);
		expect(getMany.filter((o) => !o.names.includes('returnAll') || !o.names.includes('limit')).map((o) => `${o.resource}.${o.operation}`)).toEqual([]);
	});

	it('every operation has a node test', () => {
		const dir = path.join(__dirname, 'actions');
		const tests = fs.readdirSync(dir).filter((f) => f.endsWith('.test.ts')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
		// itSendsAndReturns(ctx, '<resource>', [... operation: '<operation>' ...]) (up to the next one), or runHf(hf, '<resource>', '<operation>')
		const tested = (resource: string, operation: string) =>
			tests.some((t) => {
				const blocks = t.split(/itSendsAndReturns\(ctx, /).slice(1);
				if (blocks.some((b) => b.startsWith(`'${resource}'`) && b.includes(`operation: '${operation}'`))) return true;
				return t.includes(`'${resource}', '${operation}'`);
			});
		expect(operations.filter((o) => !tested(o.resource, o.operation)).map((o) => `${o.resource}.${o.operation}`)).toEqual([]);
	});

	it('the README lists every resource and operation, and the excluded functions with the reason', () => {
		const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
		const section = readme.slice(readme.indexOf('### HaveFunnels'), readme.indexOf('\n### ', readme.indexOf('### HaveFunnels') + 5));
		const rows = Object.fromEntries(
			section
				.split('\n')
				.filter((line) => /^\| [A-Z]/.test(line) && !line.startsWith('| Resource'))
				.map((line) => line.split('|').map((cell) => cell.trim()))
				.map((cells) => [cells[1], cells[2]]),
		);
		const resourceNames: Record<string, string> = {
			article: 'Article', automation: 'Automation', conversation: 'Conversation', customApiCall: 'Custom API Call', department: 'Department',
			dialogflow: 'Dialogflow', message: 'Message', note: 'Note', notification: 'Notification', openAi: 'OpenAI', report: 'Report',
			savedReply: 'Saved Reply', setting: 'Setting', slack: 'Slack', translation: 'Translation', user: 'User',
		};
		expect(Object.keys(resources).sort()).toEqual(Object.keys(resourceNames).sort());
		const missing = operations
			.filter((o) => o.resource !== 'customApiCall')
			.filter((o) => !(rows[resourceNames[o.resource]] ?? '').split(',').map((s: string) => s.trim()).includes(o.name))
			.map((o) => `${resourceNames[o.resource]}: ${o.name}`);
		expect(missing).toEqual([]);
		for (const fn of Object.keys(EXCLUDED)) expect([fn, section.includes(`\`${fn}\``)]).toEqual([fn, true]);
	});
});
