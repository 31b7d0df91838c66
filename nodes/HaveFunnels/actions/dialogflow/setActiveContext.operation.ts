import { collection, json, number, text, userId } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'dialogflow', operation: 'setActiveContext', name: 'Set Active Context', action: 'Activate a context for a user',
	fn: 'dialogflow-set-active-context',
	fields: [
		text('contextName', 'context_name', 'Context Name', 'The name of the context', { required: true }),
		userId('The ID of the user the context is for'),
		collection('options', 'Options', [
			json('parameters', 'parameters', 'Parameters', 'Dialogflow parameters of the context, such as {"opencart-products": "Running Shoes"}'),
			number('lifeSpan', 'life_span', 'Life Span', 'For how many turns the context stays active', { default: 5, typeOptions: { minValue: 1 } }),
			text('language', 'language', 'Language', 'The agent language, such as es; by default its main language'),
		]),
	],
});
