// Types for the plain-JS Planfix webchat stand-in (index.js), for TypeScript tests.
import type { StandIn } from '../base';

export interface Attachment {
	name: string;
	url: string;
}

/** The {chatId, contactId} the integration answered to the agent. */
export interface ChatIds {
	chatId: string;
	contactId: string;
}

/** A newMessage Planfix received (from the integration). */
export interface InboundMessage {
	direction: 'in';
	providerId: string;
	chatId: string;
	contactId: string;
	contactNumber: number;
	taskNumber: number;
	openedTask: boolean;
	message: string;
	title?: string;
	channel?: string;
	attachments: Attachment[];
	isEcho: boolean;
	userEmail?: string;
	/** data_<x> fields, by <x>. */
	taskFields: Record<string, string>;
	/** Pairs that are neither known fields nor data_ fields. */
	unknownFields: Array<[string, string]>;
}

/** A message the agent sent to the integration (a reply, or a first message to a phone). */
export interface OutboundMessage {
	direction: 'out';
	providerId: string;
	chatId?: string;
	contactPhone?: string;
	messageId: string;
	message?: string;
	answer: ChatIds | null;
	first?: true;
}

export type PlanfixMessage = InboundMessage | OutboundMessage;

export interface Chat {
	providerId: string;
	chatId: string;
	contactId: string;
	channel?: string;
	taskNumber: number;
	messages: InboundMessage[];
}

export interface Contact {
	providerId: string;
	contactId: string;
	number: number;
	contactName?: string;
	contactLastName?: string;
	contactIco?: string;
	contactEmail?: string;
	contactPhone?: string;
	contactData?: string;
}

export interface Task {
	number: number;
	providerId: string;
	chatId: string;
	title: string | null;
	fields: Record<string, string>;
	statusIsActive: boolean;
}

/** The messageStatus reports of one outgoing message. */
export interface StatusEntry {
	messageId: string;
	providerId: string;
	/** The normalised status (sent | read | error); null until reported. */
	status: string | null;
	/** The status as sent. */
	raw?: string;
	statusText?: string;
	history: Array<{ status: string; raw: string; statusText?: string }>;
}

export interface PlanfixState {
	/** By `${providerId}~${chatId}`. */
	chats: Map<string, Chat>;
	/** By `${providerId}~${contactId}`. */
	contacts: Map<string, Contact>;
	tasks: Map<number, Task>;
	/** Every message, both directions, in order. */
	messages: PlanfixMessage[];
	/** By messageId. */
	statuses: Map<string, StatusEntry>;
	nextTask: number;
	nextContact: number;
	nextMessageId: number;
}

export interface PlanfixStandInOptions {
	/** Default 'planfix-token'. */
	planfixToken?: string;
	providerIds?: string[] | null;
	dataAsString?: boolean;
	integrationUrl?: string | null;
	/** Default 'integration-token'. */
	integrationToken?: string;
	/** Default '/webchat/api'. */
	path?: string;
	firstTaskNumber?: number;
	firstContactNumber?: number;
	firstMessageId?: number;
}

/** One call of the agent to the integration, with the answer. */
export interface AgentRecord {
	form: Array<[string, string]>;
	status: number;
	text: string;
	json: unknown;
	answer: ChatIds | null;
	/** Set by reply() and firstMessage(). */
	messageId?: string;
}

export interface AgentSendOptions {
	/** Overrides the integration token; null leaves it out. */
	token?: string | null;
	url?: string;
	timeoutMs?: number;
}

export interface AgentMessage {
	providerId: string;
	message?: string;
	messageId?: string;
	channel?: string;
	userName?: string;
	userLastName?: string;
	userIco?: string;
	taskEmail?: string;
	attachments?: Attachment[];
}

/** Plays a Planfix employee: POSTs cmd=newMessage to the integration. */
export interface PlanfixAgent {
	sent: AgentRecord[];
	configure(options?: { url?: string; token?: string }): PlanfixAgent;
	send(pairs: Array<[string, unknown]> | Record<string, unknown>, options?: AgentSendOptions): Promise<AgentRecord>;
	buildMessage(message: AgentMessage & { chatId?: string; contactPhone?: string }): Array<[string, string | undefined]>;
	reply(message: AgentMessage & AgentSendOptions & { chatId: string }): Promise<AgentRecord & { messageId: string }>;
	firstMessage(message: AgentMessage & AgentSendOptions & { contactPhone: string }): Promise<AgentRecord & { messageId: string }>;
}

export interface PlanfixStandIn extends StandIn {
	state: PlanfixState;
	config: Required<PlanfixStandInOptions>;
	setDataAsString(on?: boolean): PlanfixStandIn;
	/** The whole API URL, as the credential takes it (once started). */
	readonly apiUrl: string;
	seedChat(chat: { providerId: string; chatId: string; contactId: string; contactName?: string; title?: string; fields?: Record<string, string> }): Chat;
	seedContact(contact: { providerId: string; contactId: string } & Partial<Contact>): Contact;
	taskForChat(providerId: string, chatId: string): Task | undefined;
	contact(providerId: string, contactId: string): Contact | undefined;
	chat(providerId: string, chatId: string): Chat | undefined;
	/** Requests that reached the API endpoint. */
	apiCalls(): PlanfixStandIn['requests'];
	agent: PlanfixAgent;
}

export declare function createPlanfixStandIn(options?: PlanfixStandInOptions): PlanfixStandIn;
export declare function readAttachments(pairs: Array<[string, string]>): Attachment[] | null;
export declare const DEFAULT_PATH: string;
