/**
 * Drives every error path of an action node through the workflow-executor rig: each operation
 * against each fault the stand-in can inject (every HTTP error class the transports tell apart,
 * 200 answers that report a failure, partial answers, dropped connections), with the answer
 * echoing the request — headers and body, so the token — back. Each case runs with "Continue On
 * Fail" off and on; afterwards no secret of any credential may stand anywhere in the run (output
 * items, the error n8n keeps with its message, description, cause and context) or in n8n's log,
 * and a refusal (4xx other than 429) has been sent once, not retried.
 */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import { runNode } from '../rig';
import type { Fault, RecordedRequest, StandIn } from './fixtures';
import { captureLogs, leakedSecrets } from './leaks';

/** The request as a service might echo it: method, path, every header and the raw body. */
export function echoOf(request: RecordedRequest): IDataObject {
	return {
		method: request.method,
		path: request.path,
		headers: request.headers as IDataObject,
		body: request.rawBody,
	};
}

/** The echo as one text (what a service puts into an error message). */
export function echoText(request: RecordedRequest): string {
	const auth = request.headers.authorization;
	return `${request.method} ${request.path} ${Array.isArray(auth) ? auth.join(' ') : auth ?? ''} ${request.rawBody}`;
}

/** An error answer that repeats the request in its message and in a nested field. */
export const echoingError = (request: RecordedRequest): IDataObject => ({
	error: `Rejected: ${echoText(request)}`,
	message: `Rejected: ${echoText(request)}`,
	request: echoOf(request),
});

/** The HTTP error classes the transports distinguish: 400/401/403/404/409/422/429/5xx. */
export const HTTP_ERRORS = [400, 401, 403, 404, 409, 422, 429, 500, 502, 503];

export interface FaultCase {
	name: string;
	fault: Fault;
	/** Operations (by name) the case applies to; all when not set. */
	only?: string[];
}

/** Each HTTP error class, answered with an echo of the request (and Retry-After: 0, so retries are quick). */
export function httpErrorCases(body: (request: RecordedRequest) => unknown = echoingError): FaultCase[] {
	return HTTP_ERRORS.map((status) => ({
		name: `HTTP ${status} echoing the request`,
		fault: { status, body, retryAfter: 0, times: Infinity },
	}));
}

export const DROPPED: FaultCase = { name: 'connection dropped without an answer', fault: { drop: true, times: Infinity } };

export interface Operation {
	name: string;
	parameters: IDataObject;
	items?: IDataObject[];
}

export interface ErrorPathSuite {
	/** The node, e.g. `planhat`. */
	node: string;
	standIn: () => StandIn;
	credentials: () => Record<string, ICredentialDataDecryptedObject>;
	operations: Operation[];
	cases: FaultCase[];
	/** The secret values that go out with each request (to prove the echo really carried them). */
	sentSecrets: string[];
}

export function describeErrorPaths(suite: ErrorPathSuite) {
	const rows: Array<[string, string, boolean, Operation, FaultCase]> = [];
	for (const operation of suite.operations) {
		for (const fault of suite.cases) {
			if (fault.only && !fault.only.includes(operation.name)) continue;
			for (const continueOnFail of [false, true]) {
				rows.push([operation.name, fault.name, continueOnFail, operation, fault]);
			}
		}
	}

	it.each(rows)('%s, %s, Continue On Fail %s: no secret in output, errors or logs', async (_op, _fault, continueOnFail, operation, faultCase) => {
		const standIn = suite.standIn();
		standIn.clearFaults();
		standIn.clearRequests();
		standIn.inject(faultCase.fault);
		const logs = captureLogs();
		let run;
		try {
			run = await runNode({
				type: suite.node,
				parameters: operation.parameters,
				items: operation.items,
				credentials: suite.credentials(),
				continueOnFail,
			});
		} finally {
			logs.stop();
		}
		standIn.clearFaults();

		// The fault was met, and the request that met it carried the secret that could be echoed.
		const faulted = standIn.requests.filter((request) => request.fault);
		expect(faulted.length).toBeGreaterThan(0);
		const sent = faulted.map((request) => `${JSON.stringify(request.headers)} ${request.rawBody}`).join('\n');
		expect(suite.sentSecrets.some((secret) => sent.includes(secret) || sent.includes(encodeURIComponent(secret)))).toBe(true);

		const status = faultCase.fault.status;
		if (status !== undefined && status >= 400 && status < 500 && status !== 429) {
			// A refusal (4xx other than 429) is an answer, not a fault: the node never sends it again.
			expect(standIn.requests).toHaveLength(1);
		}

		expect(run.status === 'error' || run.status === 'success').toBe(true);
		if (continueOnFail) {
			// The failure became output items (paired to the input), not a stopped workflow.
			expect(run.status).toBe('success');
			expect(run.items.length).toBeGreaterThan(0);
		}
		expect(logs.lines.length).toBeGreaterThan(0); // n8n's log was captured
		expect(leakedSecrets(run.raw, run.error, run.items, logs.lines)).toEqual([]);
	});
}
