import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { executePerItem, type ItemHandler } from '../../shared';
import * as company from './company';
import * as conversation from './conversation';
import * as endUser from './endUser';

const handlers: Record<string, Record<string, ItemHandler>> = {
	conversation: {
		create: conversation.create.execute,
		update: conversation.update.execute,
		get: conversation.get.execute,
		getAll: conversation.getAll.execute,
		delete: conversation.delete.execute,
	},
	endUser: {
		create: endUser.create.execute,
		get: endUser.get.execute,
		getAll: endUser.getAll.execute,
	},
	company: {
		get: company.get.execute,
		getAll: company.getAll.execute,
	},
};

/** Resource + operation → the operation's code. Create or Update runs once over all items. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	if (resource === 'conversation' && operation === 'upsert') {
		return await conversation.bulkUpsert.executeAll.call(this);
	}
	const handler = handlers[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	return await executePerItem(this, handler);
}
