import { USER_TYPE_OPTIONS, choice, collection, details, profileFields, userId } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'user', operation: 'update', name: 'Update', action: 'Update a user', fn: 'update-user', output: 'done',
	fields: [
		userId('The ID of the user to update'),
		collection('updateFields', 'Update Fields', [
			...profileFields('The email address; enter NULL to delete it', 'The new password'),
			choice('userType', 'user_type', 'User Type', 'The type of the user', USER_TYPE_OPTIONS, 'user'),
			details('extraDetails', 'settings_extra'),
		]),
	],
});
