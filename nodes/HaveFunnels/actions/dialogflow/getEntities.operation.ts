import { collection, text } from '../common.description';
import { defineOperation } from '../operation';
import { agentLanguage } from './fields';

export const { fn, option, description, execute } = defineOperation({
	resource: 'dialogflow', operation: 'getEntities', name: 'Get Entities', action: 'Get the entities of the agent', fn: 'dialogflow-get-entity',
	returnAll: 'slice', output: 'list',
	fields: [
		collection('options', 'Options', [
			text('entityId', 'entity_id', 'Entity ID', 'Only this entity; all entities when not set'),
			agentLanguage,
		]),
	],
});
