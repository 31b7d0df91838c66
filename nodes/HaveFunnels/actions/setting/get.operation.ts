import type { IDataObject } from 'n8n-workflow';

import { text } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'setting', operation: 'get', name: 'Get', action: 'Get a setting', fn: 'get-setting',
	fields: [text('setting', 'setting', 'Setting ID', 'The ID of the setting, as in resources/json/settings.json', { required: true })],
	// a group of options as one record; a single value (false too) as {"value": ...}
	output: (response) =>
		response && typeof response === 'object' && !Array.isArray(response) ? [response as IDataObject] : [{ value: response as IDataObject[string] }],
});
