import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { planhatRequest, segment } from '../../transport';
import { getKeyable, keyableLocator } from '../common.description';

const properties: INodeProperties[] = [keyableLocator('Company', 'companyId', 'company to get')];

export const description = updateDisplayOptions({ show: { resource: ['company'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const key = getKeyable.call(this, 'companyId', itemIndex, 'company');
	const { body } = await planhatRequest.call(this, {
		method: 'GET',
		path: `/companies/${segment(key)}`,
		itemIndex,
		what: `get company ${key}`,
	});
	return body as IDataObject;
}
