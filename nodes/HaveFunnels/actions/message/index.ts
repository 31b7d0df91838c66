import * as send from './send.operation';
import * as update from './update.operation';
import * as deleteOp from './delete.operation';
import * as getNew from './getNew.operation';
import * as markAsRead from './markAsRead.operation';
import * as directMessage from './directMessage.operation';
import * as formatToHtml from './formatToHtml.operation';
import * as clearFormatting from './clearFormatting.operation';
import { defineResource } from '../operation';

export const { description, operations } = defineResource('message', { send, update, delete: deleteOp, getNew, markAsRead, directMessage, formatToHtml, clearFormatting }, 'send');
