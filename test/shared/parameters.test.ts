/** parameterReader: a value without an expression is read once for all items, one with an expression once per item. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { holdsExpression, parameterReader, readParameter } from '../../nodes/shared/parameters';

/** A stand-in context whose parameters are given raw; "={{n}}" resolves to the item index. */
function context(parameters: IDataObject) {
	const reads: Array<{ name: string; itemIndex: number; raw: boolean }> = [];
	const resolve = (value: unknown, itemIndex: number): unknown => {
		if (typeof value === 'string') return value === '={{n}}' ? itemIndex : value.startsWith('=') ? value.slice(1) : value;
		if (Array.isArray(value)) return value.map((v) => resolve(v, itemIndex));
		if (value && typeof value === 'object') {
			return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, itemIndex)]));
		}
		return value;
	};
	const ctx = {
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown, options?: { rawExpressions?: boolean }) => {
			reads.push({ name, itemIndex, raw: Boolean(options?.rawExpressions) });
			const value = parameters[name] ?? fallback;
			if (value === 'throw') throw new Error(`cannot read ${name}`);
			return options?.rawExpressions ? value : resolve(value, itemIndex);
		},
	} as unknown as IExecuteFunctions;
	return { ctx, resolved: (name: string) => reads.filter((r) => r.name === name && !r.raw).map((r) => r.itemIndex) };
}

describe('holdsExpression', () => {
	it.each([
		['a fixed text', 'note', false],
		['an expression', '={{ $json.x }}', true],
		['a text with = inside', 'a=b', false],
		['a number', 5, false],
		['a locator with an expression', { __rl: true, mode: 'id', value: '={{ $json.id }}' }, true],
		['a collection with one expression deep inside', { customFields: { field: [{ name: 'a', value: '={{1}}' }] } }, true],
		['a collection without', { subject: 's', pinned: true, customFields: { field: [{ name: 'a', value: 'b' }] } }, false],
		['null', null, false],
	])('%s', (_name, value, expected) => {
		expect(holdsExpression(value)).toBe(expected);
	});
});

describe('parameterReader', () => {
	it('reads a fixed value once, for the first item that asks, and hands the same value to every item', () => {
		const { ctx, resolved } = context({ fields: { subject: 's' } });
		const read = parameterReader(ctx, 'fields', {});
		const values = [3, 4, 5, 6].map((i) => read(i));
		expect(values.every((v) => v === values[0])).toBe(true);
		expect(values[0]).toEqual({ subject: 's' });
		expect(resolved('fields')).toEqual([3]);
	});

	it('reads a value with an expression once per item', () => {
		const { ctx, resolved } = context({ fields: { subject: '={{n}}' } });
		const read = parameterReader(ctx, 'fields', {});
		expect([0, 1, 2].map((i) => read(i))).toEqual([{ subject: 0 }, { subject: 1 }, { subject: 2 }]);
		expect(resolved('fields')).toEqual([0, 1, 2]);
	});

	it('keeps nothing after a failed read: the next item reads again', () => {
		const { ctx, resolved } = context({ matchOn: 'throw' });
		const read = parameterReader(ctx, 'matchOn', 'externalId');
		expect(() => read(0)).toThrow('cannot read matchOn');
		expect(() => read(1)).toThrow('cannot read matchOn');
		expect(resolved('matchOn')).toEqual([]);
	});
});

describe('readParameter', () => {
	it('keeps one reader per parameter and execution context; another context reads afresh', () => {
		const first = context({ options: { a: 1 }, text: '={{n}}' });
		expect([0, 1, 2].map((i) => readParameter(first.ctx, 'options', i, {}))).toEqual([{ a: 1 }, { a: 1 }, { a: 1 }]);
		expect([0, 1, 2].map((i) => readParameter(first.ctx, 'text', i, ''))).toEqual([0, 1, 2]);
		expect(first.resolved('options')).toEqual([0]);
		expect(first.resolved('text')).toEqual([0, 1, 2]);
		const second = context({ options: { a: 2 } });
		expect(readParameter(second.ctx, 'options', 0, {})).toEqual({ a: 2 });
		expect(second.resolved('options')).toEqual([0]);
	});
});
