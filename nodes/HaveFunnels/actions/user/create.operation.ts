import { USER_TYPE_OPTIONS, choice, collection, details, text } from '../common.description';
import { defineOperation } from '../operation';

export const { option, description, execute } = defineOperation({
	resource: 'user', operation: 'create', name: 'Create', action: 'Create a user', fn: 'add-user', output: { value: 'id' },
	fields: [
		choice('userType', 'user_type', 'User Type', 'The type of the new user', USER_TYPE_OPTIONS, 'user'),
		collection('additionalFields', 'Additional Fields', [
			text('firstName', 'first_name', 'First Name', 'The first name of the user'),
			text('lastName', 'last_name', 'Last Name', 'The last name of the user'),
			text('email', 'email', 'Email', 'The email address of the user', { placeholder: 'name@email.com' }),
			text('profileImage', 'profile_image', 'Profile Image URL', 'The URL of the profile picture'),
			text('password', 'password', 'Password', 'The password of the user', { typeOptions: { password: true } }),
			text('department', 'department', 'Department ID', 'The ID of the department of an agent'),
			details('extraDetails', 'extra'),
		]),
	],
});
