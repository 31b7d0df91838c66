import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { planhatRequest, segment } from '../../transport';
import { getKeyable, keyableLocator } from '../common.description';

const properties: INodeProperties[] = [keyableLocator('Conversation', 'conversationId', 'conversation to delete')];

export const description = updateDisplayOptions(
	{ show: { resource: ['conversation'], operation: ['delete'] } },
	properties,
);

/**
 * Planhat's DELETE takes only the `_id` ("To delete a conversation it's required to pass the _id in
 * the request URL"): an external or source ID is looked up first with one GET.
 */
async function resolveId(this: IExecuteFunctions, key: string, itemIndex: number): Promise<string> {
	if (!/^(extid|srcid)-/.test(key)) return key;
	const { body } = await planhatRequest.call(this, {
		method: 'GET',
		path: `/conversations/${segment(key)}`,
		itemIndex,
		what: `find conversation ${key} to delete it`,
	});
	const id = body && typeof body === 'object' ? (body as IDataObject)._id : undefined;
	if (typeof id !== 'string' || !id) {
		throw new NodeOperationError(this.getNode(), `Planhat answered conversation ${key} without its ID`, {
			itemIndex,
			description: 'Nothing was deleted. Use the Planhat ID of the conversation instead.',
		});
	}
	return id;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const key = getKeyable.call(this, 'conversationId', itemIndex, 'conversation');
	const id = await resolveId.call(this, key, itemIndex);
	const { body } = await planhatRequest.call(this, {
		method: 'DELETE',
		path: `/conversations/${segment(id)}`,
		itemIndex,
		what: `delete conversation ${key === id ? id : `${key} (${id})`}`,
	});
	const deleted = body && typeof body === 'object' && !Array.isArray(body) ? (body as IDataObject) : {};
	return { deleted: true, ...deleted };
}
