import { flag, userId } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	notFoundNotice: true,
	resource: 'user', operation: 'get', name: 'Get', action: 'Get a user', fn: 'get-user',
	fields: [userId(), flag('includeExtra', 'extra', 'Include Extra Details', 'Whether to include the additional details, such as location and phone')],
});
