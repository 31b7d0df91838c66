/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test code runs in Node.js, not in n8n's node sandbox */
/**
 * Contract tests of the Planfix webchat stand-in: every sample request/response of
 * shared/api-docs/planfix-webchat-api.txt and every Planfix quirk of CONTRACT-NOTES.md.
 */
import http from 'http';
import type { AddressInfo } from 'net';

import { PF_CONTRACT_INTEGRATION_TOKEN, PF_CONTRACT_PLANFIX_TOKEN } from '../fixture-secrets';
import { createPlanfixStandIn, type InboundMessage, type PlanfixStandIn } from './planfix';

const TOKEN = PF_CONTRACT_PLANFIX_TOKEN;
const INTEGRATION_TOKEN = PF_CONTRACT_INTEGRATION_TOKEN;

type Pairs = Array<[string, string]>;

/** POSTs to the stand-in; `json` is the parsed answer (undefined when the text is not JSON). */
async function post<T = unknown>(url: string, body: Pairs | string, contentType = 'application/x-www-form-urlencoded') {
	const text = typeof body === 'string' ? body : new URLSearchParams(body).toString();
	const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': contentType }, body: text });
	const raw = await response.text();
	let json: T | undefined;
	try {
		json = raw ? (JSON.parse(raw) as T) : undefined;
	} catch {
		json = undefined;
	}
	return { status: response.status, raw, json: json as T, headers: response.headers };
}

// The documented sample calls, verbatim (planfix-webchat-api.txt).
const SAMPLE_NEW_MESSAGE: Pairs = [
	['cmd', 'newMessage'],
	['providerId', 'superchat'],
	['chatId', 'EFHASFN1239351'],
	['planfix_token', TOKEN],
	['message', 'Hello, I have a question'],
	['contactId', '57487124'],
	['contactName', 'Ivan'],
	['contactLastName', 'Ivanov'],
	['contactIco', 'https://superchat.io/avatars/183712.png'],
	['contactEmail', 'ivan@ivanov.com'],
	['contactPhone', '79051234567'],
	['contactData', 'the gas boilers came as expected'],
	['attachments[name]', 'photo1.jpg'],
	['attachments[url]', 'https://superchat.io/files/5444.jpg'],
	['attachments[name]', 'photo2.jpg'],
	['attachments[url]', 'https://superchat.io/files/5445.jpg'],
];
const SAMPLE_GET_TASK: Pairs = [
	['cmd', 'getTask'],
	['providerId', 'superchat'],
	['planfix_token', TOKEN],
	['chatId', 'EFHASFN1239351'],
];
const SAMPLE_GET_CONTACT: Pairs = [
	['cmd', 'getContact'],
	['providerId', 'superchat'],
	['planfix_token', TOKEN],
	['contactId', '57487124'],
];
const SAMPLE_UPDATE_CONTACT: Pairs = [
	['cmd', 'updateContact'],
	['providerId', 'superchat'],
	['planfix_token', TOKEN],
	['contactId', '57487124'],
	['contactName', 'Mike'],
	['contactLastName', 'Wilson'],
	['contactIco', 'https://superchat.io/avatars/183712.png'],
	['contactEmail', 'mike@wilson.com'],
	['contactPhone', '190512345670'],
	['contactData', 'came as a result of the gas boilers call'],
];
const SAMPLE_MESSAGE_STATUS: Pairs = [
	['cmd', 'messageStatus'],
	['providerId', 'superchat'],
	['planfix_token', TOKEN],
	['messageId', '4188849'],
	['messageStatus', 'read'],
];

function without(pairs: Pairs, key: string): Pairs {
	return pairs.filter(([k]) => k !== key);
}
function replace(pairs: Pairs, key: string, value: string): Pairs {
	return pairs.map(([k, v]) => [k, k === key ? value : v]);
}

