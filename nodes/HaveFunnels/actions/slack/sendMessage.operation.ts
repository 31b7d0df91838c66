import { attachments, collection, id, messageText, text, userId } from '../common.description';
import { defineOperation } from '../operation';

export const { fn, option, description, execute } = defineOperation({
	// not repeated after an ambiguous failure: it may have added or sent something already
	idempotent: false,
	resource: 'slack', operation: 'sendMessage', name: 'Send Message', action: 'Send a message to Slack', fn: 'send-slack-message',
	// The API page lists no arguments; these are Support Board's (sb_send_slack_message).
	fields: [
		userId('The ID of the user the message is from'),
		messageText('The text of the message', { typeOptions: { rows: 4 } }),
		collection('options', 'Options', [
			text('fullName', 'full_name', 'Full Name', 'The name shown as the sender in Slack'),
			text('profileImage', 'profile_image', 'Profile Image URL', 'The URL of the picture shown with the message'),
			attachments(),
			id('conversationId', 'conversation_id', 'Conversation ID', 'The conversation the message belongs to', {}),
			text('channel', 'channel', 'Channel ID', 'The Slack channel; by default the channel of the user'),
		]),
	],
	// ["C011JFFGSKY"]: the Slack channel the message went to
	output: (response) => [{ channel: (Array.isArray(response) ? response[0] : response) as string }],
});
