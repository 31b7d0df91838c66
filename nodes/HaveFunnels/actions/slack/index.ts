import * as archiveChannels from './archiveChannels.operation';
import * as getChannels from './getChannels.operation';
import * as getPresence from './getPresence.operation';
import * as getUsers from './getUsers.operation';
import * as sendMessage from './sendMessage.operation';
import { defineResource } from '../operation';

export const { description, operations } = defineResource('slack', { archiveChannels, getChannels, getPresence, getUsers, sendMessage }, 'sendMessage');
