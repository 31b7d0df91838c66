import { userId } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'user', operation: 'updateToLead', name: 'Update to Lead', action: 'Change a user to a lead', fn: 'update-user-to-lead',
	fields: [userId()], output: 'done',
});
