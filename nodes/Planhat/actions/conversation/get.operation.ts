import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { planhatRequest, segment } from '../../transport';
import { getKeyable, keyableLocator } from '../common.description';

const properties: INodeProperties[] = [keyableLocator('Conversation', 'conversationId', 'conversation to get')];

export const description = updateDisplayOptions(
	{ show: { resource: ['conversation'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const key = getKeyable.call(this, 'conversationId', itemIndex, 'conversation');
	const { body } = await planhatRequest.call(this, {
		method: 'GET',
		path: `/conversations/${segment(key)}`,
		itemIndex,
		what: `get conversation ${key}`,
	});
	return body as IDataObject;
}
