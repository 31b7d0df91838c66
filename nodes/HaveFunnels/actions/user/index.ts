import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getNew from './getNew.operation';
import * as search from './search.operation';
import * as getOnline from './getOnline.operation';
import * as create from './create.operation';
import * as update from './update.operation';
import * as deleteOp from './delete.operation';
import * as deleteMany from './deleteMany.operation';
import * as getExtra from './getExtra.operation';
import * as isOnline from './isOnline.operation';
import * as count from './count.operation';
import * as updateToLead from './updateToLead.operation';
import * as getAgent from './getAgent.operation';
import * as getAgentIds from './getAgentIds.operation';
import * as getFromConversation from './getFromConversation.operation';
import { defineResource } from '../operation';

export const { description, operations } = defineResource('user', { get, getAll, getNew, search, getOnline, create, update, delete: deleteOp, deleteMany, getExtra, isOnline, count, updateToLead, getAgent, getAgentIds, getFromConversation }, 'get');
