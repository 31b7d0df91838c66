import type { IDataObject } from 'n8n-workflow';

import type { Attachment } from '../../shared';

/** Fields Planfix sends with cmd=newMessage; anything else it sends is passed on as well. */
const SINGLE_VALUE_FIELDS = [
	'cmd',
	'providerId',
	'chatId',
	'contactPhone',
	'channel',
	'message',
	'messageId',
	'userName',
	'userLastName',
	'userIco',
	'taskEmail',
];
const ATTACHMENT_NAME = 'attachments[name]';
const ATTACHMENT_URL = 'attachments[url]';

type Parsed = { ok: true; item: IDataObject } | { ok: false; error: string };

function asList(value: unknown): unknown[] {
	if (value === undefined) return [];
	return Array.isArray(value) ? value : [value];
}

export function present(value: unknown): value is string {
	return typeof value === 'string' && value.trim() !== '';
}

/**
 * Zips attachments[name] with attachments[url] by position, whatever shape the form parser made:
 * one file gives two strings, several give two arrays. A nested parser (qs) could also give
 * `attachments: { name, url }` or a list of `{ name, url }`, which is accepted too.
 */
export function normaliseAttachments(body: IDataObject): Attachment[] | { error: string } {
	let names = asList(body[ATTACHMENT_NAME]);
	let urls = asList(body[ATTACHMENT_URL]);
	const nested = body.attachments;
	if (!names.length && !urls.length && nested !== undefined) {
		if (Array.isArray(nested)) {
			names = nested.map((entry) => (entry as IDataObject)?.name);
			urls = nested.map((entry) => (entry as IDataObject)?.url);
		} else if (typeof nested === 'object' && nested !== null) {
			names = asList((nested as IDataObject).name);
			urls = asList((nested as IDataObject).url);
		}
	}
	if (names.length !== urls.length) return { error: 'attachment names and URLs do not pair up' };
	const out: Attachment[] = [];
	for (let i = 0; i < names.length; i++) {
		if (typeof names[i] !== 'string' || typeof urls[i] !== 'string') return { error: 'attachment is not text' };
		out.push({ name: names[i] as string, url: urls[i] as string });
	}
	return out;
}

/** Checks a parsed newMessage body and builds the output item (without the token). */
export function parsePlanfixMessage(body: unknown): Parsed {
	const fail = (error: string): Parsed => ({ ok: false, error });
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return fail('body is not a form');
	const fields = body as IDataObject;
	if (fields.cmd !== 'newMessage') return fail('unknown cmd');
	for (const key of SINGLE_VALUE_FIELDS) {
		if (fields[key] !== undefined && typeof fields[key] !== 'string') return fail(`${key} is repeated or not text`);
	}
	if (!present(fields.providerId)) return fail('providerId missing');
	const attachments = normaliseAttachments(fields);
	if (!Array.isArray(attachments)) return fail(attachments.error);
	if (typeof fields.message !== 'string' || (!present(fields.message) && attachments.length === 0)) {
		return fail('message missing');
	}
	const isFirstMessage = !present(fields.chatId);
	if (isFirstMessage && !present(fields.contactPhone)) return fail('chatId and contactPhone missing');

	const item: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (key === 'token' || key === ATTACHMENT_NAME || key === ATTACHMENT_URL || key === 'attachments') continue;
		item[key] = value;
	}
	item.attachments = attachments as unknown as IDataObject[];
	item.isFirstMessage = isFirstMessage;
	return { ok: true, item };
}
