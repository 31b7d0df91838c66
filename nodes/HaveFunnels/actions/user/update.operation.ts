import { USER_TYPE_OPTIONS, choice, collection, details, text, userId } from '../common.description';
import { defineOperation } from '../operation';

export const { option, description, execute } = defineOperation({
	resource: 'user', operation: 'update', name: 'Update', action: 'Update a user', fn: 'update-user', output: 'done',
	fields: [
		userId('The ID of the user to update'),
		collection('updateFields', 'Update Fields', [
			text('firstName', 'first_name', 'First Name', 'The first name of the user'),
			text('lastName', 'last_name', 'Last Name', 'The last name of the user'),
			text('email', 'email', 'Email', 'The email address; enter NULL to delete it', { placeholder: 'name@email.com' }),
			text('profileImage', 'profile_image', 'Profile Image URL', 'The URL of the profile picture'),
			text('password', 'password', 'Password', 'The new password', { typeOptions: { password: true } }),
			choice('userType', 'user_type', 'User Type', 'The type of the user', USER_TYPE_OPTIONS, 'user'),
			details('extraDetails', 'settings_extra'),
		]),
	],
});
