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

async function listUsers(
	this: ILoadOptionsFunctions,
	userTypes: string[] | undefined,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const current = page(paginationToken);
	const search = text(filter);
	const response = await haveFunnelsApiRequest.call(this, 'get-users', {
		sorting: ['creation_time', 'DESC'],
		...(userTypes ? { user_types: userTypes } : {}),
		pagination: current,
		...(search ? { search } : {}),
	});
	const rows = rowsOf(response);
	const results: INodeListSearchItems[] = rows
		.filter((row) => text(row.id) !== '')
		.map((row) => ({ name: userName(row, text(row.id)), value: text(row.id) }));
	return { results, ...(rows.length >= PAGE_SIZE ? { paginationToken: String(current + 1) } : {}) };
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
	return await listUsers.call(this, undefined, filter, paginationToken);
}

/** Agents and admins for "From List": get-users of those types, searched and paged as users. */
export async function searchAgents(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await listUsers.call(this, ['agent', 'admin'], filter, paginationToken);
}

/**
 * Departments for "From List": get-departments answers all of them at once
 * (`{"1": {"name": ...}, ...}`), so the typed fragment is matched here, on the name or the ID.
 */
export async function searchDepartments(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const needle = text(filter).toLowerCase();
	const response = await haveFunnelsApiRequest.call(this, 'get-departments', {});
	const entries =
		response && typeof response === 'object' && !Array.isArray(response) ? Object.entries(response as Record<string, IDataObject>) : [];
	const results: INodeListSearchItems[] = entries
		.map(([id, department]) => ({ name: text(department?.name) || `Department #${id}`, value: id }))
		.filter((entry) => !needle || entry.name.toLowerCase().includes(needle) || entry.value === needle);
	return { results };
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
