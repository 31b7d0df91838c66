import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'user', operation: 'deleteLeads', name: 'Delete All Leads', action: 'Delete all leads with their conversations', fn: 'delete-leads',
	output: 'done',
});
