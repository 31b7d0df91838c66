import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeParameterResourceLocator,
	INodeProperties,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { asNodeError, errorMessage, parameterReader } from '../../../shared';
import { BULK_LIMIT, BULK_TIMEOUT_MS, planhatRequest, serviceMessage } from '../../transport';
import {
	conversationBody,
	conversationFields,
	keyableFromLocator,
	keyableLocator,
	RESERVED_TYPES,
	reservedTypeNotice,
} from '../common.description';

const KEYABLES = ['_id', 'externalId', 'sourceId'] as const;
type Keys = Partial<Record<(typeof KEYABLES)[number], string>>;

export type UpsertStatus = 'created' | 'updated' | 'failed' | 'upserted' | 'unknown';

export interface UpsertOutcome {
	status: UpsertStatus;
	_id?: string;
	error?: string;
}

const properties: INodeProperties[] = [
	{
		displayName:
			'Create or Update sends all input items to Planhat together, in requests of up to 5,000 conversations, one after another. A conversation with a Planhat ID, external ID or source ID that matches one in Planhat is updated; any other is created. Each input item gets an output item with its status: created, updated or failed.',
		name: 'bulkNotice',
		type: 'notice',
		default: '',
	},
	reservedTypeNotice,
	{
		displayName: 'Data Mode',
		name: 'dataMode',
		type: 'options',
		options: [
			{
				name: 'Map Each Field Below',
				value: 'define',
				description: 'Build each conversation from the fields below (expressions read the input item)',
			},
			{
				name: 'Auto-Map Input Data',
				value: 'autoMap',
				description: 'Send each input item as it is: its properties must be Planhat conversation fields',
			},
		],
		default: 'define',
	},
	{
		...keyableLocator('Company', 'companyId', 'company the conversation belongs to (needed to create one)'),
		required: false,
		displayOptions: { show: { dataMode: ['define'] } },
	},
	{
		displayName: 'Match On',
		name: 'matchOn',
		type: 'options',
		options: [
			{ name: 'External ID', value: 'externalId' },
			{ name: 'Source ID', value: 'sourceId' },
			{ name: 'Planhat ID', value: '_id' },
		],
		default: 'externalId',
		description: 'Which ID decides whether a conversation already exists in Planhat',
		displayOptions: { show: { dataMode: ['define'] } },
	},
	{
		displayName: 'Value to Match',
		name: 'matchValue',
		type: 'string',
		default: '',
		description: 'The ID of this conversation, e.g. an expression with the chat message ID. Empty creates a new one.',
		displayOptions: { show: { dataMode: ['define'] } },
	},
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: conversationFields().filter((field) => field.name !== 'externalId' && field.name !== 'sourceId'),
		displayOptions: { show: { dataMode: ['define'] } },
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['conversation'], operation: ['upsert'] } },
	properties,
);

function keysOf(value: unknown): Keys {
	const keys: Keys = {};
	if (!value || typeof value !== 'object') return keys;
	for (const key of KEYABLES) {
		const v = (value as IDataObject)[key];
		if (typeof v === 'string' && v !== '') keys[key] = v;
		else if (typeof v === 'number') keys[key] = String(v);
	}
	return keys;
}

function asList(value: unknown): unknown[] {
	return Array.isArray(value) ? value : [];
}

/** JSON text with object keys sorted, so equal items give equal text whatever their key order. */
function stableJson(value: unknown): string {
	if (Array.isArray(value)) {
		let out = '[';
		for (let i = 0; i < value.length; i++) {
			const entry = stableJson(value[i]);
			// as Array.prototype.join: an entry with no JSON text (undefined) adds nothing
			out += (i > 0 ? ',' : '') + (entry === undefined ? '' : entry);
		}
		return `${out}]`;
	}
	if (value && typeof value === 'object') {
		const keys = Object.keys(value).sort();
		let out = '{';
		for (let i = 0; i < keys.length; i++) {
			out += `${i > 0 ? ',' : ''}${JSON.stringify(keys[i])}:${stableJson((value as IDataObject)[keys[i]])}`;
		}
		return `${out}}`;
	}
	return JSON.stringify(value);
}

function entryMessage(entry: unknown): string {
	if (typeof entry === 'string') return entry;
	if (!entry || typeof entry !== 'object') return 'Planhat reported an error for this item';
	const record = entry as IDataObject;
	for (const key of ['error', 'message', 'msg', 'reason', 'errors']) {
		const value = record[key];
		if (typeof value === 'string' && value) return value;
		if (value && typeof value === 'object') {
			const nested = (value as IDataObject).message;
			return typeof nested === 'string' ? nested : JSON.stringify(value);
		}
	}
	return JSON.stringify(entry);
}

