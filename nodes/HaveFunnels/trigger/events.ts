import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

/** Every webhook HaveFunnels documents, plus "any". */
export const EVENT_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Any Event', value: '*', description: 'Every webhook HaveFunnels sends' },
	{ name: 'Bot Message', value: 'bot-message', description: 'Dialogflow replied to a user message' },
	{ name: 'Conversation Status Updated', value: 'conversation-status-updated' },
	{ name: 'Dialogflow Message', value: 'dialogflow-message' },
	{ name: 'Email Sent', value: 'email-sent', description: 'A notification email was sent to a user or an agent' },
	{ name: 'Login', value: 'login', description: 'A user logged in from the chat login form' },
	{ name: 'Message Deleted', value: 'message-deleted' },
	{ name: 'Message Sent', value: 'message-sent', description: 'A user or an agent sent a message' },
	{ name: 'New Conversation Created', value: 'new-conversation-created', description: 'A user started a conversation' },
	{ name: 'New Conversation Received', value: 'new-conversation-received', description: 'Also sent as new-conversation' },
	{ name: 'New Email Address', value: 'new-email-address', description: 'A user left an email address' },
	{ name: 'New Messages Received', value: 'new-messages-received', description: 'Also sent as new-messages' },
	{ name: 'Registration', value: 'registration', description: 'A user registered from the chat' },
	{ name: 'Rich Message', value: 'rich-message', description: 'A user submitted a rich message (form, buttons)' },
	{ name: 'Slack Message Sent', value: 'slack-message-sent' },
	{ name: 'SMS Sent', value: 'sms-sent' },
	{ name: 'User Deleted', value: 'user-deleted' },
];

/** Names some HaveFunnels versions send for the same event. */
const ALIASES: Record<string, string> = {
	'new-conversation': 'new-conversation-received',
	'new-messages': 'new-messages-received',
};

export function eventMatches(event: string, selected: string[]): boolean {
	if (selected.includes('*')) return true;
	return selected.includes(event) || selected.includes(ALIASES[event] ?? '');
}

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The webhook body as an object, from the parsed body or the raw text; undefined when not JSON. */
export function readWebhookBody(request: { body?: unknown; rawBody?: unknown }): IDataObject | undefined {
	const candidates = [request.body, request.rawBody];
	for (const candidate of candidates) {
		if (isObject(candidate) && !(candidate instanceof Uint8Array) && Object.keys(candidate).length > 0) return candidate;
		const textValue =
			typeof candidate === 'string' ? candidate : candidate instanceof Uint8Array ? Buffer.from(candidate).toString('utf8') : '';
		if (textValue.trim() === '') continue;
		try {
			const parsed: unknown = JSON.parse(textValue);
			return isObject(parsed) ? parsed : undefined;
		} catch {
			return undefined;
		}
	}
	return undefined;
}

const AGENT_TYPES = new Set(['agent', 'admin', 'bot']);

/**
 * Whether a message came from the conversation's own user (the customer) rather than an agent or
 * the bot. `message-sent` carries no user type: the sender is the customer when `user_id` equals
 * `conversation_user_id`. `new-messages(-received)` carries the sender's `user_type`. Undefined
 * for other events, or when the data does not say.
 */
export function senderIsCustomer(event: string, data: unknown): boolean | undefined {
	if (event === 'message-sent' && isObject(data)) {
		if (data.user_id === undefined || data.conversation_user_id === undefined) return undefined;
		return String(data.user_id) === String(data.conversation_user_id);
	}
	if (event === 'bot-message') return false;
	if ((event === 'new-messages-received' || event === 'new-messages') && Array.isArray(data)) {
		const types = data.map((entry) => {
			const details = isObject(entry) && isObject(entry.details) ? entry.details : entry;
			return isObject(details) && typeof details.user_type === 'string' ? details.user_type : undefined;
		});
		if (types.length === 0 || types.some((type) => type === undefined)) return undefined;
		const customer = types.map((type) => !AGENT_TYPES.has(type as string));
		return customer.every((value) => value === customer[0]) ? customer[0] : undefined;
	}
	return undefined;
}
