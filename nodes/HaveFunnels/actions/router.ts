import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { executePerItem } from '../../shared';
import * as article from './article';
import * as automation from './automation';
import * as conversation from './conversation';
import * as customApiCall from './customApiCall';
import * as department from './department';
import * as dialogflow from './dialogflow';
import * as message from './message';
import * as note from './note';
import * as notification from './notification';
import type { Operation } from './operation';
import * as openAi from './openAi';
import * as report from './report';
import * as savedReply from './savedReply';
import * as setting from './setting';
import * as slack from './slack';
import * as translation from './translation';
import * as user from './user';

export const resources: Record<string, { operations: Record<string, Operation> }> = {
	article,
	automation,
	conversation,
	customApiCall,
	department,
	dialogflow,
	message,
	note,
	notification,
	openAi,
	report,
	savedReply,
	setting,
	slack,
	translation,
	user,
};

/** Hands every input item to the chosen operation, with pairing and Continue On Fail. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const op = resources[resource]?.operations[operation];
	if (!op) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	return await executePerItem(this, op.execute);
}
