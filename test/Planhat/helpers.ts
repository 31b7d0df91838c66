/** Shared set-up of the Planhat rig tests: a started stand-in with two companies and a user. */
const { createPlanhatStandIn } = require('../stand-ins/planhat');

export const TOKEN = 'ph-secret-token-7f3a9c1e5b';
export const COMPANY_A = '61006bc89a3e0b702ed8ea49';
export const COMPANY_B = '584d9d5505ba1b622f04adb3';
export const USER_ID = '58e231b14246fc73139f29e8';

export async function startStandIn(options: Record<string, unknown> = {}) {
	const standIn = createPlanhatStandIn({
		token: TOKEN,
		users: [{ _id: USER_ID, name: 'Alex' }],
		companies: [
			{ _id: COMPANY_A, name: 'Tenet', externalId: 'tenet-1', sourceId: 'crm-tenet', domains: ['tenet.com'] },
			{ _id: COMPANY_B, name: 'Daimler North America', externalId: 'dna', domains: ['daimler.com'] },
		],
		...options,
	});
	await standIn.start();
	return standIn;
}

export function credentialsFor(standIn: { url: string }, apiToken = TOKEN) {
	return { planhatApi: { apiToken, baseUrl: standIn.url } };
}

/** Requests that reached the stand-in's handler, optionally of one method and path. */
export function handled(standIn: any, method?: string, path?: string): any[] {
	return standIn.requests.filter(
		(r: any) => !r.fault && !r.rateLimited && (!method || r.method === method) && (!path || r.path === path),
	);
}
