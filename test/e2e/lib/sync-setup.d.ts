// Types for the plain-JS sync set-up (sync-setup.js), for the TypeScript e2e tests.
import type {
	HaveFunnelsConversation,
	HaveFunnelsMessageRow,
	HaveFunnelsStandIn,
	HaveFunnelsUser,
} from '../../stand-ins/havefunnels';
import type { InboundMessage, PlanfixStandIn } from '../../stand-ins/planfix';
import type { PlanhatStandIn } from '../../stand-ins/planhat';

/** The credentials, tokens and keys the stand-ins and n8n's credentials share. */
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
export declare const CREDENTIAL_REFS: Record<'haveFunnelsApi' | 'planfixWebchatApi' | 'planhatApi', { id: string; name: string }>;

export type WorkflowKey = 'haveFunnelsEvents' | 'planfixReplies' | 'planhatMessage' | 'catchUp';
export declare const WORKFLOW_FILES: Record<WorkflowKey, string>;
export declare const WORKFLOWS_DIR: string;

/** A workflow file of workflows/ (the parts the set-up reads). */
export interface Workflow {
	id: string;
	name: string;
	active: boolean;
	nodes: Array<{ name: string; type: string; webhookId?: string; parameters: Record<string, unknown>; [key: string]: unknown }>;
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

export type Workflows = Record<WorkflowKey, Workflow>;

/** The Config values of each workflow, by assignment name. */
export type SyncConfig = Partial<Record<WorkflowKey, Record<string, string | number | boolean>>>;

export interface CredentialFixture {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

/** A HaveFunnels customer with a conversation (newCustomer). */
export interface Customer {
	user: HaveFunnelsUser;
	conversation: HaveFunnelsConversation;
	userId: string;
	conversationId: string;
}

/** A conversation: a customer of newCustomer, or a conversation ID. */
export type ConversationRef = Customer | string | number;

export declare function readWorkflow(file: string): Workflow;
/** `catchUpEverySeconds`: activate the catch-up workflow, scheduled every that many seconds. */
export declare function loadWorkflows(config?: SyncConfig, options?: { active?: boolean; catchUpEverySeconds?: number }): Workflows;
export declare function webhookPath(workflow: Workflow): string;

export declare class SyncStandIns {
	constructor(options?: { ports?: { haveFunnels?: number; planfix?: number; planhat?: number } });
	haveFunnels: HaveFunnelsStandIn;
	planfix: PlanfixStandIn;
	planhat: PlanhatStandIn;
	/** The HaveFunnels agent that posts Planfix replies (the loop guard skips its messages). */
	bridge: HaveFunnelsUser;
	/** The seeded HaveFunnels agent (the Planhat Automation's sender). */
	agent: HaveFunnelsUser;
	n8nBaseUrl?: string;
	planhatWebhookUrl?: string;
	start(): Promise<this>;
	stop(): Promise<void>;
	credentials(): CredentialFixture[];
	config(): SyncConfig;
	connect(n8nBaseUrl: string, workflows: Workflows): void;
	newCustomer(options?: { firstName?: string; lastName?: string; email?: string; phone?: string; title?: string }): Customer;
	run(fn: string, args: Record<string, string>): Promise<unknown>;
	/** Returns the new message's ID. */
	customerWrites(options: {
		conversation: ConversationRef;
		message?: string;
		attachments?: Array<[string, string] | { name: string; url: string }>;
		from?: number | string;
	}): Promise<number | undefined>;
	setStatus(conversation: ConversationRef, statusCode: number): Promise<unknown>;
	planhatAutomation(data: Record<string, unknown>, options?: { secret?: string; event?: string }): Promise<{ status: number; text: string }>;
	planfixMessages(chatId?: string | number): InboundMessage[];
	haveFunnelsMessages(conversation: ConversationRef): HaveFunnelsMessageRow[];
}

export declare function startSyncStandIns(options?: ConstructorParameters<typeof SyncStandIns>[0]): Promise<SyncStandIns>;

/** Polls `check` until it returns a truthy value (returned) or the time is up (throws). */
export declare function waitFor<T>(
	check: () => T | Promise<T>,
	what: string,
	timeoutMs?: number,
	everyMs?: number,
): Promise<Exclude<T, false | 0 | '' | null | undefined>>;
