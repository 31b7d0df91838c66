import * as getAll from './getAll.operation';
import * as search from './search.operation';
import * as getCategories from './getCategories.operation';
import { defineResource } from '../operation';

export const { description, operations } = defineResource('article', { getAll, search, getCategories }, 'getAll');
