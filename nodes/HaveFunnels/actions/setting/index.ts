import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getVersions from './getVersions.operation';
import * as saveAll from './saveAll.operation';
import { defineResource } from '../operation';

export const { description, operations } = defineResource('setting', { get, getAll, getVersions, saveAll }, 'get');
