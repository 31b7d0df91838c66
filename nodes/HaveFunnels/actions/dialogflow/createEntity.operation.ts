import { collection, json, text } from '../common.description';
import { defineOperation } from '../operation';
import { agentLanguage } from './fields';

export const { fn, option, description, execute } = defineOperation({
	// not repeated after an ambiguous failure: it may have added or sent something already
	idempotent: false,
	resource: 'dialogflow', operation: 'createEntity', name: 'Create Entity', action: 'Create an entity', fn: 'dialogflow-entity', output: 'done',
	fields: [
		text('entityName', 'entity_name', 'Entity Name', 'The unique name of the entity', { required: true }),
		json('synonyms', 'synonyms', 'Synonyms', 'The values of the entity with their synonyms, such as [{"value": "Shoes", "synonyms": ["Shoes", "Sneakers"]}]', '[]', { required: true }),
		collection('options', 'Options', [agentLanguage]),
	],
});
