import * as getAll from './getAll.operation';
import * as add from './add.operation';
import * as deleteOp from './delete.operation';
import { defineResource } from '../operation';

export const { description, operations } = defineResource('note', { getAll, add, delete: deleteOp }, 'getAll');
