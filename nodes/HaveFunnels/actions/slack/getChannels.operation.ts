import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'slack', operation: 'getChannels', name: 'Get Channels', action: 'Get the Slack channels, archived ones too', fn: 'slack-channels',
	returnAll: 'slice',
	// {"ok": true, "channels": [...], "response_metadata": {...}}: one item per channel
	output: (response) => {
		const channels = response && typeof response === 'object' ? (response as IDataObject).channels : response;
		return Array.isArray(channels) ? (channels as IDataObject[]) : [];
	},
});
