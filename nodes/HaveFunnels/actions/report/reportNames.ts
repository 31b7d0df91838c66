import type { INodePropertyOptions } from 'n8n-workflow';

/** The report names the API page lists, for the Report parameter. */
const NAMES = [
	'conversations', 'missed-conversations', 'conversations-time', 'visitors', 'leads', 'users', 'agents-response-time',
	'agents-conversations', 'agents-conversations-time', 'agents-ratings', 'countries', 'languages', 'browsers', 'os', 'subscribe',
	'follow-up', 'registrations', 'articles-searches', 'articles-ratings', 'articles-views-single', 'articles-views', 'sms-automations',
	'email-automations', 'message-automations', 'direct-sms', 'direct-emails', 'direct-messages',
];

const label = (name: string) =>
	name
		.split('-')
		.map((word) => (['os', 'sms'].includes(word) ? word.toUpperCase() : word.charAt(0).toUpperCase() + word.slice(1)))
		.join(' ');

export const REPORT_OPTIONS: INodePropertyOptions[] = NAMES.map((value) => ({ name: label(value), value })).sort((a, b) =>
	a.name.localeCompare(b.name),
);
