import { id } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'conversation', operation: 'getRating', name: 'Get Rating', action: 'Get the ratings of an agent', fn: 'get-rating',
	fields: [id('agentId', 'user_id', 'Agent ID', 'The agent whose conversations were rated')],
	output: (response) => {
		const [positive, negative] = Array.isArray(response) ? response : [0, 0];
		return [{ positive: Number(positive ?? 0), negative: Number(negative ?? 0) }];
	},
});
