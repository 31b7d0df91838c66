// Types for the plain-JS HaveFunnels stand-in (index.js), for TypeScript tests.
/* eslint-disable @typescript-eslint/no-explicit-any */

export interface HaveFunnelsStandInOptions {
	/** Admin API token (default 'hf-test-token'). */
	token?: string;
	webhookUrl?: string;
	webhookKey?: string;
	/** Active webhook events (array or comma list); empty = all. */
	webhookEvents?: string[] | string;
	webhooksEnabled?: boolean;
	/** Default 10000, as Support Board's cURL call. */
	webhookTimeoutMs?: number;
	/** The webhook's `sender-url` (default `${url}/script`). */
	senderUrl?: string;
	/** true: API errors at HTTP 200 (old versions); false (default): 400/401/404. */
	legacyErrors?: boolean;
	/** Default 'text/html; charset=UTF-8', as PHP prints it. */
	contentType?: string;
	escapeSlashes?: boolean;
	escapeUnicode?: boolean;
	/** send-message answer key: 'message-id' (default, the page), 'id' or 'both'. */
	messageIdKey?: 'message-id' | 'id' | 'both';
	/** Seed admin 1, agent 2, bot 3, departments 1-2, articles (default true). */
	seed?: boolean;
	/** Also seed lead 4 "John Doe" with conversation 1 (messages 1 from John, 2 from the agent). */
	seedCustomers?: boolean;
	pushNotifications?: boolean;
	now?: () => number;
}

/** A user as the stand-in stores it (state.users, addUser). */
export interface HaveFunnelsUser {
	id: number;
	first_name: string;
	last_name: string;
	email: string | null;
	profile_image: string;
	user_type: string;
	/** Milliseconds. */
	creation_time: number;
	last_activity: number;
	department: number | string | null;
	token: string;
	password: string;
	/** Extra details by slug. */
	extra: Map<string, { name: string; value: string }>;
}

/** A conversation as the stand-in stores it (state.conversations, addConversation). */
export interface HaveFunnelsConversation {
	id: number;
	user_id: number;
	title: string;
	/** Milliseconds. */
	creation_time: number;
	status_code: number;
	department: number | string | null;
	agent_id: number | string | null;
	source: string | null;
	extra: unknown;
	rating: unknown;
}

/** A message row as the API prints it (state.messageRow): IDs and codes as strings, JSON texts. */
export interface HaveFunnelsMessageRow {
	id: string;
	user_id: string;
	message: string;
	creation_time: string;
	/** A JSON text, or ''. */
	attachments: string;
	status_code: string;
	/** A JSON text, or ''. */
	payload: string;
	conversation_id: string;
	first_name: string;
	last_name: string;
	profile_image: string;
	user_type: string;
}

export interface RecordedRequest {
	at: number;
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, any>;
	contentType: string;
	rawBody: string;
	/** Node-style parse: ordered pairs and a flat object (repeated keys -> arrays). */
	form: { pairs: [string, string][]; fields: Record<string, string | string[]> } | null;
	json: any;
	status: number | null;
	fault: string | null;
	/** PHP-style $_POST (last value wins, key[] arrays) - set for api.php calls. */
	args?: Record<string, any>;
	/** The `function` argument - set for api.php calls. */
	fn?: string;
}

export interface WebhookRecord {
	at: number;
	event: string;
	url: string;
	body: { function: string; key: string; data: any; 'sender-url': string };
	rawBody: string;
	status: number | null;
	responseText: string | null;
	error: string | null;
	durationMs: number | null;
}

export interface Fault {
	status?: number;
	retryAfter?: number;
	body?: unknown;
	delayMs?: number;
	drop?: boolean;
	/** Run the call (it takes effect), then destroy the connection instead of answering. */
	dropAfter?: boolean;
	times?: number;
	match?: (request: RecordedRequest) => boolean;
}

export declare class HaveFunnelsStandIn {
	constructor(options?: HaveFunnelsStandInOptions);
	url: string;
	port: number;
	options: Required<Pick<HaveFunnelsStandInOptions, 'token'>> & HaveFunnelsStandInOptions;
	state: any;
	requests: RecordedRequest[];
	/** Injected faults still to apply. */
	faults: Fault[];
	webhooks: WebhookRecord[];
	webhookConfig: { url: string | null; key: string; events: string[]; enabled: boolean };
	readonly token: string;
	readonly adminId: number;
	readonly agentId: number;
	readonly botId: number;
	/** `${url}/script`: the API is at `${installationUrl}/include/api.php` (also at `${url}/include/api.php`). */
	readonly installationUrl: string;
	start(port?: number, host?: string): Promise<this>;
	stop(): Promise<void>;
	inject(fault: Fault): this;
	clearFaults(): void;
	clearRequests(): void;
	calls(fn?: string): RecordedRequest[];
	setLegacyErrors(on?: boolean): this;
	setWebhook(config: { url?: string; key?: string; events?: string[] | string; enabled?: boolean }): this;
	isEventActive(event: string): boolean;
	forceResponse(fn: string, answer: { status?: number; body?: unknown; raw?: string; contentType?: string; times?: number }): this;
	addUser(fields: Record<string, any>): any;
	addConversation(fields: Record<string, any>): any;
	addMessage(fields: Record<string, any>): any;
	setOnline(userId: number | string, online?: boolean): any;
	clearWebhooks(): void;
	emit(event: string, data: unknown, opts?: { force?: boolean }): Promise<WebhookRecord | null>;
	emitEvent(event: string, data?: unknown, opts?: { force?: boolean }): Promise<WebhookRecord | null>;
	waitForWebhooks(predicate?: number | ((records: WebhookRecord[]) => boolean), timeoutMs?: number): Promise<WebhookRecord[]>;
}

export declare function createHaveFunnelsStandIn(options?: HaveFunnelsStandInOptions): HaveFunnelsStandIn;
export declare const WEBHOOK_EVENTS: string[];
export declare const WEBHOOK_SAMPLES: Record<string, unknown>;
export declare const FUNCTIONS: Record<string, { required: string[]; run: (ctx: any) => unknown }>;
