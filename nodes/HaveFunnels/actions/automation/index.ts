import * as getAll from './getAll.operation';
import * as run from './run.operation';
import * as runAll from './runAll.operation';
import * as saveAll from './saveAll.operation';
import * as validate from './validate.operation';
import { defineResource } from '../operation';

export const { description, operations } = defineResource('automation', { getAll, run, runAll, saveAll, validate }, 'getAll');
