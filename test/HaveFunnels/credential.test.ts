/**
 * The credential: `authenticate` puts the token into the form body (every rig test checks that on
 * the wire), and its declarative Test judges the body, since HaveFunnels may refuse at HTTP 200.
 * n8n's credential tester runs `test.request` as the routing of a throwaway declarative node and
 * then applies `rules` to the first output item; the rig runs exactly that node through
 * WorkflowExecute (so RoutingNode and the credential's authenticate are n8n's own), and the same
 * rules are applied here. The real n8n check is in test/e2e/havefunnels-trigger.test.ts.
 */
import type { ICredentialDataDecryptedObject, INodeType } from 'n8n-workflow';

import { loadPackage, runNode } from '../rig';
import { TOKEN, expectNoSecrets, useStandIn } from './helpers';

const ctx = useStandIn();
const credential = loadPackage().credentialTypes.get('haveFunnelsApi')!;

const testerNode: INodeType = {
	description: {
		displayName: 'Credential Test',
		name: 'credentialTest',
		group: ['transform'],
		version: 1,
		description: 'What n8n builds to test a credential with test.request',
		defaults: { name: 'Credential Test' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'haveFunnelsApi', required: true }],
		properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: credential.test!.request }, default: '' }],
	},
};

/** The verdict n8n's credential tester reaches. */
async function testCredential(data: ICredentialDataDecryptedObject): Promise<{ status: 'OK' | 'Error'; message?: string }> {
	const run = await runNode({
		type: 'rig.credentialTest',
		extraNodeTypes: { 'rig.credentialTest': testerNode },
		credentials: { haveFunnelsApi: data },
	});
	if (run.status === 'error') return { status: 'Error', message: run.error?.message };
	for (const rule of credential.test!.rules ?? []) {
		if (rule.type !== 'responseSuccessBody') continue;
		if (run.json[0]?.[rule.properties.key] === rule.properties.value) return { status: 'Error', message: rule.properties.message };
	}
	return { status: 'OK' };
}

const REFUSED = 'HaveFunnels refused the API token. Copy it again from Account > Installation > API token.';

it('a good token passes, calling get-versions with the token in the form body', async () => {
	expect(await testCredential({ url: ctx.hf.installationUrl, apiToken: TOKEN })).toEqual({ status: 'OK' });
	const [call] = ctx.hf.calls('get-versions');
	expect(call.path).toBe('/script/include/api.php');
	expect(call.contentType).toContain('application/x-www-form-urlencoded');
	expect(call.form!.pairs).toEqual([['function', 'get-versions'], ['token', TOKEN]]);
});

it('a trailing slash in the installation URL is tolerated', async () => {
	expect(await testCredential({ url: `${ctx.hf.installationUrl}/`, apiToken: TOKEN })).toEqual({ status: 'OK' });
	expect(ctx.hf.calls('get-versions')[0].path).toBe('/script/include/api.php');
});

it('a wrong token refused with HTTP 401 fails', async () => {
	const verdict = await testCredential({ url: ctx.hf.installationUrl, apiToken: 'wrong-token-999' });
	expect(verdict.status).toBe('Error');
	expectNoSecrets(verdict);
});

it('a wrong token refused at HTTP 200 ({status:"error"}, older versions) fails by the body rule', async () => {
	ctx.hf.setLegacyErrors(true);
	try {
		expect(await testCredential({ url: ctx.hf.installationUrl, apiToken: 'wrong-token-999' })).toEqual({ status: 'Error', message: REFUSED });
	} finally {
		ctx.hf.setLegacyErrors(false);
	}
});

it('success:false at HTTP 200 fails by the body rule', async () => {
	ctx.hf.forceResponse('get-versions', { body: { success: false, response: 'security-error' } });
	expect(await testCredential({ url: ctx.hf.installationUrl, apiToken: TOKEN })).toEqual({ status: 'Error', message: REFUSED });
});
