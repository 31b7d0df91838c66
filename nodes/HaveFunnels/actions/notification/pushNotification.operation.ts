import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { collection, id, messageText, text } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	resource: 'notification', operation: 'pushNotification', name: 'Send Push Notification', action: 'Send a push notification to agents',
	fn: 'push-notification',
	fields: [
		text('title', 'title', 'Title', 'The title of the notification', { required: true }),
		messageText('The text of the notification'),
		collection('options', 'Options', [
			text('icon', 'icon', 'Icon URL', 'The icon of the notification'),
			text('interest', 'interest', 'Recipients', 'An agent ID, or the group of agents as HaveFunnels names it; all agents when not set'),
			id('conversationId', 'conversation_id', 'Conversation ID', 'The conversation opened by a click on the notification', {}),
		]),
	],
	output(response, itemIndex) {
		if (response === false) {
			throw new NodeOperationError(this.getNode(), 'Push notifications are disabled in HaveFunnels', {
				itemIndex,
				description: 'Enable them in the HaveFunnels settings, then run the node again',
			});
		}
		return [(typeof response === 'object' && response !== null ? response : { result: response }) as IDataObject];
	},
});
