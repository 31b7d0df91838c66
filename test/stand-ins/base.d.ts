/* eslint-disable @n8n/community-nodes/no-restricted-imports -- types of test code that runs in Node.js, not in n8n's node sandbox */
// Types for the plain-JS stand-in base (base.js), for TypeScript tests.
import type { IncomingHttpHeaders, ServerResponse } from 'http';

/** An application/x-www-form-urlencoded body: ordered pairs, and a flat object (repeated keys -> arrays). */
export interface ParsedForm {
	pairs: Array<[string, string]>;
	fields: Record<string, string | string[]>;
}

/** A request a stand-in received (recorded before any fault or handler runs). */
export interface RecordedRequest {
	at: number;
	method: string;
	path: string;
	query: Record<string, string>;
	headers: IncomingHttpHeaders;
	contentType: string;
	rawBody: string;
	/** Set for form bodies. */
	form: ParsedForm | null;
	/** The parsed body of a JSON request (undefined otherwise). */
	json: unknown;
	/** The HTTP status answered (null until answered, or for a dropped connection). */
	status: number | null;
	/** '429', '503', ... for an injected status, 'drop', 'drop-after' or 'slow'; null when not faulted. */
	fault: string | null;
}

/** A fault for the next matching requests (see base.js). */
export interface Fault<R extends RecordedRequest = RecordedRequest> {
	status?: number;
	retryAfter?: number;
	body?: unknown;
	delayMs?: number;
	drop?: boolean;
	/** Run the handler (the call takes effect), then destroy the connection instead of answering. */
	dropAfter?: boolean;
	/** Default 1; Infinity for all. */
	times?: number;
	match?: (request: R) => boolean;
}

export type Handler<R extends RecordedRequest = RecordedRequest> = (
	request: R,
	res: ServerResponse,
	standIn: StandIn<R>,
) => unknown;

export declare class StandIn<R extends RecordedRequest = RecordedRequest> {
	constructor(name: string, handler: Handler<R>);
	name: string;
	handler: Handler<R>;
	requests: R[];
	faults: Array<Fault<R> & { times: number }>;
	/** `http://127.0.0.1:<port>` once started. */
	url: string;
	port: number;
	inject(fault: Fault<R>): this;
	clearFaults(): void;
	clearRequests(): void;
	start(port?: number, host?: string): Promise<this>;
	stop(): Promise<void>;
}

export interface PostOutAnswer {
	status: number;
	text: string;
	json: unknown;
	error?: unknown;
}

export declare function parseForm(text: string): ParsedForm;
export declare function sendJson(res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>): void;
export declare function sendText(res: ServerResponse, status: number, text?: string, headers?: Record<string, string>): void;
export declare function postOut(
	url: string,
	options?: { json?: unknown; form?: Array<[string, string]> | Record<string, string>; headers?: Record<string, string>; timeoutMs?: number },
): Promise<PostOutAnswer>;
