import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { planhatRequest } from '../transport';

/** Rows asked for per call of a list; Planhat pages with limit/offset. */
export const LIST_PAGE = 100;
/** With a filter, further pages are read in the same call until this many match (or the list ends). */
const ENOUGH_MATCHES = 20;
const MAX_PAGES_PER_CALL = 10;

interface ListSpec {
	path: string;
	what: string;
	select: string[];
	sort?: string;
	/** The fields the typed filter is looked for in. */
	searchIn: string[];
	label: (row: IDataObject) => string;
}

function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value);
}

/**
 * One page (or, with a filter, up to MAX_PAGES_PER_CALL pages) of a Planhat list for a resource
 * locator's "From List". Planhat has no text search on these endpoints, so the typed filter is
 * matched here, case-insensitively, against the spec's fields; the pagination token is the offset
 * of the next page.
 */
async function searchList(
	this: ILoadOptionsFunctions,
	spec: ListSpec,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const needle = text(filter).trim().toLowerCase();
	let offset = Number.parseInt(text(paginationToken), 10);
	if (!Number.isFinite(offset) || offset < 0) offset = 0;
	const results: INodeListSearchItems[] = [];
	let more = true;
	for (let pages = 0; more && pages < MAX_PAGES_PER_CALL; pages++) {
		const { body } = await planhatRequest.call(this, {
			method: 'GET',
			path: spec.path,
			qs: { limit: LIST_PAGE, offset, select: spec.select.join(','), ...(spec.sort ? { sort: spec.sort } : {}) },
			what: spec.what,
		});
		const rows = Array.isArray(body) ? (body as IDataObject[]) : [];
		offset += rows.length;
		more = rows.length === LIST_PAGE;
		for (const row of rows) {
			const id = text(row._id);
			if (!id) continue;
			const name = spec.label(row) || id;
			const haystack = [id, name, ...spec.searchIn.map((field) => text(row[field]))].join('\n').toLowerCase();
			if (needle && !haystack.includes(needle)) continue;
			results.push({ name, value: id });
		}
		if (!needle || results.length >= ENOUGH_MATCHES) break;
	}
	return { results, ...(more ? { paginationToken: String(offset) } : {}) };
}

export async function searchCompanies(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList.call(
		this,
		{
			path: '/companies',
			what: 'list companies',
			select: ['name', 'externalId', 'sourceId'],
			sort: 'name',
			searchIn: ['externalId', 'sourceId'],
			label: (row) => text(row.name),
		},
		filter,
		paginationToken,
	);
}

export async function searchEndUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList.call(
		this,
		{
			path: '/endusers',
			what: 'list end users',
			select: ['name', 'firstName', 'lastName', 'email', 'externalId', 'companyName'],
			searchIn: ['firstName', 'lastName', 'email', 'externalId', 'companyName'],
			label: (row) => {
				const name = text(row.name) || [text(row.firstName), text(row.lastName)].filter(Boolean).join(' ');
				const email = text(row.email);
				return name && email ? `${name} (${email})` : name || email;
			},
		},
		filter,
		paginationToken,
	);
}

export async function searchConversations(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList.call(
		this,
		{
			path: '/conversations',
			what: 'list conversations',
			select: ['subject', 'date', 'externalId', 'type'],
			sort: '-date',
			searchIn: ['externalId', 'type'],
			label: (row) => {
				const subject = text(row.subject) || '(no subject)';
				const day = text(row.date).slice(0, 10);
				return day ? `${subject} (${day})` : subject;
			},
		},
		filter,
		paginationToken,
	);
}
