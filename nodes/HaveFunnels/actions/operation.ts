import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../shared';
import { readParameter } from '../../shared';
import type { ApiArgs } from '../transport';
import { haveFunnelsApiRequest } from '../transport';
import type { Field } from './common.description';
import { notFoundNotice, propertiesOf, returnAllFields } from './common.description';

/** HaveFunnels pages lists 100 at a time (`pagination` 1, 2, ...). */
export const PAGE_SIZE = 100;
const MAX_PAGES = 1000;

/**
 * How an answer becomes output items:
 * - `object`: the answer is one record; `list`: one item per entry (a scalar entry becomes
 *   `{ [valueKey]: entry }`); `done`: an action that answers `true`, giving `{ success: true }`;
 *   `{ value: key }`: `{ [key]: answer }` whatever the answer is (counts, booleans, URLs).
 * - A "not found" answer (`false`, `null`, an empty list or record) gives **no item** for the
 *   input item; the node setting "Always Output Data" turns that into one empty item.
 * - A function gets the answer and returns the items itself.
 */
export type Output =
	| 'object'
	| 'list'
	| 'done'
	| { value: string }
	| ((this: IExecuteFunctions, response: unknown, itemIndex: number) => IDataObject[]);

export interface OperationSpec {
	resource: string;
	operation: string;
	/** Label in the Operation list ("Get Many"). */
	name: string;
	/** Sentence-case action ("Get many users"). */
	action: string;
	/** The API function. */
	fn: string;
	fields?: Field[];
	output?: Output;
	valueKey?: string;
	/**
	 * Adds Return All / Limit: `paginate` pages with `pagination` (100 a page), `slice` cuts the
	 * one answer, `{ argument }` also sends the limit as that argument.
	 */
	returnAll?: 'paginate' | 'slice' | { argument: string };
	/** Reshapes the arguments read from the fields before the call. */
	transform?: (args: ApiArgs) => ApiArgs;
	/** Whether to tell the user that "not found" gives no output item (single-record lookups). */
	notFoundNotice?: boolean;
	/** Whether an ambiguous failure may be retried; the transport decides when unset. */
	idempotent?: boolean;
}

export interface Operation {
	/** The API function it calls (none for Custom API Call). */
	fn?: string;
	option: INodePropertyOptions;
	description: INodeProperties[];
	execute: (this: IExecuteFunctions, itemIndex: number) => Promise<ItemResult>;
}

function isEmptyAnswer(response: unknown): boolean {
	if (response === false || response === null || response === undefined || response === '') return true;
	if (Array.isArray(response)) return response.length === 0;
	if (typeof response === 'object') {
		const record = response as IDataObject;
		if (Object.keys(record).length === 0) return true;
		// get-conversation answers {"messages":[],"details":""} for an unknown conversation
		return 'details' in record && !record.details && Array.isArray(record.messages) && record.messages.length === 0;
	}
	return false;
}

function entry(value: unknown, valueKey: string): IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as IDataObject) : { [valueKey]: value as IDataObject[string] };
}

export function toItems(response: unknown, output: Exclude<Output, (...args: never[]) => unknown>, valueKey = 'result'): IDataObject[] {
	if (typeof output === 'object') return [{ [output.value]: response as IDataObject[string] }];
	if (isEmptyAnswer(response)) return [];
	if (output === 'done') return [{ success: true }];
	if (Array.isArray(response)) return response.map((value) => entry(value, valueKey));
	return [entry(response, valueKey)];
}

async function readArgs(this: IExecuteFunctions, fields: Field[], itemIndex: number): Promise<ApiArgs> {
	const args: ApiArgs = {};
	for (const f of fields) {
		const value = readParameter(this, f.property.name, itemIndex, f.property.default);
		Object.assign(args, f.toArgs(value, this, itemIndex));
	}
	return args;
}

async function fetchPages(
	this: IExecuteFunctions,
	spec: OperationSpec,
	args: ApiArgs,
	limit: number,
	itemIndex: number,
): Promise<unknown[]> {
	const results: unknown[] = [];
	let previousFirst: string | undefined;
	for (let page = 1; page <= MAX_PAGES && results.length < limit; page++) {
		const response = await haveFunnelsApiRequest.call(this, spec.fn, { ...args, pagination: page }, { itemIndex });
		const list = Array.isArray(response) ? response : [];
		// an installation that ignores `pagination` would answer the same page forever
		const first = JSON.stringify(list[0] ?? null);
		if (list.length === 0 || first === previousFirst) break;
		previousFirst = first;
		results.push(...list);
		if (list.length < PAGE_SIZE) break;
	}
	return results.slice(0, limit);
}

/** Builds one operation: its parameters (shown only for it) and its per-item execute. */
export function defineOperation(spec: OperationSpec): Operation {
	const fields = spec.fields ?? [];
	const limited = spec.returnAll !== undefined;
	const properties = [
		...(spec.notFoundNotice ? [notFoundNotice] : []),
		...fields.flatMap(propertiesOf),
		...(limited ? returnAllFields : []),
	];
	// keep optional collections last, after Return All / Limit
	properties.sort((a, b) => Number(a.type === 'collection') - Number(b.type === 'collection'));
	const output = spec.output ?? 'object';

	async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
		const read = await readArgs.call(this, fields, itemIndex);
		const args = spec.transform ? spec.transform(read) : read;
		const returnAll = limited && readParameter(this, 'returnAll', itemIndex, false);
		const limit = limited && !returnAll ? readParameter(this, 'limit', itemIndex, 50) : Infinity;
		let response: unknown;
		if (spec.returnAll === 'paginate') {
			response = await fetchPages.call(this, spec, args, limit, itemIndex);
		} else {
			if (typeof spec.returnAll === 'object' && Number.isFinite(limit)) args[spec.returnAll.argument] = limit;
			response = await haveFunnelsApiRequest.call(this, spec.fn, args, { itemIndex, idempotent: spec.idempotent });
		}
		const items =
			typeof output === 'function' ? output.call(this, response, itemIndex) : toItems(response, output, spec.valueKey);
		return limited && Number.isFinite(limit) ? items.slice(0, limit) : items;
	}

	return {
		fn: spec.fn,
		option: { name: spec.name, value: spec.operation, action: spec.action },
		description: updateDisplayOptions({ show: { resource: [spec.resource], operation: [spec.operation] } }, properties),
		execute,
	};
}

/** The Operation selector of one resource and its operations by value. */
export function defineResource(
	resource: string,
	operations: Record<string, Operation>,
	defaultOperation: string,
): { description: INodeProperties[]; operations: Record<string, Operation> } {
	const list = Object.values(operations);
	const selector: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: list.map((op) => op.option).sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultOperation,
	};
	const byValue = Object.fromEntries(list.map((op) => [op.option.value as string, op]));
	return { description: [selector, ...list.flatMap((op) => op.description)], operations: byValue };
}
