/** Task → Get Number (getTask) through the rig against the Planfix stand-in. */
import { runNode } from '../../rig';
import { credentialsFor, expectNoSecrets, PLANFIX_TOKEN, PROVIDER, sentPairs, startStandIn, type StandIn } from '../fixtures';

const params = { resource: 'task', operation: 'getNumber', chatId: 'EFHASFN1239351' };

describe('Planfix Webchat: Task → Get Number', () => {
	let pf: StandIn;
	beforeEach(async () => {
		pf = await startStandIn();
		pf.seedChat({ providerId: PROVIDER, chatId: 'EFHASFN1239351', contactId: '57487124' });
	});
	afterEach(async () => {
		await pf.stop();
	});

	it('sends getTask with the chat ID and outputs the task number', async () => {
		const run = await runNode({ type: 'planfixWebchat', parameters: params, credentials: credentialsFor(pf) });
		expect(sentPairs(pf)).toEqual([
			[
				['cmd', 'getTask'],
				['providerId', PROVIDER],
				['chatId', 'EFHASFN1239351'],
				['planfix_token', PLANFIX_TOKEN],
			],
		]);
		expect(run.json).toEqual([{ chatId: 'EFHASFN1239351', found: true, taskNumber: 1001 }]);
	});

	it('reads data sent as a JSON string, keeping statusIsActive', async () => {
		pf.setDataAsString(true);
		const run = await runNode({ type: 'planfixWebchat', parameters: params, credentials: credentialsFor(pf) });
		expect(pf.requests[0].status).toBe(200);
		expect(run.json).toEqual([{ chatId: 'EFHASFN1239351', found: true, taskNumber: 1001, statusIsActive: true }]);
	});

	it('fails on "task not found" by default, with a hint to the option', async () => {
		const run = await runNode({ type: 'planfixWebchat', parameters: { ...params, chatId: 'nope' }, credentials: credentialsFor(pf) });
		expect(run.error).toMatchObject({ message: 'Planfix has no task for this chat', httpCode: '400', itemIndex: 0 });
		expect(run.error?.description).toContain('Return Empty Result If Not Found');
		expectNoSecrets(run.raw);
	});

	it('outputs found: false for "task not found" when asked to', async () => {
		const run = await runNode({
			type: 'planfixWebchat',
			parameters: { ...params, chatId: 'nope', options: { returnEmptyIfNotFound: true } },
			credentials: credentialsFor(pf),
		});
		expect(run.status).toBe('success');
		expect(run.json).toEqual([{ chatId: 'nope', found: false, taskNumber: null }]);
	});

	it('still fails on a bad token with the option on', async () => {
		const run = await runNode({
			type: 'planfixWebchat',
			parameters: { ...params, chatId: 'nope', options: { returnEmptyIfNotFound: true } },
			credentials: credentialsFor(pf, { planfixToken: 'bad-token-xyz' }),
		});
		expect(run.error).toMatchObject({ message: 'Planfix rejected the token — check the Planfix token in the credential', httpCode: '401' });
	});
});
