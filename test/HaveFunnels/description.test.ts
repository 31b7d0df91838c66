/**
 * The node's parameters are built by small helpers, where n8n's lint cannot see them: this checks
 * what the lint would, on the built description (dist/), and that every operation of issue 6 is there.
 */
import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { loadPackage } from '../rig';

const node = loadPackage().nodeTypes.get('n8n-nodes-chat-crm-sync.haveFunnels')!.description as INodeTypeDescription;
const trigger = loadPackage().nodeTypes.get('n8n-nodes-chat-crm-sync.haveFunnelsTrigger')!.description as INodeTypeDescription;

const OPERATIONS: Record<string, string[]> = {
	user: ['get', 'getAll', 'getNew', 'search', 'getOnline', 'create', 'update', 'delete', 'deleteMany', 'getExtra', 'isOnline', 'count', 'updateToLead', 'getAgent', 'getAgentIds', 'getFromConversation'],
	conversation: ['get', 'getAll', 'getNew', 'getUserConversations', 'search', 'searchUserConversations', 'create', 'updateStatus', 'updateDepartment', 'updateAgent', 'setRating', 'getRating', 'count', 'transcript', 'getAgents', 'checkAssignment'],
	message: ['send', 'update', 'delete', 'getNew', 'markAsRead', 'directMessage'],
	note: ['getAll', 'add', 'delete'],
	department: ['getAll'],
	notification: ['sendEmail', 'sendCustomEmail', 'sendSms', 'pushNotification'],
	article: ['getAll', 'search', 'getCategories'],
	customApiCall: ['call'],
};

const selectors = node.properties.filter((p) => p.name === 'operation');

/** Every parameter, nested ones included. */
function flatten(properties: INodeProperties[]): INodeProperties[] {
	return properties.flatMap((p) => {
		const nested = (p.options ?? []).flatMap((o) => ('values' in o ? flatten(o.values) : 'type' in o ? flatten([o as INodeProperties]) : []));
		return [p, ...nested];
	});
}

it('is a usable-as-tool node with the resources and every operation of issue 6', () => {
	expect(node.usableAsTool).toBe(true);
	const resources = node.properties.find((p) => p.name === 'resource')!.options!.map((o) => ('value' in o ? o.value : ''));
	expect(resources).toEqual(expect.arrayContaining(Object.keys(OPERATIONS))); // issue 15 adds more: see operations.test.ts
	for (const [resource, operations] of Object.entries(OPERATIONS)) {
		const selector = selectors.find((s) => s.displayOptions?.show?.resource?.includes(resource))!;
		expect((selector.options ?? []).map((o) => ('value' in o ? o.value : ''))).toEqual(expect.arrayContaining(operations));
	}
});

it('operation options: Title Case names in alphabetical order, sentence-case actions', () => {
	for (const selector of selectors) {
		const options = (selector.options ?? []) as Array<{ name: string; action: string }>;
		expect(options.map((o) => o.name)).toEqual([...options.map((o) => o.name)].sort((a, b) => a.localeCompare(b)));
		for (const option of options) {
			expect(option.name).toMatch(/^[A-Z][A-Za-z']*( ([A-Z][A-Za-z']*|in|to|as|of|for))*$/);
			expect(option.action).toMatch(/^[A-Z][a-z]/);
			expect(option.action).not.toMatch(/ [A-Z][a-z]+ [A-Z]/);
		}
	}
});

it('parameters: Title Case labels, booleans described with "Whether", each shown for its own operation', () => {
	const all = flatten([...node.properties, ...trigger.properties]).filter((p) => p.type !== 'notice');
	for (const p of all) {
		expect(p.displayName).toMatch(/^[A-Z0-9]/);
		expect(p.displayName.split(' ').filter((w) => /^[a-z]/.test(w) && !['to', 'in', 'as', 'of', 'for'].includes(w))).toEqual([]);
		if (p.type === 'boolean') expect(p.description).toMatch(/^Whether /);
		// as n8n's lint: a one-sentence description has no final period
		if (p.description && !/\. [A-Z]/.test(p.description)) expect(p.description).not.toMatch(/\.$/);
	}
	const top = node.properties.filter((p) => p.name !== 'resource' && p.name !== 'operation');
	for (const p of top) {
		expect(p.displayOptions?.show?.resource).toHaveLength(1);
		expect(p.displayOptions?.show?.operation).toHaveLength(1);
	}
	// the same name twice for one operation (and node version) would make n8n read the wrong parameter
	const keys = top.map(
		(p) => `${p.displayOptions!.show!.resource![0]}.${p.displayOptions!.show!.operation![0]}.${p.name}@${JSON.stringify(p.displayOptions!.show!['@version'] ?? 'all')}`,
	);
	expect(new Set(keys).size).toBe(keys.length);
});

it('Get Many operations have Return All and a Limit shown only without it', () => {
	for (const [resource, operations] of Object.entries(OPERATIONS)) {
		if (!operations.includes('getAll')) continue;
		const own = node.properties.filter((p) => p.displayOptions?.show?.resource?.[0] === resource && p.displayOptions?.show?.operation?.[0] === 'getAll');
		expect(own.find((p) => p.name === 'returnAll')).toMatchObject({ type: 'boolean', default: false });
		expect(own.find((p) => p.name === 'limit')).toMatchObject({ type: 'number', default: 50, displayOptions: { show: { returnAll: [false] } } });
	}
});

it('the trigger offers every documented event and "any"', () => {
	const events = trigger.properties.find((p) => p.name === 'events')!;
	expect((events.options ?? []).map((o) => ('value' in o ? o.value : '')).sort()).toEqual(
		[
			'*',
			'bot-message',
			'conversation-status-updated',
			'dialogflow-message',
			'email-sent',
			'login',
			'message-deleted',
			'message-sent',
			'new-conversation-created',
			'new-conversation-received',
			'new-email-address',
			'new-messages-received',
			'registration',
			'rich-message',
			'slack-message-sent',
			'sms-sent',
			'user-deleted',
		].sort(),
	);
	expect(trigger.properties.find((p) => p.type === 'notice')!.displayName).toContain('Settings > Miscellaneous > Webhooks');
});
