// Types for the plain-JS Planhat stand-in (index.js), for TypeScript tests.
import type { RecordedRequest, StandIn } from '../base';

/** A stored Planhat record: its `_id` and whatever else it holds (Planhat models are open-ended). */
export interface PlanhatRecord {
	_id: string;
	[field: string]: unknown;
}

export interface Company extends PlanhatRecord {
	name: string;
	domains: string[];
	externalId?: string;
	sourceId?: string;
}

export interface Enduser extends PlanhatRecord {
	name?: string;
	email?: string;
	firstName?: string;
	lastName?: string;
	companyId?: string;
	companyName?: string;
	externalId?: string;
	sourceId?: string;
}

export interface Conversation extends PlanhatRecord {
	subject?: string;
	description?: string;
	snippet: string;
	date: string;
	type: string;
	companyId?: string;
	companyName?: string;
	externalId?: string;
	sourceId?: string;
	users: Array<{ id: string; name?: string; isOwner: boolean }>;
	userIds: string[];
	endusers: Array<{ id: string; name?: string }>;
	activityTags: string[];
	starred: boolean;
	pinned: boolean;
	archived: boolean;
	isOpen: boolean;
	custom?: Record<string, unknown>;
}

export interface User {
	_id: string;
	name: string;
}

/** A request the stand-in received; `rateLimited` when its rate limit answered 429. */
export interface PlanhatRequest extends RecordedRequest {
	rateLimited?: boolean;
}

export interface RateLimit {
	limit: number;
	/** Default 60000. */
	windowMs?: number;
	/** Retry-After in seconds (default: until the window frees a slot). */
	retryAfter?: number;
}

export interface PlanhatStandInOptions {
	/** Accepted Bearer token(s) (default 'planhat-test-token'). */
	token?: string | string[];
	tokens?: string | string[];
	/** Custom conversation types besides `note` (default ['in person meeting', 'Training']). */
	conversationTypes?: string[];
	rateLimit?: RateLimit | null;
	users?: Array<Partial<User>>;
	companies?: Array<Partial<Company>>;
	endusers?: Array<Partial<Enduser>>;
	conversations?: Array<Partial<Conversation>>;
}

export declare class PlanhatStandIn extends StandIn<PlanhatRequest> {
	constructor(options?: PlanhatStandInOptions);
	tokens: string[];
	customTypes: string[];
	rateLimit: RateLimit | null;
	companies: Company[];
	endusers: Enduser[];
	conversations: Conversation[];
	users: User[];
	addUser(user: Partial<User>): User;
	addCompany(company?: Partial<Company>): Company;
	addEnduser(enduser?: Partial<Enduser>): Enduser;
	/** Stores a conversation as if Planhat had it already (no validation, no type rules). */
	addConversation(conversation?: Partial<Conversation>): Conversation;
	/** Seeds `count` conversations on one company (default: the first); returns their ids. */
	seedConversations(count: number, options?: { companyId?: string; prefix?: string; start?: number }): string[];
	/** By `_id`, `extid-…` or `srcid-…` (copies). */
	getConversation(key: string): Conversation | undefined;
	getCompany(key: string): Company | undefined;
	getEnduser(key: string): Enduser | undefined;
	/** Requests that reached a handler (not faulted, not rate limited). */
	readonly handled: PlanhatRequest[];
	setRateLimit(rateLimit: RateLimit | null): void;
	reset(): void;
}

export declare function createPlanhatStandIn(options?: PlanhatStandInOptions): PlanhatStandIn;
export declare const RESERVED_TYPES: string[];
export declare const MAX_BULK: number;
export declare const MAX_PAGE: { conversations: number; endusers: number; companies: number };