/** Counts the work `mapUpsertResult` does: every candidate item it looks at is one probe. */
export interface MatchCounter {
	probes: number;
}

/**
 * Positions of the sent items in sending order, grouped by one value (a keyable, or an item's
 * JSON text), with a cursor per group that moves past items already answered. An item only ever
 * goes from free to answered, so every position is passed at most once: all look-ups together
 * cost O(n), where scanning from the start each time cost O(n²).
 */
class FirstFree {
	/** A value held by one item maps to its position; by several, to their positions and a cursor. */
	private readonly groups = new Map<string, number | { at: number; positions: number[] }>();

	add(value: string, position: number): void {
		const group = this.groups.get(value);
		if (group === undefined) this.groups.set(value, position);
		else if (typeof group === 'number') this.groups.set(value, { at: 0, positions: [group, position] });
		else group.positions.push(position);
	}

	/** The first position with this value that is still free, or -1. */
	first(value: string, free: (index: number) => boolean, counter?: MatchCounter): number {
		const group = this.groups.get(value);
		if (group === undefined) return -1;
		if (typeof group === 'number') {
			if (counter) counter.probes++;
			return free(group) ? group : -1;
		}
		while (group.at < group.positions.length) {
			if (counter) counter.probes++;
			if (free(group.positions[group.at])) return group.positions[group.at];
			group.at++;
		}
		return -1;
	}
}

/**
 * Maps a bulk upsert answer back onto the items that were sent, by keyable. Every response field is
 * optional. Errors are matched on the keyables they carry (at top level or in an echoed `item` /
 * `data`), then on an identical echoed item, then on an `index`; inserts with only an `_id` are
 * handed in order to the items sent without any keyable. Whatever stays unmatched is `upserted`
 * (on 200: it succeeded, but Planhat did not say how) or `unknown` (on a partial answer).
 *
 * An answer entry goes to the first item, in sending order, that is still unanswered and matches
 * it. Items are indexed once by each keyable (and, only when an error echoes an item without
 * matching keyables, by their JSON text), so the whole mapping is linear in the size of the batch
 * and the answer, in whatever order Planhat lists the entries. `counter`, when given, counts the
 * candidate items looked at (for tests and benchmarks).
 */
export function mapUpsertResult(
	sent: IDataObject[],
	body: unknown,
	statusCode: number,
	counter?: MatchCounter,
): UpsertOutcome[] {
	const outcomes: Array<UpsertOutcome | undefined> = new Array(sent.length).fill(undefined);
	const sentKeys = sent.map(keysOf);
	const answer = body && typeof body === 'object' && !Array.isArray(body) ? (body as IDataObject) : {};
	const free = (index: number) => outcomes[index] === undefined;

	const byKey: Record<(typeof KEYABLES)[number], FirstFree> = {
		_id: new FirstFree(),
		externalId: new FirstFree(),
		sourceId: new FirstFree(),
	};
	const keyless: number[] = [];
	sentKeys.forEach((keys, index) => {
		let any = false;
		for (const key of KEYABLES) {
			const value = keys[key];
			if (value !== undefined) {
				byKey[key].add(value, index);
				any = true;
			}
		}
		if (!any) keyless.push(index);
	});
	// The first free item that shares any of the keyables: the earliest of the three candidates.
	const findByKeys = (keys: Keys) => {
		let best = -1;
		for (const key of KEYABLES) {
			const value = keys[key];
			if (value === undefined) continue;
			const index = byKey[key].first(value, free, counter);
			if (index >= 0 && (best < 0 || index < best)) best = index;
		}
		return best;
	};
	let byText: FirstFree | undefined;
	const findByText = (echoed: IDataObject) => {
		if (!byText) {
			byText = new FirstFree();
			for (let index = 0; index < sent.length; index++) byText.add(stableJson(sent[index]), index);
		}
		return byText.first(stableJson(echoed), free, counter);
	};

	const unmatchedErrors: string[] = [];
	for (const field of ['createdErrors', 'updatedErrors', 'permissionErrors']) {
		for (const entry of asList(answer[field])) {
			const record = entry && typeof entry === 'object' ? (entry as IDataObject) : {};
			const echoed = (record.item ?? record.data ?? record.payload) as IDataObject | undefined;
			const keys = echoed === undefined ? keysOf(record) : { ...keysOf(echoed), ...keysOf(record) };
			let index = Object.keys(keys).length ? findByKeys(keys) : -1;
			if (index < 0 && echoed && typeof echoed === 'object') index = findByText(echoed);
			if (index < 0 && typeof record.index === 'number' && record.index >= 0 && record.index < sent.length && free(record.index)) {
				index = record.index;
			}
			const message = entryMessage(entry);
			if (index >= 0) outcomes[index] = { status: 'failed', error: message };
			else unmatchedErrors.push(message);
		}
	}

	for (const entry of asList(answer.updatesKeys)) {
		const keys = keysOf(entry);
		const index = findByKeys(keys);
		if (index >= 0) outcomes[index] = { status: 'updated', _id: keys._id ?? sentKeys[index]._id };
	}

	const insertedIdsOnly: string[] = [];
	for (const entry of asList(answer.insertsKeys)) {
		const keys = keysOf(entry);
		const { _id, ...own } = keys;
		const index = Object.keys(own).length ? findByKeys(own) : -1;
		if (index >= 0) outcomes[index] = { status: 'created', ...(_id ? { _id } : {}) };
		else if (_id) insertedIdsOnly.push(_id);
	}
	if (!Array.isArray(answer.insertsKeys)) {
		for (const id of asList(answer.upsertedIds)) if (typeof id === 'string') insertedIdsOnly.push(id);
	}
	// Items without any keyable, in order; one cursor, as items only ever stop being free.
	let nextKeyless = 0;
	for (const id of insertedIdsOnly) {
		while (nextKeyless < keyless.length && !free(keyless[nextKeyless])) {
			if (counter) counter.probes++;
			nextKeyless++;
		}
		if (nextKeyless >= keyless.length) break;
		if (counter) counter.probes++;
		outcomes[keyless[nextKeyless]] = { status: 'created', _id: id };
	}

	const rest: number[] = [];
	for (let index = 0; index < outcomes.length; index++) if (outcomes[index] === undefined) rest.push(index);
	if (unmatchedErrors.length && unmatchedErrors.length === rest.length) {
		rest.forEach((index, n) => (outcomes[index] = { status: 'failed', error: unmatchedErrors[n] }));
	}
	const fallback: UpsertStatus = statusCode === 200 ? 'upserted' : 'unknown';
	return outcomes.map((o) => o ?? { status: fallback });
}