/** A fake integration endpoint (the "third-party chat") that records what the agent sends. */
function integrationServer(answer: (fields: Record<string, string | string[]>) => { status: number; body: unknown }) {
	const received: Array<{ contentType: string; raw: string; pairs: Pairs }> = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			const pairs = [...new URLSearchParams(raw).entries()] as Pairs;
			received.push({ contentType: String(req.headers['content-type']), raw, pairs });
			const fields: Record<string, string | string[]> = {};
			for (const [k, v] of pairs) fields[k] = k in fields ? ([] as string[]).concat(fields[k], v) : v;
			const { status, body } = answer(fields);
			res.writeHead(status, { 'Content-Type': 'application/json' });
			res.end(typeof body === 'string' ? body : JSON.stringify(body));
		});
	});
	return {
		received,
		async start() {
			await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
			return `http://127.0.0.1:${(server.address() as AddressInfo).port}/planfix_api.php`;
		},
		stop: () => new Promise<void>((r) => server.close(() => r())),
	};
}

describe('Planfix webchat stand-in (contract)', () => {
	let pf: PlanfixStandIn;
	let api: string;

	beforeEach(async () => {
		pf = createPlanfixStandIn({ planfixToken: TOKEN, integrationToken: INTEGRATION_TOKEN });
		await pf.start();
		api = pf.apiUrl;
	});
	afterEach(async () => {
		await pf.stop();
	});

	it('serves POST /webchat/api (the address of the integration window)', () => {
		expect(api).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webchat\/api$/);
	});

	describe('newMessage (sample call)', () => {
		it('answers the documented sample with HTTP 200 and an empty body (not a literal "OK")', async () => {
			const res = await post(api, SAMPLE_NEW_MESSAGE);
			expect(res.status).toBe(200);
			expect(res.raw).toBe('');
		});

		it('opens a task on the chat first message, and not again on the next one', async () => {
			await post(api, SAMPLE_NEW_MESSAGE);
			const task = pf.taskForChat('superchat', 'EFHASFN1239351');
			expect(task).toMatchObject({ number: 1001, chatId: 'EFHASFN1239351', providerId: 'superchat' });
			await post(api, replace(SAMPLE_NEW_MESSAGE, 'message', 'second'));
			expect(pf.state.tasks.size).toBe(1);
			const chat = pf.chat('superchat', 'EFHASFN1239351');
			expect(chat!.messages.map((m) => [m.message, m.openedTask, m.taskNumber])).toEqual([
				['Hello, I have a question', true, 1001],
				['second', false, 1001],
			]);
			await post(api, replace(SAMPLE_NEW_MESSAGE, 'chatId', 'OTHER'));
			expect(pf.taskForChat('superchat', 'OTHER')!.number).toBe(1002);
		});

		it('keeps the contact the message carried', async () => {
			await post(api, SAMPLE_NEW_MESSAGE);
			expect(pf.contact('superchat', '57487124')).toMatchObject({
				number: 5001,
				contactName: 'Ivan',
				contactLastName: 'Ivanov',
				contactIco: 'https://superchat.io/avatars/183712.png',
				contactEmail: 'ivan@ivanov.com',
				contactPhone: '79051234567',
				contactData: 'the gas boilers came as expected',
			});
		});

		it('zips repeated attachments[name]/attachments[url] pairs by position, in order', async () => {
			await post(api, SAMPLE_NEW_MESSAGE);
			expect((pf.state.messages[0] as InboundMessage).attachments).toEqual([
				{ name: 'photo1.jpg', url: 'https://superchat.io/files/5444.jpg' },
				{ name: 'photo2.jpg', url: 'https://superchat.io/files/5445.jpg' },
			]);
			expect(pf.requests[0].form!.pairs).toEqual(SAMPLE_NEW_MESSAGE);
		});

		it('does not take attachments[0][name] or attachments[name][] as attachments', async () => {
			const body: Pairs = [
				...without(without(SAMPLE_NEW_MESSAGE, 'attachments[name]'), 'attachments[url]'),
				['attachments[0][name]', 'x.jpg'],
				['attachments[0][url]', 'https://x/x.jpg'],
				['attachments[name][]', 'y.jpg'],
				['attachments[url][]', 'https://x/y.jpg'],
			];
			const res = await post(api, body);
			expect(res.status).toBe(200);
			expect((pf.state.messages[0] as InboundMessage).attachments).toEqual([]);
			expect((pf.state.messages[0] as InboundMessage).unknownFields.map(([k]) => k)).toEqual([
				'attachments[0][name]',
				'attachments[0][url]',
				'attachments[name][]',
				'attachments[url][]',
			]);
		});

		it('rejects unequal attachment name/url counts with 400 Invalid parameters', async () => {
			const res = await post(api, [...SAMPLE_NEW_MESSAGE, ['attachments[name]', 'orphan.jpg']]);
			expect(res.status).toBe(400);
			expect(res.json).toEqual({ error: 'Invalid parameters' });
		});

		it('fills task fields from data_<Field>', async () => {
			await post(api, [...SAMPLE_NEW_MESSAGE, ['data_utm_source', 'google'], ['data_utm_medium', 'cpc']]);
			expect(pf.taskForChat('superchat', 'EFHASFN1239351')!.fields).toEqual({ utm_source: 'google', utm_medium: 'cpc' });
		});

		it('uses the title for the task and records isEcho and userEmail', async () => {
			await post(api, [...SAMPLE_NEW_MESSAGE, ['title', 'Boilers'], ['isEcho', 'true'], ['userEmail', 'op@firm.test']]);
			expect(pf.taskForChat('superchat', 'EFHASFN1239351')!.title).toBe('Boilers');
			expect(pf.state.messages[0]).toMatchObject({ isEcho: true, userEmail: 'op@firm.test', title: 'Boilers' });
		});

		it.each(['chatId', 'contactId', 'contactName'])('answers 400 Invalid parameters without %s', async (field) => {
			const res = await post(api, without(SAMPLE_NEW_MESSAGE, field));
			expect(res.status).toBe(400);
			expect(res.json).toEqual({ error: 'Invalid parameters' });
			expect(pf.state.messages).toHaveLength(0);
		});

		it('answers 401 Invalid token for a wrong planfix_token', async () => {
			const res = await post(api, replace(SAMPLE_NEW_MESSAGE, 'planfix_token', 'wrong'));
			expect(res.status).toBe(401);
			expect(res.json).toEqual({ error: 'Invalid token' });
			expect(pf.state.messages).toHaveLength(0);
		});

		it('answers 401 when planfix_token is missing, before looking at the parameters', async () => {
			const res = await post(api, without(without(SAMPLE_NEW_MESSAGE, 'planfix_token'), 'chatId'));
			expect(res.status).toBe(401);
			expect(res.json).toEqual({ error: 'Invalid token' });
		});

		it('reads only form bodies: the same fields as JSON are not understood (no token -> 401)', async () => {
			const res = await post(api, JSON.stringify(Object.fromEntries(SAMPLE_NEW_MESSAGE)), 'application/json');
			expect(res.status).toBe(401);
			expect(pf.state.messages).toHaveLength(0);
		});
	});

	describe('providerId checks', () => {
		it('rejects a providerId containing "~" with 400', async () => {
			const res = await post(api, replace(SAMPLE_NEW_MESSAGE, 'providerId', 'super~chat'));
			expect(res.status).toBe(400);
			expect(res.json).toEqual({ error: 'Invalid parameters' });
		});

		it('rejects a missing providerId with 400', async () => {
			const res = await post(api, without(SAMPLE_GET_TASK, 'providerId'));
			expect(res.status).toBe(400);
			expect(res.json).toEqual({ error: 'Invalid parameters' });
		});

		it('keeps chats of different providerIds apart (same chatId, two tasks)', async () => {
			await post(api, SAMPLE_NEW_MESSAGE);
			await post(api, replace(SAMPLE_NEW_MESSAGE, 'providerId', 'otherchat'));
			expect(pf.taskForChat('superchat', 'EFHASFN1239351')!.number).toBe(1001);
			expect(pf.taskForChat('otherchat', 'EFHASFN1239351')!.number).toBe(1002);
			const res = await post(api, replace(SAMPLE_GET_TASK, 'providerId', 'thirdchat'));
			expect(res.status).toBe(400);
			expect(res.json).toEqual({ error: 'task not found' });
		});

		it('accepts only the configured providerIds when a list is given', async () => {
			await pf.stop();
			pf = createPlanfixStandIn({ planfixToken: TOKEN, providerIds: ['superchat'] });
			await pf.start();
			expect((await post(pf.apiUrl, SAMPLE_NEW_MESSAGE)).status).toBe(200);
			const res = await post(pf.apiUrl, replace(SAMPLE_NEW_MESSAGE, 'providerId', 'otherchat'));
			expect(res.status).toBe(400);
		});
	});

	describe('getTask (sample call)', () => {
		it('answers {"data":{"number":N}} for a chat that has a task', async () => {
			await post(api, SAMPLE_NEW_MESSAGE);
			const res = await post(api, SAMPLE_GET_TASK);
			expect(res.status).toBe(200);
			expect(res.json).toEqual({ data: { number: 1001 } });
		});

		it('answers data as a JSON string (with statusIsActive) when asked to', async () => {
			await post(api, SAMPLE_NEW_MESSAGE);
			pf.setDataAsString(true);
			const res = await post<{ data: string }>(api, SAMPLE_GET_TASK);
			expect(res.status).toBe(200);
			expect(typeof res.json.data).toBe('string');
			expect(JSON.parse(res.json.data)).toEqual({ number: 1001, statusIsActive: true });
		});

		it('answers 400 "task not found" for an unknown chat (the credential test relies on it)', async () => {
			const res = await post(api, SAMPLE_GET_TASK);
			expect(res.status).toBe(400);
			expect(res.json).toEqual({ error: 'task not found' });
		});

		it('answers 401 Invalid token for an unknown chat with a bad token', async () => {
			const res = await post(api, replace(SAMPLE_GET_TASK, 'planfix_token', 'bad'));
			expect(res.status).toBe(401);
			expect(res.json).toEqual({ error: 'Invalid token' });
		});

		it('answers 400 Invalid parameters without chatId', async () => {
			const res = await post(api, without(SAMPLE_GET_TASK, 'chatId'));
			expect(res.status).toBe(400);
			expect(res.json).toEqual({ error: 'Invalid parameters' });
		});
	});

	describe('getContact (sample call)', () => {
		it('answers {"data":{"number":N}} for a known contact', async () => {
			await post(api, SAMPLE_NEW_MESSAGE);
			const res = await post(api, SAMPLE_GET_CONTACT);
			expect(res.status).toBe(200);
			expect(res.json).toEqual({ data: { number: 5001 } });
		});

		it('answers data as a JSON string when asked to', async () => {
			pf.seedContact({ providerId: 'superchat', contactId: '57487124', contactName: 'Ivan' });
			pf.setDataAsString(true);
			const res = await post<{ data: string }>(api, SAMPLE_GET_CONTACT);
			expect(JSON.parse(res.json.data)).toEqual({ number: 5001 });
		});

		it('answers 400 "unknown contact" for an unknown contact', async () => {
			const res = await post(api, SAMPLE_GET_CONTACT);
			expect(res.status).toBe(400);
			expect(res.json).toEqual({ error: 'unknown contact' });
		});

		it('answers 401 for a bad token', async () => {
			const res = await post(api, replace(SAMPLE_GET_CONTACT, 'planfix_token', 'bad'));
			expect(res.status).toBe(401);
			expect(res.json).toEqual({ error: 'Invalid token' });
		});
	});

	describe('updateContact (sample call)', () => {
		it('answers 200 with an empty body and updates the contact', async () => {
			await post(api, SAMPLE_NEW_MESSAGE);
			const res = await post(api, SAMPLE_UPDATE_CONTACT);
			expect(res.status).toBe(200);
			expect(res.raw).toBe('');
			expect(pf.contact('superchat', '57487124')).toMatchObject({
				number: 5001,
				contactName: 'Mike',
				contactLastName: 'Wilson',
				contactEmail: 'mike@wilson.com',
				contactPhone: '190512345670',
				contactData: 'came as a result of the gas boilers call',
			});
		});

		it('answers 400 Invalid parameters without contactName', async () => {
			const res = await post(api, without(SAMPLE_UPDATE_CONTACT, 'contactName'));
			expect(res.status).toBe(400);
			expect(res.json).toEqual({ error: 'Invalid parameters' });
		});

		it('answers 401 for a bad token', async () => {
			const res = await post(api, replace(SAMPLE_UPDATE_CONTACT, 'planfix_token', 'bad'));
			expect(res.status).toBe(401);
		});
	});

	describe('messageStatus (sample call)', () => {
		it('answers 200 with an empty body and records the status', async () => {
			const res = await post(api, SAMPLE_MESSAGE_STATUS);
			expect(res.status).toBe(200);
			expect(res.raw).toBe('');
			expect(pf.state.statuses.get('4188849')).toMatchObject({ status: 'read', raw: 'read' });
		});

		it.each([
			['sent', 'sent'],
			['read', 'read'],
			['error', 'error'],
			['delivered', 'sent'],
			['whatever', 'sent'],
		])('treats status %s as %s', async (given, meant) => {
			await post(api, replace(SAMPLE_MESSAGE_STATUS, 'messageStatus', given));
			expect(pf.state.statuses.get('4188849')!.status).toBe(meant);
		});

		it('records messageStatusText and the history of statuses', async () => {
			await post(api, replace(SAMPLE_MESSAGE_STATUS, 'messageStatus', 'sent'));
			await post(api, [...replace(SAMPLE_MESSAGE_STATUS, 'messageStatus', 'error'), ['messageStatusText', 'blocked']]);
			const entry = pf.state.statuses.get('4188849');
			expect(entry!.history.map((h) => [h.status, h.statusText])).toEqual([
				['sent', undefined],
				['error', 'blocked'],
			]);
		});

		it.each(['messageId', 'messageStatus'])('answers 400 without %s', async (field) => {
			const res = await post(api, without(SAMPLE_MESSAGE_STATUS, field));
			expect(res.status).toBe(400);
			expect(res.json).toEqual({ error: 'Invalid parameters' });
		});

		it('answers 401 for a bad token', async () => {
			const res = await post(api, replace(SAMPLE_MESSAGE_STATUS, 'planfix_token', 'bad'));
			expect(res.status).toBe(401);
		});
	});

	it('answers 400 Invalid parameters to an unknown cmd', async () => {
		const res = await post(api, replace(SAMPLE_GET_TASK, 'cmd', 'deleteTask'));
		expect(res.status).toBe(400);
		expect(res.json).toEqual({ error: 'Invalid parameters' });
	});

	it('records every request with its ordered form pairs and status', async () => {
		await post(api, SAMPLE_GET_TASK);
		await post(api, SAMPLE_NEW_MESSAGE);
		expect(pf.apiCalls().map((r) => [r.form!.fields.cmd, r.status])).toEqual([
			['getTask', 400],
			['newMessage', 200],
		]);
		expect(pf.requests[1].form!.fields['attachments[name]']).toEqual(['photo1.jpg', 'photo2.jpg']);
	});

	describe('fault injection', () => {
		it('answers 429 with Retry-After, then normally', async () => {
			pf.inject({ status: 429, retryAfter: 2 });
			const first = await post(api, SAMPLE_MESSAGE_STATUS);
			expect(first.status).toBe(429);
			expect(first.headers.get('retry-after')).toBe('2');
			expect(pf.state.statuses.size).toBe(0);
			const second = await post(api, SAMPLE_MESSAGE_STATUS);
			expect(second.status).toBe(200);
			expect(pf.requests.map((r) => r.fault)).toEqual(['429', null]);
		});

		it('answers a 5xx for matching requests only', async () => {
			pf.inject({ status: 503, match: (r) => r.form?.fields.cmd === 'getTask' });
			expect((await post(api, SAMPLE_MESSAGE_STATUS)).status).toBe(200);
			expect((await post(api, SAMPLE_GET_TASK)).status).toBe(503);
			expect((await post(api, SAMPLE_GET_TASK)).status).toBe(400);
		});

		it('answers late on a slow fault', async () => {
			pf.inject({ delayMs: 300 });
			const started = Date.now();
			const res = await post(api, SAMPLE_MESSAGE_STATUS);
			expect(res.status).toBe(200);
			expect(Date.now() - started).toBeGreaterThanOrEqual(280);
		});

		it('drops the connection on a drop fault and does not apply the command', async () => {
			pf.inject({ drop: true });
			await expect(post(api, SAMPLE_NEW_MESSAGE)).rejects.toThrow();
			expect(pf.state.messages).toHaveLength(0);
			expect(pf.requests[0].fault).toBe('drop');
		});
	});

	describe('the Planfix agent (Planfix -> integration)', () => {
		let integration: ReturnType<typeof integrationServer>;
		let answerWith: { status: number; body: unknown };

		beforeEach(async () => {
			answerWith = { status: 200, body: { chatId: 'EFHASFN1239351', contactId: '57487124' } };
			integration = integrationServer(() => answerWith);
			pf.agent.configure({ url: await integration.start() });
		});
		afterEach(() => integration.stop());

		it('sends a reply as the documented cmd=newMessage form with the integration token', async () => {
			await post(api, SAMPLE_NEW_MESSAGE);
			const record = await pf.agent.reply({
				providerId: 'superchat',
				chatId: 'EFHASFN1239351',
				message: 'Hello, how can I help you?',
				userName: 'Peter',
				userLastName: 'Peterson',
				attachments: [
					{ name: 'file1.doc', url: 'https://account_name.planfix.com/file/aadkapdoa5456454' },
					{ name: 'file2.doc', url: 'https://account_name.planfix.com/file/aadkapdoa5456455' },
				],
			});
			expect(integration.received).toHaveLength(1);
			expect(integration.received[0].contentType).toBe('application/x-www-form-urlencoded');
			expect(integration.received[0].pairs).toEqual([
				['cmd', 'newMessage'],
				['providerId', 'superchat'],
				['chatId', 'EFHASFN1239351'],
				['token', INTEGRATION_TOKEN],
				['message', 'Hello, how can I help you?'],
				['messageId', record.messageId],
				['userName', 'Peter'],
				['userLastName', 'Peterson'],
				['userIco', 'https://account_name.planfix.com/?action=getuserpic&id=77'],
				['taskEmail', 'task+1001@planfix.test'],
				['attachments[name]', 'file1.doc'],
				['attachments[url]', 'https://account_name.planfix.com/file/aadkapdoa5456454'],
				['attachments[name]', 'file2.doc'],
				['attachments[url]', 'https://account_name.planfix.com/file/aadkapdoa5456455'],
			]);
			expect(record.status).toBe(200);
			expect(record.answer).toEqual({ chatId: 'EFHASFN1239351', contactId: '57487124' });
			expect(pf.agent.sent).toHaveLength(1);
		});

		it('gives each agent message a messageId that messageStatus can then report on', async () => {
			const record = await pf.agent.reply({ providerId: 'superchat', chatId: 'C1' });
			expect(record.messageId).toBe('4188001');
			expect(pf.state.statuses.get('4188001')!.status).toBeNull();
			await post(api, replace(SAMPLE_MESSAGE_STATUS, 'messageId', record.messageId));
			expect(pf.state.statuses.get('4188001')!.status).toBe('read');
		});

		it('sends the first message without chatId but with contactPhone, and binds the answered ids', async () => {
			answerWith = { status: 200, body: { chatId: 'NEWCHAT-1', contactId: 'NEWCONTACT-1' } };
			const record = await pf.agent.firstMessage({
				providerId: 'superchat',
				contactPhone: '190512345670',
				message: 'Hello, what are you interested in?',
				userName: 'Mike',
				userLastName: 'Wilson',
			});
			const sent = integration.received[0].pairs;
			expect(sent.map(([k]) => k)).not.toContain('chatId');
			expect(sent.slice(0, 4)).toEqual([
				['cmd', 'newMessage'],
				['providerId', 'superchat'],
				['contactPhone', '190512345670'],
				['token', INTEGRATION_TOKEN],
			]);
			expect(Object.fromEntries(sent)).toMatchObject({ message: 'Hello, what are you interested in?', messageId: record.messageId });
			expect(record.answer).toEqual({ chatId: 'NEWCHAT-1', contactId: 'NEWCONTACT-1' });
			expect(pf.chat('superchat', 'NEWCHAT-1')).toMatchObject({ contactId: 'NEWCONTACT-1' });
			expect(pf.taskForChat('superchat', 'NEWCHAT-1')!.number).toBe(1001);
			expect(pf.contact('superchat', 'NEWCONTACT-1')!.contactPhone).toBe('190512345670');
		});

		it('keeps a status the integration reported while it was still answering the agent', async () => {
			// The integration reports "read" for the message before it answers Planfix.
			const slow = http.createServer(async (req, res) => {
				const chunks: Buffer[] = [];
				for await (const c of req) chunks.push(c as Buffer);
				const id = new URLSearchParams(Buffer.concat(chunks).toString()).get('messageId') as string;
				await post(api, replace(SAMPLE_MESSAGE_STATUS, 'messageId', id));
				res.writeHead(200, { 'Content-Type': 'application/json' });
				res.end(JSON.stringify({ chatId: 'X', contactId: 'Y' }));
			});
			await new Promise<void>((r) => slow.listen(0, '127.0.0.1', () => r()));
			const url = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/`;
			const first = await pf.agent.firstMessage({ providerId: 'superchat', contactPhone: '1', url });
			const reply = await pf.agent.reply({ providerId: 'superchat', chatId: 'X', url });
			expect(pf.state.statuses.get(first.messageId)!.status).toBe('read');
			expect(pf.state.statuses.get(reply.messageId)!.status).toBe('read');
			await new Promise<void>((r) => slow.close(() => r()));
		});

		it('records an answer without chatId/contactId as no answer', async () => {
			answerWith = { status: 200, body: '' };
			const record = await pf.agent.firstMessage({ providerId: 'superchat', contactPhone: '1' });
			expect(record.status).toBe(200);
			expect(record.answer).toBeNull();
			expect(pf.state.chats.size).toBe(0);
		});

		it('records a 401 from the integration and can send a wrong or no token', async () => {
			answerWith = { status: 401, body: { error: 'Invalid token' } };
			const wrong = await pf.agent.reply({ providerId: 'superchat', chatId: 'C1', token: 'nope' });
			const none = await pf.agent.reply({ providerId: 'superchat', chatId: 'C1', token: null });
			expect(Object.fromEntries(integration.received[0].pairs).token).toBe('nope');
			expect(integration.received[1].pairs.map(([k]) => k)).not.toContain('token');
			expect([wrong.status, none.status]).toEqual([401, 401]);
			expect(wrong.json).toEqual({ error: 'Invalid token' });
			expect(wrong.answer).toBeNull();
		});

		it('can send one attachment and raw field lists', async () => {
			await pf.agent.reply({
				providerId: 'superchat',
				chatId: 'C1',
				attachments: [{ name: 'one.pdf', url: 'https://pf.test/f/1' }],
			});
			await pf.agent.send([
				['cmd', 'somethingElse'],
				['providerId', 'superchat'],
			]);
			expect(integration.received[0].pairs.filter(([k]) => k.startsWith('attachments'))).toEqual([
				['attachments[name]', 'one.pdf'],
				['attachments[url]', 'https://pf.test/f/1'],
			]);
			expect(integration.received[1].pairs).toEqual([
				['cmd', 'somethingElse'],
				['providerId', 'superchat'],
				['token', INTEGRATION_TOKEN],
			]);
		});
	});
});
