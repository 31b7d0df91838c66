/**
 * Neither the Planfix token nor the integration token may show up in node output, error messages,
 * descriptions or anything else the run keeps — also when Planfix echoes the token back.
 */
import { runNode } from '../rig';
import { credentialsFor, expectNoSecrets, PLANFIX_TOKEN, PROVIDER, startStandIn, type StandIn } from './fixtures';

const operations = [
	{ resource: 'message', operation: 'send', chatId: 'c1', message: 'hi', contactId: 'k1', contactName: 'Ann' },
	{ resource: 'message', operation: 'updateStatus', messageId: '1', messageStatus: 'read' },
	{ resource: 'task', operation: 'getNumber', chatId: 'c1' },
	{ resource: 'contact', operation: 'getNumber', contactId: 'k1' },
	{ resource: 'contact', operation: 'update', contactId: 'k1', contactName: 'Ann' },
];

describe('Planfix Webchat: secrets never leak', () => {
	let pf: StandIn;
	beforeEach(async () => {
		pf = await startStandIn();
		pf.seedChat({ providerId: PROVIDER, chatId: 'c1', contactId: 'k1' });
	});
	afterEach(async () => {
		await pf.stop();
	});

	it.each(operations.map((p) => [`${p.resource} → ${p.operation}`, p]))('%s: success output holds no token', async (_name, parameters) => {
		const run = await runNode({ type: 'planfixWebchat', parameters, credentials: credentialsFor(pf) });
		expect(run.status).toBe('success');
		expect(pf.apiCalls()[0].form!.fields.planfix_token).toBe(PLANFIX_TOKEN);
		expectNoSecrets(run.raw);
	});

	it.each(operations.map((p) => [`${p.resource} → ${p.operation}`, p]))(
		'%s: an error body echoing the token is scrubbed',
		async (_name, parameters) => {
			pf.inject({ status: 400, body: { error: `Invalid parameters planfix_token=${PLANFIX_TOKEN} "token":"${PLANFIX_TOKEN}"` } });
			const run = await runNode({ type: 'planfixWebchat', parameters, credentials: credentialsFor(pf) });
			expect(run.status).toBe('error');
			expect(run.error?.message).toMatch(/^Planfix rejected the parameters of \w+ \(Invalid parameters .*\[redacted\]/);
			expectNoSecrets(run.raw);
			expectNoSecrets(run.error);
		},
	);

	it('a continue-on-fail error item holds no token', async () => {
		pf.inject({ status: 400, body: { error: `oops ${PLANFIX_TOKEN}` } });
		const run = await runNode({ type: 'planfixWebchat', parameters: operations[2], credentials: credentialsFor(pf), continueOnFail: true });
		expect(run.json).toEqual([{ error: expect.stringContaining('[redacted]') }]);
		expectNoSecrets(run.raw);
	});
});
