/** Shared set-up of the Planfix Webchat rig tests: a started stand-in and the credential for it. */
const { createPlanfixStandIn } = require('../stand-ins/planfix');

export const PLANFIX_TOKEN = 'pf-secret-7f3a9c2e41';
export const INTEGRATION_TOKEN = 'int-secret-b5d81e6f09';
export const PROVIDER = 'n8n-chat';

export type StandIn = any;

export async function startStandIn(options: Record<string, unknown> = {}): Promise<StandIn> {
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
	return pf.apiCalls().map((r: any) => r.form?.pairs ?? []);
}

/** Asserts that no text of `value` holds either token (raw or URL-encoded). */
export function expectNoSecrets(value: unknown) {
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	for (const secret of [PLANFIX_TOKEN, INTEGRATION_TOKEN]) {
		expect(text).not.toContain(secret);
		expect(text).not.toContain(encodeURIComponent(secret));
	}
}
