import { collection, flag, idList, text } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'user', operation: 'getOnline', name: 'Get Online', action: 'Get online users', fn: 'get-online-users', output: 'list',
	fields: [
		collection('options', 'Options', [
			flag('agentsOnly', 'agents', 'Agents Only', 'Whether to return only agents and admins'),
			idList('excludeIds', 'exclude_id', 'Exclude User IDs', 'Users to leave out, comma-separated'),
			text('sortBy', 'sorting', 'Sort By', 'The column to sort by', { placeholder: 'creation_time' }),
		]),
	],
});
