import { USER_TYPE_OPTIONS, collection, idList, multiChoice, sendAs, sorting, text, toIdList } from '../common.description';
import { defineOperation } from '../operation';

const extraDetails = sendAs(
	text('extraDetails', 'extra', 'Extra Details', 'Include additional user details: "all", or comma-separated detail names such as phone, city'),
	(value) => {
		const slugs = toIdList(value).map(String);
		if (!slugs.length) return {};
		return { extra: slugs.length === 1 && slugs[0] === 'all' ? true : slugs };
	},
);

export const { fn, option, description, execute } = defineOperation({
	resource: 'user', operation: 'getAll', name: 'Get Many', action: 'Get many users', fn: 'get-users', returnAll: 'paginate', output: 'list',
	fields: [
		collection('options', 'Options', [
			sorting(['creation_time', 'last_activity', 'first_name', 'last_name', 'email', 'user_type', 'department']),
			multiChoice('userTypes', 'user_types', 'User Types', 'Only users of these types', USER_TYPE_OPTIONS.filter((o) => o.value !== 'bot')),
			text('search', 'search', 'Search', 'Only users matching this text'),
			extraDetails,
			idList('userIds', 'user_ids', 'User IDs', 'Only the users with these IDs, comma-separated'),
		]),
	],
});
