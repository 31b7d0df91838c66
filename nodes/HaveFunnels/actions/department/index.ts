import * as getAll from './getAll.operation';
import { defineResource } from '../operation';

export const { description, operations } = defineResource('department', { getAll }, 'getAll');