/** The parameters Create or Update reads for each item; see `readers`. */
interface Readers {
	dataMode: (itemIndex: number) => string;
	fields: (itemIndex: number) => IDataObject;
	companyId: (itemIndex: number) => INodeParameterResourceLocator | string;
	matchOn: (itemIndex: number) => string;
	matchValue: (itemIndex: number) => unknown;
}

/**
 * One reader per parameter for this execution: a parameter without an expression is read once for
 * all items, one with an expression once per item (never twice).
 */
function readers(ctx: IExecuteFunctions): Readers {
	return {
		dataMode: parameterReader(ctx, 'dataMode', 'define'),
		fields: parameterReader<IDataObject>(ctx, 'fields', {}),
		companyId: parameterReader<INodeParameterResourceLocator | string>(ctx, 'companyId', ''),
		matchOn: parameterReader(ctx, 'matchOn', 'externalId'),
		matchValue: parameterReader<unknown>(ctx, 'matchValue', ''),
	};
}

function buildItem(this: IExecuteFunctions, read: Readers, itemIndex: number): IDataObject {
	const dataMode = read.dataMode(itemIndex);
	if (dataMode === 'autoMap') {
		const json = this.getInputData()[itemIndex].json;
		const item = JSON.parse(JSON.stringify(json)) as IDataObject;
		if (typeof item.companyId === 'string') item.companyId = keyableFromLocator(item.companyId);
		const type = typeof item.type === 'string' ? item.type.trim().toLowerCase() : '';
		if (RESERVED_TYPES.includes(type)) {
			throw new NodeOperationError(this.getNode(), `The conversation type "${String(item.type)}" is reserved by Planhat`, {
				itemIndex,
				description: 'Email, chat, ticket and call cannot be created over the API. Use note or a custom type.',
			});
		}
		return item;
	}
	const fields = read.fields(itemIndex);
	const item = conversationBody.call(this, fields, itemIndex);
	const companyId = keyableFromLocator(read.companyId(itemIndex));
	if (companyId) item.companyId = companyId;
	const matchOn = read.matchOn(itemIndex);
	const matchValue = String(read.matchValue(itemIndex) ?? '').trim();
	if (matchValue) item[matchOn] = matchValue;
	return item;
}

function outputJson(sent: IDataObject, outcome: UpsertOutcome): IDataObject {
	const keys = keysOf(sent);
	return {
		status: outcome.status,
		...(outcome._id ? { _id: outcome._id } : keys._id ? { _id: keys._id } : {}),
		...(keys.externalId ? { externalId: keys.externalId } : {}),
		...(keys.sourceId ? { sourceId: keys.sourceId } : {}),
		...(outcome.error ? { error: outcome.error } : {}),
	};
}

