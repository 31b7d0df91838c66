import * as addRow from './addRow.operation';
import * as get from './get.operation';
import { defineResource } from '../operation';

export const { description, operations } = defineResource('report', { addRow, get }, 'get');
