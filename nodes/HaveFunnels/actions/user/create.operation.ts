import { USER_TYPE_OPTIONS, choice, collection, details, profileFields, text } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'user', operation: 'create', name: 'Create', action: 'Create a user', fn: 'add-user', output: { value: 'id' },
	fields: [
		choice('userType', 'user_type', 'User Type', 'The type of the new user', USER_TYPE_OPTIONS, 'user'),
		collection('additionalFields', 'Additional Fields', [
			...profileFields('The email address of the user', 'The password of the user'),
			text('department', 'department', 'Department ID', 'The ID of the department of an agent'),
			details('extraDetails', 'extra'),
		]),
	],
});
