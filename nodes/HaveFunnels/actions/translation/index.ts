import * as detectUserLanguage from './detectUserLanguage.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as saveAll from './saveAll.operation';
import * as translate from './translate.operation';
import { defineResource } from '../operation';

export const { description, operations } = defineResource('translation', { detectUserLanguage, get, getAll, saveAll, translate }, 'get');
