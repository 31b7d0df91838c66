/**
 * n8n adds "Custom API Call" to the Resource and Operation lists of every node whose credential has
 * `authenticate` (or extends an OAuth type), unless the list's last option already has that name and
 * unless the node's default version is not its latest (`injectCustomApiCallOptions` and
 * `supportsProxyAuth` in n8n's load-nodes-and-credentials.js, the same in 1.123 and 2.40). This applies
 * that rule to the built nodes and counts what the editor's Resource lists then show.
 */
import type { INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

import { loadPackage } from '../rig';

const NAME = 'Custom API Call';
const KEY = '__CUSTOM_API_CALL__';

function withInjected(description: INodeTypeDescription, evenIfVersioned = false): INodeTypeDescription {
	const { credentialTypes } = loadPackage();
	const copy = JSON.parse(JSON.stringify(description)) as INodeTypeDescription;
	// n8n skips a node whose defaultVersion differs from `version` (so a `version: [1, 2]` node gets
	// none); `evenIfVersioned` checks the lists as if it did not.
	const latest = evenIfVersioned || copy.defaultVersion === undefined || copy.defaultVersion === copy.version;
	const proxyAuth = (copy.credentials ?? []).some(({ name }) => credentialTypes.get(name)?.authenticate !== undefined);
	if (!latest || !proxyAuth) return copy;
	for (const p of copy.properties) {
		const options = p.options as INodePropertyOptions[] | undefined;
		if (['resource', 'operation'].includes(p.name) && Array.isArray(options) && options[options.length - 1].name !== NAME) {
			options.push({ name: NAME, value: KEY });
		}
	}
	return copy;
}

const actionNodes = ['haveFunnels', 'planhat', 'planfixWebchat'];

it.each(actionNodes)('%s: the Resource list shows "Custom API Call" at most once (whatever the node version)', (name) => {
	const type = loadPackage().nodeTypes.get(`n8n-nodes-chat-crm-sync.${name}`)!;
	for (const evenIfVersioned of [false, true]) {
		const resource = withInjected(type.description as INodeTypeDescription, evenIfVersioned).properties.find((p) => p.name === 'resource')!;
		const names = (resource.options as INodePropertyOptions[]).map((o) => o.name);
		expect(names.filter((n) => n === NAME).length).toBeLessThanOrEqual(1);
	}
});

it("HaveFunnels keeps its own Custom API Call (HaveFunnels' form encoding), not n8n's", () => {
	const type = loadPackage().nodeTypes.get('n8n-nodes-chat-crm-sync.haveFunnels')!;
	const resource = withInjected(type.description as INodeTypeDescription, true).properties.find((p) => p.name === 'resource')!;
	const options = resource.options as INodePropertyOptions[];
	expect(options.filter((o) => o.name === NAME)).toEqual([{ name: NAME, value: 'customApiCall' }]);
	expect(options.map((o) => o.value)).not.toContain(KEY);
	// the others stay in alphabetical order
	const rest = options.slice(0, -1).map((o) => o.name);
	expect(rest).toEqual([...rest].sort((a, b) => a.localeCompare(b)));
});