/**
 * Create or Update runs once over all input items: it builds one conversation per item, sends them
 * in chunks of at most 5,000, strictly one after another, and answers one output item per input
 * item. Without "Continue On Fail" the node stops after the first chunk that had a failure, with
 * an error that lists the failed items; later chunks are not sent.
 */
export async function executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const inputs = this.getInputData();
	const continueOnFail = this.continueOnFail();
	const results: Array<IDataObject | undefined> = new Array(inputs.length).fill(undefined);
	const toSend: Array<{ index: number; item: IDataObject }> = [];
	const read = readers(this);

	for (let index = 0; index < inputs.length; index++) {
		try {
			toSend.push({ index, item: buildItem.call(this, read, index) });
		} catch (error) {
			if (!continueOnFail) throw asNodeError(this, error, index);
			results[index] = { status: 'failed', error: errorMessage(error) };
		}
	}

	for (let start = 0; start < toSend.length; start += BULK_LIMIT) {
		const chunk = toSend.slice(start, start + BULK_LIMIT);
		const items = chunk.map((entry) => entry.item);
		const first = chunk[0].index;
		// Items that all carry a keyable cannot be created twice, so a lost answer may be retried.
		const idempotent = items.every((item) => Object.keys(keysOf(item)).length > 0);
		let statusCode: number;
		let body: unknown;
		try {
			({ statusCode, body } = await planhatRequest.call(this, {
				method: 'PUT',
				path: '/conversations',
				body: items,
				itemIndex: first,
				retryServerErrors: idempotent,
				passStatuses: [400, 403],
				timeoutMs: BULK_TIMEOUT_MS,
				what: `create or update ${items.length} conversation${items.length === 1 ? '' : 's'} (items ${first + 1}–${chunk[chunk.length - 1].index + 1})`,
			}));
		} catch (error) {
			if (!continueOnFail) throw asNodeError(this, error, first);
			for (const entry of chunk) results[entry.index] = { ...outputJson(entry.item, { status: 'failed' }), error: errorMessage(error) };
			continue;
		}

		const answer = body && typeof body === 'object' && !Array.isArray(body) ? (body as IDataObject) : {};
		const hasItemErrors = ['createdErrors', 'updatedErrors', 'permissionErrors'].some(
			(field) => asList(answer[field]).length > 0,
		);
		if (statusCode >= 400 && !hasItemErrors) {
			// A bad payload as a whole (or a refusal) with nothing per item: every item of the chunk failed.
			// (The transport has scrubbed the answer: an echoed request keeps no token.)
			const said = serviceMessage(body) ?? (JSON.stringify(body) ?? 'no details').slice(0, 300);
			const message = `Planhat rejected the whole request (${statusCode}): ${said}`;
			if (!continueOnFail) {
				throw new NodeApiError(
					this.getNode(),
					{ message, httpCode: String(statusCode) },
					{
						message,
						httpCode: String(statusCode),
						itemIndex: first,
						description:
							statusCode === 403
								? 'Give the Private App behind the API token the permission to write conversations.'
								: 'Check the conversations sent: no duplicated external or source IDs, every new one with a company.',
					},
				);
			}
			for (const entry of chunk) results[entry.index] = { ...outputJson(entry.item, { status: 'failed' }), error: message };
			continue;
		}

		const outcomes = mapUpsertResult(items, body, statusCode);
		chunk.forEach((entry, n) => (results[entry.index] = outputJson(entry.item, outcomes[n])));
		const failed = chunk.filter((_, n) => outcomes[n].status === 'failed');
		if (failed.length && !continueOnFail) {
			const list = failed
				.slice(0, 10)
				.map((entry) => `item ${entry.index + 1}: ${results[entry.index]?.error as string}`)
				.join('; ');
			const more = failed.length > 10 ? `; and ${failed.length - 10} more` : '';
			const notSent = toSend.length - (start + chunk.length);
			throw new NodeOperationError(
				this.getNode(),
				`Planhat could not create or update ${failed.length} of ${chunk.length} conversation${chunk.length === 1 ? '' : 's'} (${statusCode}): ${list}${more}`,
				{
					itemIndex: failed[0].index,
					description: `The other conversations of that request were saved.${notSent > 0 ? ` ${notSent} later items were not sent.` : ''} Fix the failed items, or turn on "Continue On Fail" (Settings > On Error) to get a status per item instead.`,
				},
			);
		}
	}

	const output: INodeExecutionData[] = [];
	results.forEach((json, index) => {
		if (json) output.push({ json, pairedItem: { item: index } });
	});
	return [output];
}
