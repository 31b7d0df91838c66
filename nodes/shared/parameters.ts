import type { IExecuteFunctions } from 'n8n-workflow';

/** Whether a parameter's raw value holds an expression anywhere (a string starting with "="). */
export function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (value !== null && typeof value === 'object') return Object.values(value).some(holdsExpression);
	return false;
}

/**
 * Reads one parameter for the items of one execution. A value without any expression cannot
 * differ between items, so it is read (resolved and validated by n8n) once, for the first item
 * that asks, and that value serves every later item; a value with an expression is read for each
 * item, once. The returned value must be treated as read-only, as items may share it.
 * If a read fails, nothing is kept: the next item reads again, as it always did.
 */
export function parameterReader<T>(
	ctx: IExecuteFunctions,
	name: string,
	fallback: T,
): (itemIndex: number) => T {
	let perItem: boolean | undefined;
	let fixed: { value: T } | undefined;
	return (itemIndex) => {
		if (perItem === undefined) {
			perItem = holdsExpression(ctx.getNodeParameter(name, itemIndex, fallback, { rawExpressions: true }));
		}
		if (perItem) return ctx.getNodeParameter(name, itemIndex, fallback) as T;
		if (!fixed) fixed = { value: ctx.getNodeParameter(name, itemIndex, fallback) as T };
		return fixed.value;
	};
}

const readersByContext = new WeakMap<object, Map<string, (itemIndex: number) => unknown>>();

/**
 * `getNodeParameter` for per-item operations, through one `parameterReader` per parameter and node
 * execution (kept with the execution's context): a parameter without an expression is read once
 * for all items of the execution, one with an expression once per item. The value must be treated
 * as read-only. `fallback` should be the same wherever a parameter is read.
 */
export function readParameter<T>(ctx: IExecuteFunctions, name: string, itemIndex: number, fallback: T): T {
	let readers = readersByContext.get(ctx);
	if (!readers) {
		readers = new Map();
		readersByContext.set(ctx, readers);
	}
	let reader = readers.get(name);
	if (!reader) {
		reader = parameterReader<unknown>(ctx, name, fallback);
		readers.set(name, reader);
	}
	return reader(itemIndex) as T;
}
