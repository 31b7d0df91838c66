import * as getAll from './getAll.operation';
import { defineResource } from '../operation';

export const { description, operations } = defineResource('savedReply', { getAll }, 'getAll');
