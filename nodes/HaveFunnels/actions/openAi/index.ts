import * as callApi from './callApi.operation';
import * as sendMessage from './sendMessage.operation';
import { defineResource } from '../operation';

export const { description, operations } = defineResource('openAi', { callApi, sendMessage }, 'sendMessage');
