'use strict';
// Secrets and stand-ins of the security tests. The secrets live in this plain-JS module so that no
// token-like literal stands in TypeScript; each one is unusual enough that finding it anywhere in
// a run (output, errors, logs) can only mean a leak.
const { createPlanhatStandIn } = require('../stand-ins/planhat');
const { createPlanfixStandIn } = require('../stand-ins/planfix');
const { createHaveFunnelsStandIn } = require('../stand-ins/havefunnels');

const SECRETS = {
	planhatToken: 'phSEC-tok-4f1d9e7a2c83b5',
	planhatWebhookSecret: 'phSEC-hook-8b2e6d0f3a71',
	planfixToken: 'pfSEC-tok-1c7e5a9d3b24f6',
	planfixIntegrationToken: 'pfSEC-int-6a0d2f8e4c95',
	haveFunnelsToken: 'hfSEC-tok-9e3b7c1a5d02f8',
	haveFunnelsWebhookSecret: 'hfSEC-hook-2d8f4b6e0a13',
};

const COMPANY_ID = '61006bc89a3e0b702ed8ea49';
const PROVIDER_ID = 'n8n-security';

async function startPlanhat() {
	const standIn = createPlanhatStandIn({
		token: SECRETS.planhatToken,
		companies: [{ _id: COMPANY_ID, name: 'Tenet', externalId: 'tenet-1', domains: ['tenet.com'] }],
	});
	await standIn.start();
	return standIn;
}

async function startPlanfix() {
	const standIn = createPlanfixStandIn({ planfixToken: SECRETS.planfixToken, integrationToken: SECRETS.planfixIntegrationToken });
	await standIn.start();
	standIn.seedChat({ providerId: PROVIDER_ID, chatId: 'c1', contactId: 'k1' });
	return standIn;
}

async function startHaveFunnels() {
	return await createHaveFunnelsStandIn({ token: SECRETS.haveFunnelsToken, seedCustomers: true }).start();
}

module.exports = { SECRETS, COMPANY_ID, PROVIDER_ID, startPlanhat, startPlanfix, startHaveFunnels };
