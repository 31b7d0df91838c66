/** Contact → Update (updateContact) through the rig against the Planfix stand-in. */
import { runNode } from '../../rig';
import { credentialsFor, PLANFIX_TOKEN, PROVIDER, sentPairs, startStandIn, type StandIn } from '../fixtures';

describe('Planfix Webchat: Contact → Update', () => {
	let pf: StandIn;
	beforeEach(async () => {
		pf = await startStandIn();
		pf.seedContact({ providerId: PROVIDER, contactId: '57487124', contactName: 'Ivan' });
	});
	afterEach(async () => {
		await pf.stop();
	});

	it('sends the documented fields in order and outputs what was sent', async () => {
		const run = await runNode({
			type: 'planfixWebchat',
			parameters: {
				resource: 'contact',
				operation: 'update',
				contactId: '57487124',
				contactName: 'Mike',
				updateFields: {
					contactData: 'came as a result of the gas boilers call',
					contactPhone: '190512345670',
					contactEmail: 'mike@wilson.com',
					contactIco: 'https://superchat.io/avatars/183712.png',
					contactLastName: 'Wilson',
				},
			},
			credentials: credentialsFor(pf),
		});
		expect(run.status).toBe('success');
		expect(sentPairs(pf)).toEqual([
			[
				['cmd', 'updateContact'],
				['providerId', PROVIDER],
				['contactId', '57487124'],
				['contactName', 'Mike'],
				['contactLastName', 'Wilson'],
				['contactIco', 'https://superchat.io/avatars/183712.png'],
				['contactEmail', 'mike@wilson.com'],
				['contactPhone', '190512345670'],
				['contactData', 'came as a result of the gas boilers call'],
				['planfix_token', PLANFIX_TOKEN],
			],
		]);
		expect(pf.contact(PROVIDER, '57487124')).toMatchObject({ number: 5001, contactName: 'Mike', contactLastName: 'Wilson', contactEmail: 'mike@wilson.com' });
		expect(run.json).toEqual([
			{
				contactId: '57487124',
				contactName: 'Mike',
				contactLastName: 'Wilson',
				contactIco: 'https://superchat.io/avatars/183712.png',
				contactEmail: 'mike@wilson.com',
				contactPhone: '190512345670',
				contactData: 'came as a result of the gas boilers call',
			},
		]);
	});

	it('fails before sending without a contact name', async () => {
		const run = await runNode({
			type: 'planfixWebchat',
			parameters: { resource: 'contact', operation: 'update', contactId: '57487124', contactName: '={{ "" }}' },
			credentials: credentialsFor(pf),
		});
		expect(run.error?.message).toBe('Contact Name is empty');
		expect(pf.requests).toHaveLength(0);
	});

	it('maps Planfix 400 Invalid parameters', async () => {
		await pf.stop();
		pf = await startStandIn({ providerIds: ['other'] });
		const run = await runNode({
			type: 'planfixWebchat',
			parameters: { resource: 'contact', operation: 'update', contactId: '1', contactName: 'A' },
			credentials: credentialsFor(pf),
		});
		expect(run.error).toMatchObject({ message: 'Planfix rejected the parameters of updateContact (Invalid parameters)', httpCode: '400' });
	});
});
