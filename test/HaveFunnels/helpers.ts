/**
 * Shared set-up of the HaveFunnels rig tests: one stand-in per test file, the node run through the
 * workflow-executor rig with the credential pointed at it, and what went over the wire.
 */
import type { IDataObject } from 'n8n-workflow';

import { HF_RIG_TOKEN, HF_RIG_WEBHOOK_SECRET } from '../fixture-secrets';
import { runNode } from '../rig';
import { createHaveFunnelsStandIn, type HaveFunnelsStandIn } from '../stand-ins/havefunnels';

export const TOKEN = HF_RIG_TOKEN;
export const WEBHOOK_SECRET = HF_RIG_WEBHOOK_SECRET;

export type StandIn = HaveFunnelsStandIn;

/** Starts a stand-in for the file (a lead John Doe with a two-message conversation is seeded). */
export function useStandIn(options: IDataObject = {}): { hf: StandIn } {
	const ctx = {} as { hf: StandIn };
	beforeAll(async () => {
		ctx.hf = await createHaveFunnelsStandIn({ token: TOKEN, seedCustomers: true, ...options }).start();
	});
	afterAll(async () => ctx.hf?.stop());
	beforeEach(() => {
		ctx.hf.clearRequests();
		ctx.hf.clearFaults();
	});
	return ctx;
}

export interface RunOptions {
	items?: IDataObject[];
	continueOnFail?: boolean;
	credentials?: IDataObject;
}

/** Runs the HaveFunnels node on one resource/operation against the stand-in. */
export function runHf(hf: StandIn, resource: string, operation: string, parameters: IDataObject = {}, options: RunOptions = {}) {
	return runNode({
		type: 'haveFunnels',
		parameters: { resource, operation, ...parameters },
		credentials: { haveFunnelsApi: { url: hf.installationUrl, apiToken: TOKEN, ...options.credentials } },
		items: options.items,
		continueOnFail: options.continueOnFail,
	});
}

/** The form pairs of each recorded call of `fn`, without the token (checked separately). */
export function sentForms(hf: StandIn, fn?: string): Array<Array<[string, string]>> {
	return hf.calls(fn).map((request) => request.form!.pairs.filter(([key]) => key !== 'token'));
}

/** The one call of `fn` as ordered pairs; fails when there was not exactly one. */
export function sentForm(hf: StandIn, fn: string): Array<[string, string]> {
	const forms = sentForms(hf, fn);
	expect(forms).toHaveLength(1);
	return forms[0];
}

/** Every call carried the admin token in its form body, exactly once. */
export function expectTokenSent(hf: StandIn) {
	const calls = hf.calls();
	expect(calls.length).toBeGreaterThan(0);
	for (const request of calls) {
		expect(request.form!.pairs.filter(([key]) => key === 'token')).toEqual([['token', TOKEN]]);
	}
}

/** Nothing a run produced (items, error) holds the token or the webhook secret. */
export function expectNoSecrets(value: unknown) {
	const text = JSON.stringify(value);
	expect(text).not.toContain(TOKEN);
	expect(text).not.toContain(WEBHOOK_SECRET);
}

export interface OperationCase {
	/** What the case shows, after "<resource> <operation>: ". */
	title: string;
	operation: string;
	params?: IDataObject;
	/** The API function and the exact form it must receive (token left out). */
	fn: string;
	form: Array<[string, string]>;
	/** Checks the node's output (and the stand-in's state). */
	check: (json: IDataObject[], hf: StandIn) => void;
	/** Runs before the node, e.g. to add data; its result is passed to params when a function. */
	setup?: (hf: StandIn) => IDataObject | void;
}

/**
 * One test per case: the node runs successfully, sends exactly `form` to `fn` (with the token,
 * once), leaks no secret, and its output passes `check`. `form` and `params` may be functions of
 * what `setup` returned.
 */
export function itSendsAndReturns(ctx: { hf: StandIn }, resource: string, cases: Array<OperationCase | ((made: IDataObject) => OperationCase)>) {
	for (const entry of cases) {
		const probe = typeof entry === 'function' ? entry({}) : entry;
		it(`${resource} ${probe.operation}: ${probe.title}`, async () => {
			const first = typeof entry === 'function' ? entry({}) : entry;
			const made = (first.setup?.(ctx.hf) ?? {}) as IDataObject;
			ctx.hf.clearRequests();
			const c = typeof entry === 'function' ? entry(made) : entry;
			const run = await runHf(ctx.hf, resource, c.operation, c.params);
			expect(run.error).toBeUndefined();
			expect(run.status).toBe('success');
			expect(sentForm(ctx.hf, c.fn)).toEqual(c.form);
			expectTokenSent(ctx.hf);
			expectNoSecrets(run.json);
			c.check(run.json, ctx.hf);
		});
	}
}
