// Types for the plain-JS sync setup (sync-setup.js), for TypeScript tests. The stand-ins are typed
// only as far as the e2e tests use them; their records are plain JSON objects.

export type Json = Record<string, unknown>;

export declare const SECRETS: {
	haveFunnelsToken: string;
	haveFunnelsWebhookKey: string;
	planfixToken: string;
	integrationToken: string;
	planhatToken: string;
	planhatWebhookSecret: string;
};
export declare const PROVIDER_ID: string;
export declare const PLANHAT_TYPE: string;
export declare const WORKFLOWS_DIR: string;
export declare const WORKFLOW_FILES: Record<WorkflowKey, string>;

export type WorkflowKey = 'haveFunnelsEvents' | 'planfixReplies' | 'planhatMessage';

export interface SyncWorkflow {
	id: string;
	name: string;
	active?: boolean;
	nodes: Array<{ name: string; type: string; webhookId?: string; parameters: Json }>;
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

export interface SyncCredential {
	id: string;
	name: string;
	type: string;
	data: Json;
}

export interface Customer {
	user: { id: number } & Json;
	conversation: { id: number } & Json;
	userId: string;
	conversationId: string;
}

/** A message Planfix received (cmd=newMessage from the integration). */
export interface PlanfixMessage extends Json {
	chatId: string;
	contactId: string;
	message: string;
	isEcho: boolean;
	openedTask?: boolean;
	attachments: Array<{ name: string; url: string }>;
}

/** A call the Planfix agent made to the integration. */
export interface AgentRecord {
	form: Array<[string, string]>;
	status: number;
	text: string;
	json: unknown;
	answer: { chatId: string; contactId: string } | null;
	messageId: string;
}

export interface AgentMessage {
	providerId: string;
	chatId?: string;
	contactPhone?: string;
	message?: string;
	messageId?: string;
	token?: string | null;
	url?: string;
	attachments?: Array<{ name: string; url: string }>;
}

/** A request a stand-in received. */
export interface StandInRequest extends Json {
	method: string;
	path: string;
	fault?: string;
	form?: { fields: Record<string, string> };
}

export interface Fault {
	status?: number;
	delayMs?: number;
	drop?: boolean;
	times?: number;
	retryAfter?: number;
	match?: (request: StandInRequest) => boolean;
}

/** A webhook HaveFunnels sent (one attempt, 10 s timeout). */
export interface HaveFunnelsWebhook {
	at: number;
	event: string;
	url: string;
	body: Json;
	status: number | null;
	responseText: string | null;
	error: string | null;
	durationMs: number | null;
}

export interface SyncStandIns {
	haveFunnels: {
		url: string;
		installationUrl: string;
		requests: StandInRequest[];
		webhooks: HaveFunnelsWebhook[];
		inject(fault: Fault): void;
		state: {
			users: Map<number, Json>;
			conversations: Map<number, Json & { id: number; user_id: number; title: string }>;
			user(id: number | string): Json & { id: number };
			userByEmail(email: string): (Json & { id: number }) | undefined;
			conversation(id: number | string): Json & { id: number; user_id: number; title: string };
		};
	};
	planfix: {
		apiUrl: string;
		requests: StandInRequest[];
		inject(fault: Fault): void;
		apiCalls(): StandInRequest[];
		agent: {
			reply(message: AgentMessage): Promise<AgentRecord>;
			firstMessage(message: AgentMessage): Promise<AgentRecord>;
		};
	};
	planhat: {
		url: string;
		requests: StandInRequest[];
		inject(fault: Fault): void;
		conversations: Array<Json & { _id: string; externalId?: string; description?: string }>;
		endusers: Array<Json & { _id: string; email?: string }>;
		getConversation(key: string): (Json & { _id: string; externalId?: string; description: string; subject?: string }) | undefined;
	};
	bridge: { id: number } & Json;
	agent: { id: number } & Json;
	start(): Promise<SyncStandIns>;
	stop(): Promise<void>;
	credentials(): SyncCredential[];
	config(): Record<WorkflowKey, Record<string, string>>;
	connect(n8nBaseUrl: string, workflows: Record<WorkflowKey, SyncWorkflow>): void;
	newCustomer(options?: { firstName?: string; lastName?: string; email?: string; phone?: string; title?: string }): Customer;
	customerWrites(options: { conversation: Customer | string | number; message?: string; attachments?: Array<[string, string]>; from?: number | string }): Promise<string | undefined>;
	setStatus(conversation: Customer | string | number, statusCode: number): Promise<unknown>;
	planhatAutomation(data: Json, options?: { secret?: string; event?: string }): Promise<{ status: number; text: string }>;
	planfixMessages(chatId?: string | number): PlanfixMessage[];
	haveFunnelsMessages(conversation: Customer | string | number): Array<Json & { user_id: string; message: string; attachments?: string; payload?: string }>;
}

export declare function readWorkflow(file: string): SyncWorkflow;
export declare function loadWorkflows(config?: Partial<Record<WorkflowKey, Record<string, string>>>, options?: { active?: boolean }): Record<WorkflowKey, SyncWorkflow>;
export declare function webhookPath(workflow: SyncWorkflow): string;
export declare function startSyncStandIns(options?: { ports?: Record<string, number> }): Promise<SyncStandIns>;
export declare function waitFor<T>(check: () => T | Promise<T>, what: string, timeoutMs?: number, everyMs?: number): Promise<NonNullable<T>>;
