import { userId } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'user', operation: 'isOnline', name: 'Is Online', action: 'Check whether a user is online', fn: 'is-online',
	fields: [userId()], output: { value: 'online' },
});
