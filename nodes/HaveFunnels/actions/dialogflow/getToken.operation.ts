import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'dialogflow', operation: 'getToken', name: 'Get Token', action: 'Generate a Dialogflow access token', fn: 'dialogflow-get-token',
	// valid for 1 hour
	output: { value: 'token' },
});
