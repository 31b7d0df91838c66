import { collection, text, userId } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'user', operation: 'getExtra', name: 'Get Extra Details', action: 'Get the additional details of a user', fn: 'get-user-extra',
	output: 'list', valueKey: 'value',
	fields: [
		userId(),
		collection('options', 'Options', [
			text('detail', 'slug', 'Detail Name', 'The name (slug) of one detail, such as phone; all details when not set'),
			text('defaultValue', 'default', 'Default Value', 'The value returned when the detail is not set'),
		]),
	],
});
