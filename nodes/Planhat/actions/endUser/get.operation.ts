import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { planhatRequest, segment } from '../../transport';
import { getKeyable, keyableLocator } from '../common.description';

const properties: INodeProperties[] = [keyableLocator('End User', 'endUserId', 'end user to get')];

export const description = updateDisplayOptions({ show: { resource: ['endUser'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const key = getKeyable.call(this, 'endUserId', itemIndex, 'end user');
	const { body } = await planhatRequest.call(this, {
		method: 'GET',
		path: `/endusers/${segment(key)}`,
		itemIndex,
		what: `get end user ${key}`,
	});
	return body as IDataObject;
}
