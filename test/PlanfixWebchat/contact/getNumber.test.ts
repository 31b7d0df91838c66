/** Contact → Get Number (getContact) through the rig against the Planfix stand-in. */
import { runNode } from '../../rig';
import { credentialsFor, PLANFIX_TOKEN, PROVIDER, sentPairs, startStandIn, type StandIn } from '../fixtures';

const params = { resource: 'contact', operation: 'getNumber', contactId: '57487124' };

describe('Planfix Webchat: Contact → Get Number', () => {
	let pf: StandIn;
	beforeEach(async () => {
		pf = await startStandIn();
		pf.seedContact({ providerId: PROVIDER, contactId: '57487124', contactName: 'Ivan' });
	});
	afterEach(async () => {
		await pf.stop();
	});

	it('sends getContact with the contact ID and outputs the contact number', async () => {
		const run = await runNode({ type: 'planfixWebchat', parameters: params, credentials: credentialsFor(pf) });
		expect(sentPairs(pf)).toEqual([
			[
				['cmd', 'getContact'],
				['providerId', PROVIDER],
				['contactId', '57487124'],
				['planfix_token', PLANFIX_TOKEN],
			],
		]);
		expect(run.json).toEqual([{ contactId: '57487124', found: true, contactNumber: 5001 }]);
	});

	it('reads data sent as a JSON string', async () => {
		pf.setDataAsString(true);
		const run = await runNode({ type: 'planfixWebchat', parameters: params, credentials: credentialsFor(pf) });
		expect(run.json).toEqual([{ contactId: '57487124', found: true, contactNumber: 5001 }]);
	});

	it('fails on "unknown contact" by default', async () => {
		const run = await runNode({ type: 'planfixWebchat', parameters: { ...params, contactId: 'x' }, credentials: credentialsFor(pf) });
		expect(run.error).toMatchObject({ message: 'Planfix does not know this contact', httpCode: '400' });
	});

	it('outputs found: false for "unknown contact" when asked to', async () => {
		const run = await runNode({
			type: 'planfixWebchat',
			parameters: { ...params, contactId: 'x', options: { returnEmptyIfNotFound: true } },
			credentials: credentialsFor(pf),
		});
		expect(run.json).toEqual([{ contactId: 'x', found: false, contactNumber: null }]);
	});
});
