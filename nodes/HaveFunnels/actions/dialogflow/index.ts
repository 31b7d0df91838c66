import * as createEntity from './createEntity.operation';
import * as createIntent from './createIntent.operation';
import * as getAgent from './getAgent.operation';
import * as getEntities from './getEntities.operation';
import * as getIntents from './getIntents.operation';
import * as getSmartReplies from './getSmartReplies.operation';
import * as getToken from './getToken.operation';
import * as humanTakeover from './humanTakeover.operation';
import * as sendMessage from './sendMessage.operation';
import * as sendQuery from './sendQuery.operation';
import * as setActiveContext from './setActiveContext.operation';
import * as updateIntent from './updateIntent.operation';
import { defineResource } from '../operation';

export const { description, operations } = defineResource('dialogflow', { createEntity, createIntent, getAgent, getEntities, getIntents, getSmartReplies, getToken, humanTakeover, sendMessage, sendQuery, setActiveContext, updateIntent }, 'sendMessage');
