/** Message → Update Status (messageStatus) through the rig against the Planfix stand-in. */
import { runNode } from '../../rig';
import { credentialsFor, PLANFIX_TOKEN, PROVIDER, sentPairs, startStandIn, type StandIn } from '../fixtures';

describe('Planfix Webchat: Message → Update Status', () => {
	let pf: StandIn;
	beforeEach(async () => {
		pf = await startStandIn();
	});
	afterEach(async () => {
		await pf.stop();
	});

	it.each(['sent', 'read', 'error'])('sends status %s for a message of Planfix', async (value) => {
		const run = await runNode({
			type: 'planfixWebchat',
			parameters: { resource: 'message', operation: 'updateStatus', messageId: '4188849', messageStatus: value },
			credentials: credentialsFor(pf),
		});
		expect(run.status).toBe('success');
		expect(sentPairs(pf)).toEqual([
			[
				['cmd', 'messageStatus'],
				['providerId', PROVIDER],
				['messageId', '4188849'],
				['messageStatus', value],
				['planfix_token', PLANFIX_TOKEN],
			],
		]);
		expect(pf.state.statuses.get('4188849')!.status).toBe(value);
		expect(run.json).toEqual([{ messageId: '4188849', messageStatus: value }]);
	});

	it('sends the status text when set', async () => {
		const run = await runNode({
			type: 'planfixWebchat',
			parameters: { resource: 'message', operation: 'updateStatus', messageId: '77', messageStatus: 'error', options: { messageStatusText: 'blocked by user' } },
			credentials: credentialsFor(pf),
		});
		expect(sentPairs(pf)[0]).toContainEqual(['messageStatusText', 'blocked by user']);
		expect(pf.state.statuses.get('77')).toMatchObject({ status: 'error', statusText: 'blocked by user' });
		expect(run.json).toEqual([{ messageId: '77', messageStatus: 'error', messageStatusText: 'blocked by user' }]);
	});

	it('fails before sending without a message ID', async () => {
		const run = await runNode({
			type: 'planfixWebchat',
			parameters: { resource: 'message', operation: 'updateStatus', messageId: '={{ $json.missing ?? "" }}', messageStatus: 'read' },
			credentials: credentialsFor(pf),
		});
		expect(run.error?.message).toBe('Message ID is empty');
		expect(pf.requests).toHaveLength(0);
	});

	it('maps 401 to the token message', async () => {
		const run = await runNode({
			type: 'planfixWebchat',
			parameters: { resource: 'message', operation: 'updateStatus', messageId: '1', messageStatus: 'read' },
			credentials: credentialsFor(pf, { planfixToken: 'nope-nope' }),
		});
		expect(run.error?.message).toBe('Planfix rejected the token — check the Planfix token in the credential');
	});
});
