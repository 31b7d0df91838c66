/** Shared set-up of the Planhat rig tests: a started stand-in with two companies and a user. */
import type { IDataObject } from 'n8n-workflow';

import { PH_RIG_TOKEN } from '../fixture-secrets';
import { createPlanhatStandIn, type PlanhatRequest, type PlanhatStandIn } from '../stand-ins/planhat';

export const TOKEN = PH_RIG_TOKEN;
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
export function handled(standIn: PlanhatStandIn, method?: string, path?: string): PlanhatRequest[] {
	return standIn.requests.filter(
		(r) => !r.fault && !r.rateLimited && (!method || r.method === method) && (!path || r.path === path),
	);
}

/** The JSON body of a create or update request (one record). */
export const bodyOf = (request: PlanhatRequest) => request.json as IDataObject;

/** The JSON body of a bulk upsert request (a list of conversations). */
export const itemsOf = (request: PlanhatRequest) => request.json as IDataObject[];
