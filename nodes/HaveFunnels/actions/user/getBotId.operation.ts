import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'user', operation: 'getBotId', name: 'Get Bot ID', action: 'Get the ID of the bot', fn: 'get-bot-id', output: { value: 'id' },
});
