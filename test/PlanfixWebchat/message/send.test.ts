/** Message → Send (newMessage) through the workflow-executor rig against the Planfix stand-in. */
import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../rig';
import { credentialsFor, expectNoSecrets, PLANFIX_TOKEN, PROVIDER, sentPairs, startStandIn, type StandIn } from '../fixtures';

const base = { resource: 'message', operation: 'send' };

describe('Planfix Webchat: Message → Send', () => {
	let pf: StandIn;
	beforeEach(async () => {
		pf = await startStandIn();
	});
	afterEach(async () => {
		await pf.stop();
	});

	it('sends every field as a form body, attachments as repeated pairs in order, task fields as data_*', async () => {
		const run = await runNode({
			type: 'planfixWebchat',
			parameters: {
				...base,
				chatId: 'EFHASFN1239351',
				message: 'Hello, I have a question',
				contactId: '57487124',
				contactName: 'Ivan',
				attachments: {
					attachment: [
						{ name: 'photo1.jpg', url: 'https://superchat.io/files/5444.jpg' },
						{ name: 'photo2.jpg', url: 'https://superchat.io/files/5445.jpg' },
					],
				},
				taskFields: { field: [{ name: 'utm_source', value: 'google' }, { name: 'utm_medium', value: 'cpc' }] },
				additionalFields: {
					title: 'Boilers',
					contactLastName: 'Ivanov',
					contactIco: 'https://superchat.io/avatars/183712.png',
					contactEmail: 'ivan@ivanov.com',
					contactPhone: '79051234567',
					contactData: 'the gas boilers came as expected',
					channel: 'telegram',
					isEcho: true,
					userEmail: 'op@firm.test',
				},
			},
			credentials: credentialsFor(pf),
		});
		expect(run.status).toBe('success');
		expect(pf.requests[0].contentType).toBe('application/x-www-form-urlencoded');
		expect(sentPairs(pf)).toEqual([
			[
				['cmd', 'newMessage'],
				['providerId', PROVIDER],
				['chatId', 'EFHASFN1239351'],
				['message', 'Hello, I have a question'],
				['title', 'Boilers'],
				['contactId', '57487124'],
				['contactName', 'Ivan'],
				['contactLastName', 'Ivanov'],
				['contactIco', 'https://superchat.io/avatars/183712.png'],
				['contactEmail', 'ivan@ivanov.com'],
				['contactPhone', '79051234567'],
				['contactData', 'the gas boilers came as expected'],
				['channel', 'telegram'],
				['attachments[name]', 'photo1.jpg'],
				['attachments[url]', 'https://superchat.io/files/5444.jpg'],
				['attachments[name]', 'photo2.jpg'],
				['attachments[url]', 'https://superchat.io/files/5445.jpg'],
				['isEcho', 'true'],
				['userEmail', 'op@firm.test'],
				['data_utm_source', 'google'],
				['data_utm_medium', 'cpc'],
				['planfix_token', PLANFIX_TOKEN],
			],
		]);
		// Planfix's own view: a task was opened with the fields, the attachments paired up.
		const task = pf.taskForChat(PROVIDER, 'EFHASFN1239351');
		expect(task).toMatchObject({ number: 1001, title: 'Boilers', fields: { utm_source: 'google', utm_medium: 'cpc' } });
		expect(pf.state.messages[0]).toMatchObject({
			isEcho: true,
			userEmail: 'op@firm.test',
			attachments: [
				{ name: 'photo1.jpg', url: 'https://superchat.io/files/5444.jpg' },
				{ name: 'photo2.jpg', url: 'https://superchat.io/files/5445.jpg' },
			],
		});
		// Planfix answers with an empty body; the node still says what it sent (no token).
		expect(run.json).toEqual([
			{
				chatId: 'EFHASFN1239351',
				message: 'Hello, I have a question',
				title: 'Boilers',
				contactId: '57487124',
				contactName: 'Ivan',
				contactLastName: 'Ivanov',
				contactIco: 'https://superchat.io/avatars/183712.png',
				contactEmail: 'ivan@ivanov.com',
				contactPhone: '79051234567',
				contactData: 'the gas boilers came as expected',
				channel: 'telegram',
				isEcho: true,
				userEmail: 'op@firm.test',
				attachments: [
					{ name: 'photo1.jpg', url: 'https://superchat.io/files/5444.jpg' },
					{ name: 'photo2.jpg', url: 'https://superchat.io/files/5445.jpg' },
				],
				taskFields: { utm_source: 'google', utm_medium: 'cpc' },
			},
		]);
		expectNoSecrets(run.raw);
	});

	it('sends only the required fields when nothing else is set, and leaves out the author email without Is Echo', async () => {
		const run = await runNode({
			type: 'planfixWebchat',
			parameters: { ...base, chatId: 'c1', message: 'hi', contactId: 'k1', contactName: 'Ann', additionalFields: { userEmail: 'op@firm.test' } },
			credentials: credentialsFor(pf),
		});
		expect(run.status).toBe('success');
		expect(sentPairs(pf)[0]).toEqual([
			['cmd', 'newMessage'],
			['providerId', PROVIDER],
			['chatId', 'c1'],
			['message', 'hi'],
			['contactId', 'k1'],
			['contactName', 'Ann'],
			['planfix_token', PLANFIX_TOKEN],
		]);
		expect(run.json).toEqual([{ chatId: 'c1', message: 'hi', contactId: 'k1', contactName: 'Ann' }]);
	});

	it('sends one request per item with expressions resolved, each output paired to its item', async () => {
		const run = await runNode({
			type: 'planfixWebchat',
			parameters: { ...base, chatId: '={{ $json.chat }}', message: '={{ $json.text }}', contactId: '={{ $json.chat }}-c', contactName: 'Bob' },
			items: [
				{ chat: 'A', text: 'first' },
				{ chat: 'B', text: 'second' },
			],
			credentials: credentialsFor(pf),
		});
		expect(run.status).toBe('success');
		expect(sentPairs(pf).map((pairs) => Object.fromEntries(pairs))).toEqual([
			expect.objectContaining({ chatId: 'A', message: 'first', contactId: 'A-c' }),
			expect.objectContaining({ chatId: 'B', message: 'second', contactId: 'B-c' }),
		]);
		expect(run.items.map((i) => [i.json.chatId, i.pairedItem])).toEqual([
			['A', { item: 0 }],
			['B', { item: 1 }],
		]);
		expect(pf.state.tasks.size).toBe(2);
	});

	it.each([
		['chatId', 'Chat ID'],
		['message', 'Message'],
		['contactId', 'Contact ID'],
		['contactName', 'Contact Name'],
	])('fails before sending when %s is empty', async (field, label) => {
		const parameters: IDataObject = { ...base, chatId: 'c', message: 'm', contactId: 'k', contactName: 'n', [field]: '  ' };
		const run = await runNode({ type: 'planfixWebchat', parameters, credentials: credentialsFor(pf) });
		expect(run.status).toBe('error');
		expect(run.error).toMatchObject({ message: `${label} is empty`, name: 'NodeOperationError', itemIndex: 0 });
		expect(pf.requests).toHaveLength(0);
	});

	it('a message that is only files: the file names are sent as the text, the files as attachments', async () => {
		const run = await runNode({
			type: 'planfixWebchat',
			parameters: {
				...base,
				chatId: 'c1',
				message: '={{ $json.text }}',
				contactId: 'k1',
				contactName: 'Ivan',
				attachments: {
					attachment: [
						{ name: 'photo.jpg', url: 'https://superchat.io/files/1.jpg' },
						{ name: 'scan.pdf', url: 'https://superchat.io/files/2.pdf' },
					],
				},
			},
			items: [{ text: '' }],
			credentials: credentialsFor(pf),
		});
		expect(run.status).toBe('success');
		expect(sentPairs(pf)[0]).toEqual(
			expect.arrayContaining([
				['message', 'photo.jpg, scan.pdf'],
				['attachments[name]', 'photo.jpg'],
				['attachments[url]', 'https://superchat.io/files/1.jpg'],
			]),
		);
		expect(pf.state.messages[0]).toMatchObject({ message: 'photo.jpg, scan.pdf', attachments: [{ name: 'photo.jpg' }, { name: 'scan.pdf' }] });
		expect(run.json[0]).toMatchObject({ message: 'photo.jpg, scan.pdf' });
	});

	it('an empty message without files is refused with a hint at Attachments', async () => {
		const run = await runNode({
			type: 'planfixWebchat',
			parameters: { ...base, chatId: 'c', message: '', contactId: 'k', contactName: 'n' },
			credentials: credentialsFor(pf),
		});
		expect(run.error).toMatchObject({ message: 'Message is empty', description: expect.stringMatching(/Attachments/) });
		expect(pf.requests).toHaveLength(0);
	});

	it('refuses an attachment without a public URL and a task field without a name', async () => {
		const bad = await runNode({
			type: 'planfixWebchat',
			parameters: { ...base, chatId: 'c', message: 'm', contactId: 'k', contactName: 'n', attachments: { attachment: [{ name: 'a.jpg', url: 'file:///etc/passwd' }] } },
			credentials: credentialsFor(pf),
		});
		expect(bad.error?.message).toBe('Attachment 1 needs a file name and a public http(s) URL');
		const noName = await runNode({
			type: 'planfixWebchat',
			parameters: { ...base, chatId: 'c', message: 'm', contactId: 'k', contactName: 'n', taskFields: { field: [{ name: '', value: 'x' }] } },
			credentials: credentialsFor(pf),
		});
		expect(noName.error?.message).toBe('Task field 1 has no field name');
		expect(pf.requests).toHaveLength(0);
	});
});
