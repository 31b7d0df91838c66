/** Shared set-up of the Planfix Webchat rig tests: a started stand-in and the credential for it. */
import { PF_RIG_INTEGRATION_TOKEN, PF_RIG_PLANFIX_TOKEN } from '../fixture-secrets';
import { createPlanfixStandIn, type PlanfixStandIn, type PlanfixStandInOptions } from '../stand-ins/planfix';

export const PLANFIX_TOKEN = PF_RIG_PLANFIX_TOKEN;
export const INTEGRATION_TOKEN = PF_RIG_INTEGRATION_TOKEN;
export const PROVIDER = 'n8n-chat';

export type StandIn = PlanfixStandIn;

export async function startStandIn(options: PlanfixStandInOptions = {}): Promise<StandIn> {
	const pf = createPlanfixStandIn({ planfixToken: PLANFIX_TOKEN, integrationToken: INTEGRATION_TOKEN, ...options });
	await pf.start();
	return pf;
}

export function credentialsFor(pf: StandIn, overrides: Record<string, string> = {}) {
	return {
		planfixWebchatApi: {
			apiUrl: pf.apiUrl,
			providerId: PROVIDER,
			planfixToken: PLANFIX_TOKEN,
			integrationToken: INTEGRATION_TOKEN,
			...overrides,
		},
	};
}

/** The ordered form pairs of every API call the stand-in received. */
export function sentPairs(pf: StandIn): Array<Array<[string, string]>> {
	return pf.apiCalls().map((r) => r.form?.pairs ?? []);
}

/** Asserts that no text of `value` holds either token (raw or URL-encoded). */
export function expectNoSecrets(value: unknown) {
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	for (const secret of [PLANFIX_TOKEN, INTEGRATION_TOKEN]) {
		expect(text).not.toContain(secret);
		expect(text).not.toContain(encodeURIComponent(secret));
	}
}
