import * as getAll from './getAll.operation';
import * as search from './search.operation';
import * as getCategories from './getCategories.operation';
import * as saveAll from './saveAll.operation';
import * as saveCategories from './saveCategories.operation';
import * as getRatings from './getRatings.operation';
import * as addRating from './addRating.operation';
import { defineResource } from '../operation';

export const { description, operations } = defineResource('article', { getAll, search, getCategories, saveAll, saveCategories, getRatings, addRating }, 'getAll');
