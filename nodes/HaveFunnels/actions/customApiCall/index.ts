import * as call from './call.operation';
import { defineResource } from '../operation';

export const { description, operations } = defineResource('customApiCall', { call }, 'call');
