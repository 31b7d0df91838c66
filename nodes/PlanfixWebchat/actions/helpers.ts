import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { FormPair } from '../../shared';
import { readParameter } from '../../shared';

/** A required text parameter, trimmed; a clear error names the field when it is empty. */
export function requiredString(this: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const value = readParameter<unknown>(this, name, itemIndex, '');
	const text = value === undefined || value === null ? '' : String(value).trim();
	if (!text) {
		throw new NodeOperationError(this.getNode(), `${label} is empty`, {
			itemIndex,
			description: `Set "${label}" (it is required by Planfix).`,
		});
	}
	return text;
}

/** Non-empty values of `keys` from a collection parameter, as form pairs in the given key order. */
export function pairsFrom(collection: IDataObject, keys: string[]): FormPair[] {
	const pairs: FormPair[] = [];
	for (const key of keys) {
		const value = collection[key];
		if (value === undefined || value === null || value === '') continue;
		pairs.push([key, typeof value === 'string' ? value : String(value)]);
	}
	return pairs;
}

/** A form-pair list as an object (for output items), later keys winning. */
export function pairsToObject(pairs: FormPair[]): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of pairs) if (value !== undefined && value !== null) out[key] = value;
	return out;
}
