import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getNew from './getNew.operation';
import * as getUserConversations from './getUserConversations.operation';
import * as search from './search.operation';
import * as searchUserConversations from './searchUserConversations.operation';
import * as create from './create.operation';
import * as updateStatus from './updateStatus.operation';
import * as updateDepartment from './updateDepartment.operation';
import * as updateAgent from './updateAgent.operation';
import * as setRating from './setRating.operation';
import * as getRating from './getRating.operation';
import * as count from './count.operation';
import * as transcript from './transcript.operation';
import * as getAgents from './getAgents.operation';
import * as checkAssignment from './checkAssignment.operation';
import * as getUserNew from './getUserNew.operation';
import * as isTyping from './isTyping.operation';
import * as getTypingAgent from './getTypingAgent.operation';
import * as setTyping from './setTyping.operation';
import { defineResource } from '../operation';

export const { description, operations } = defineResource('conversation', {
	get, getAll, getNew, getUserConversations, search, searchUserConversations, create, updateStatus, updateDepartment, updateAgent, setRating, getRating, count, transcript, getAgents, checkAssignment, getUserNew, isTyping, getTypingAgent, setTyping,
}, 'get');
