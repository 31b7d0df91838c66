// Types of fixtures.js (the plain-JS set-up of the security tests).

export interface RecordedRequest {
	at: number;
	method: string;
	path: string;
	headers: Record<string, string | string[] | undefined>;
	rawBody: string;
	json?: unknown;
	status: number | null;
	fault: string | null;
}

export interface Fault {
	status?: number;
	/** A body, or a function of the request (to echo it back). */
	body?: unknown;
	retryAfter?: number;
	delayMs?: number;
	drop?: boolean;
	times?: number;
	match?: (request: RecordedRequest) => boolean;
}

export interface StandIn {
	url: string;
	requests: RecordedRequest[];
	inject(fault: Fault): StandIn;
	clearFaults(): void;
	clearRequests(): void;
	stop(): Promise<void>;
}

export interface PlanhatStandIn extends StandIn {
	addConversation(conversation: Record<string, unknown>): { _id: string };
	conversations: Array<Record<string, unknown>>;
	endusers: Array<Record<string, unknown>>;
}

export interface PlanfixStandIn extends StandIn {
	apiUrl: string;
}

export interface HaveFunnelsStandIn extends StandIn {
	installationUrl: string;
}

export declare const SECRETS: {
	planhatToken: string;
	planhatWebhookSecret: string;
	planfixToken: string;
	planfixIntegrationToken: string;
	haveFunnelsToken: string;
	haveFunnelsWebhookSecret: string;
};
export declare const COMPANY_ID: string;
export declare const PROVIDER_ID: string;
export declare function startPlanhat(): Promise<PlanhatStandIn>;
export declare function startPlanfix(): Promise<PlanfixStandIn>;
export declare function startHaveFunnels(): Promise<HaveFunnelsStandIn>;
