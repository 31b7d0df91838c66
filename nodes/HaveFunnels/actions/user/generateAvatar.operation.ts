import { text } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'user', operation: 'generateAvatar', name: 'Generate Avatar', action: 'Generate a profile image from initials', fn: 'get-avatar',
	output: { value: 'url' },
	fields: [
		text('firstName', 'first_name', 'First Name', 'The first name of the user', { required: true }),
		text('lastName', 'last_name', 'Last Name', 'The last name of the user'),
	],
});
