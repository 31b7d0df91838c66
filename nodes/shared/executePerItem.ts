import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** What an operation may return for one input item. */
export type ItemResult = IDataObject | IDataObject[] | INodeExecutionData | INodeExecutionData[] | undefined;

export type ItemHandler = (this: IExecuteFunctions, itemIndex: number) => Promise<ItemResult>;

function isExecutionData(value: unknown): value is INodeExecutionData {
	return (
		typeof value === 'object' &&
		value !== null &&
		'json' in value &&
		typeof (value as INodeExecutionData).json === 'object'
	);
}

/** Turns an operation's answer for item `itemIndex` into output items paired to that input item. */
export function toPairedItems(result: ItemResult, itemIndex: number): INodeExecutionData[] {
	const items: INodeExecutionData[] = [];
	appendPairedItems(items, result, itemIndex);
	return items;
}

/**
 * Appends the paired output items of one input item to `output` in place: a list of thousands of
 * records (a Get Many with Return All) is neither copied again nor spread into a call.
 */
function appendPairedItems(output: INodeExecutionData[], result: ItemResult, itemIndex: number): void {
	if (result === undefined) return;
	const list = Array.isArray(result) ? result : [result];
	for (const entry of list) {
		const item: INodeExecutionData = isExecutionData(entry) ? { ...entry } : { json: entry as IDataObject };
		item.pairedItem = { item: itemIndex };
		output.push(item);
	}
}

/**
 * Runs `handler` once per input item, in order, and keeps every output item paired to the input
 * item it came from. With "Continue On Fail" a failing item yields `{ error }` (paired) and the loop
 * goes on; without it the first failure stops the node. Errors that are not n8n errors are wrapped
 * in a NodeOperationError that names the item.
 */
export async function executePerItem(
	ctx: IExecuteFunctions,
	handler: ItemHandler,
): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await handler.call(ctx, itemIndex);
			appendPairedItems(output, result, itemIndex);
		} catch (error) {
			if (ctx.continueOnFail()) {
				// `delivery`: whether a failed creating call may still have taken effect (see the transports).
				const delivery = (error as NodeApiError).context?.delivery;
				output.push({
					json: typeof delivery === 'string' ? { error: errorMessage(error), delivery } : { error: errorMessage(error) },
					pairedItem: { item: itemIndex },
				});
				continue;
			}
			throw asNodeError(ctx, error, itemIndex);
		}
	}
	return [output];
}

/** The message a failed item shows with "Continue On Fail": the error's own text. */
export function errorMessage(error: unknown): string {
	if (error instanceof Error) {
		const description = (error as NodeApiError).description;
		return description ? `${error.message}: ${description}` : error.message;
	}
	return String(error);
}

/** Keeps n8n errors (adding the item index), wraps anything else. */
export function asNodeError(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (error.context && error.context.itemIndex === undefined) error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}
