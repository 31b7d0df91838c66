import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { executePerItem } from '../../shared';
import * as contact from './contact';
import * as message from './message';
import * as task from './task';

type OperationExecute = (this: IExecuteFunctions, itemIndex: number) => Promise<IDataObject>;

const operations: Record<string, Record<string, OperationExecute>> = {
	message: { send: message.send.execute, updateStatus: message.updateStatus.execute },
	task: { getNumber: task.getNumber.execute },
	contact: { getNumber: contact.getNumber.execute, update: contact.update.execute },
};

/** Picks the operation module for resource/operation and runs it once per input item. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = operations[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	return await executePerItem(this, handler);
}
