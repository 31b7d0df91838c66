import { choice, conversationId } from '../common.description';
import { defineOperation } from '../operation';

const FORMATS = [
	{ name: 'CSV', value: 'csv' },
	{ name: 'Text', value: 'txt' },
	{ name: 'As in Settings', value: 'false', description: 'The type set in Settings > Admin > Transcript type' },
];

export const { fn, option, description, execute } = defineOperation({
	notFoundNotice: true,
	resource: 'conversation', operation: 'transcript', name: 'Transcript', action: 'Export a conversation as a file', fn: 'transcript',
	fields: [conversationId('The conversation to export'), choice('format', 'type', 'Format', 'The file type of the transcript', FORMATS, 'csv')],
	valueKey: 'url',
});
