import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'slack', operation: 'archiveChannels', name: 'Archive All Channels', action: 'Archive all Slack channels', fn: 'archive-slack-channels',
	output: 'done',
});
