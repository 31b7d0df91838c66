import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'dialogflow', operation: 'getAgent', name: 'Get Agent', action: 'Get the details of the Dialogflow agent', fn: 'dialogflow-get-agent',
});
