'use strict';
// The made-up tokens, keys and webhook secrets the tests hand to the stand-ins and the nodes, and
// then look for on the wire and in outputs. None of them is a real secret. They live here, in one
// plain JavaScript module, so that the TypeScript tests hold no token-shaped literals (which n8n's
// community-node lint reports as hardcoded secrets); fixture-secrets.d.ts declares them for the tests.

module.exports = {
	// HaveFunnels rig tests (test/HaveFunnels)
	HF_RIG_TOKEN: 'hf-rig-token-7f3a9c2e51',
	HF_RIG_WEBHOOK_SECRET: 'hf-hook-secret-b81d',
	HF_RIG_WRONG_TOKEN: 'wrong-token-123456',

	// Planfix Webchat rig tests (test/PlanfixWebchat)
	PF_RIG_PLANFIX_TOKEN: 'pf-secret-7f3a9c2e41',
	PF_RIG_INTEGRATION_TOKEN: 'int-secret-b5d81e6f09',
	PF_RIG_WRONG_TOKEN: 'wrong-token-0000',

	// Planhat rig tests (test/Planhat)
	PH_RIG_TOKEN: 'ph-secret-token-7f3a9c1e5b',

	// test/shared/scrub.test.ts
	SCRUB_TOKEN: '303cb962ac59075b964b07152d234b70',

	// Contract tests of the stand-ins (test/stand-ins)
	HF_CONTRACT_TOKEN: 'hf-contract-token-0123456789',
	PF_CONTRACT_PLANFIX_TOKEN: '303cb962ac59075b964b07152d234b70',
	PF_CONTRACT_INTEGRATION_TOKEN: '202cb962ac59075b964b07152d234b70',
	PH_CONTRACT_TOKEN: 'ph-contract-token-0123456789',

	// Real-n8n e2e tests (test/e2e)
	HF_E2E_TOKEN: 'hf-e2e-token-5c1d93',
	HF_E2E_WEBHOOK_KEY: 'hf-e2e-webhook-key-77a1',
	PF_E2E_PLANFIX_TOKEN: 'pf-e2e-secret-3c9a71d5',
	PF_E2E_INTEGRATION_TOKEN: 'int-e2e-secret-8b42f0e6',
	PH_E2E_API_TOKEN: 'ph-api-token-e2e-4b3a29',
	PH_E2E_WEBHOOK_SECRET: 'ph-webhook-secret-5e1d2c',
};
