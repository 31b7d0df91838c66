import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { PAGE_SIZE } from '../actions/operation';
import { haveFunnelsApiRequest } from '../transport';

function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value).trim();
}

function page(paginationToken?: string): number {
	const n = Number.parseInt(text(paginationToken), 10);
	return Number.isFinite(n) && n >= 1 ? n : 1;
}

function rowsOf(response: unknown): IDataObject[] {
	return Array.isArray(response) ? (response as IDataObject[]) : [];
}

/** "First Last (email)", or "User #12" for a visitor without a name. */
function userName(row: IDataObject, id: string): string {
	const name = [text(row.first_name), text(row.last_name)].filter(Boolean).join(' ');
	const email = text(row.email);
	const label = name || `User #${id}`;
	return email ? `${label} (${email})` : label;
}

/**
 * Users for "From List": get-users, which searches names and emails itself (`search`) and pages
 * 100 at a time (`pagination` 1, 2, ...); the pagination token is the next page number.
 */
export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const current = page(paginationToken);
	const search = text(filter);
	const response = await haveFunnelsApiRequest.call(this, 'get-users', {
		sorting: ['creation_time', 'DESC'],
		pagination: current,
		...(search ? { search } : {}),
	});
	const rows = rowsOf(response);
	const results: INodeListSearchItems[] = rows
		.filter((row) => text(row.id) !== '')
		.map((row) => ({ name: userName(row, text(row.id)), value: text(row.id) }));
	return { results, ...(rows.length >= PAGE_SIZE ? { paginationToken: String(current + 1) } : {}) };
}

/** "#952 Jessica Brenson: Hi, I need help!" — the conversation, its user and its last message. */
function conversationName(row: IDataObject, id: string): string {
	const who = [text(row.first_name), text(row.last_name)].filter(Boolean).join(' ');
	const title = text(row.title);
	const last = text(row.message).replace(/\s+/g, ' ');
	const about = title || (last.length > 60 ? `${last.slice(0, 57)}...` : last);
	return [`#${id}`, who].filter(Boolean).join(' ') + (about ? `: ${about}` : '');
}

/**
 * Conversations for "From List": without a filter the inbox, newest first, from
 * get-conversations (100 a page, `pagination`); with one, search-conversations (messages,
 * attachment names, the user's name and email; one answer, no pages). A typed number also finds
 * that conversation by its ID.
 */
export async function searchConversations(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const search = text(filter);
	const current = page(paginationToken);
	const response = search
		? await haveFunnelsApiRequest.call(this, 'search-conversations', { search })
		: await haveFunnelsApiRequest.call(this, 'get-conversations', { pagination: current });
	const rows = rowsOf(response);
	const seen = new Set<string>();
	const results: INodeListSearchItems[] = [];
	for (const row of rows) {
		const id = text(row.conversation_id ?? row.id);
		if (!id || seen.has(id)) continue;
		seen.add(id);
		results.push({ name: conversationName(row, id), value: id });
	}
	const more = !search && rows.length >= PAGE_SIZE;
	return { results, ...(more ? { paginationToken: String(current + 1) } : {}) };
}
