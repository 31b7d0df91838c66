/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- test code runs in Node.js, not in n8n's node sandbox; its errors are not node errors */
/**
 * The workflow-executor rig: runs workflow JSON through n8n-core's real WorkflowExecute, with this
 * package's nodes and credentials loaded from dist/ (the files package.json's "n8n" section lists,
 * as n8n loads a community package), each credential's `authenticate` applied the way n8n's
 * CredentialsHelper does it, and expressions resolved by n8n-workflow. HTTP goes out for real.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ExecutionLifecycleHooks, LoadOptionsContext, WorkflowExecute } from 'n8n-core';
// n8n's own loader function (its nodes loaders instantiate every node and credential class with it).
import { loadClassInIsolation } from 'n8n-core/dist/nodes-loader/load-class-in-isolation';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IConnections,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeListSearchResult,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRun,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
	Workflow as WorkflowType,
} from 'n8n-workflow';
import { ICredentialsHelper, Workflow } from 'n8n-workflow';

export const ROOT = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
	name: string;
	n8n: { nodes: string[]; credentials: string[] };
};
export const PACKAGE_NAME = pkg.name;

type AnyNodeType = INodeType | IVersionedNodeType;

/**
 * Instantiates the class a compiled file exports under the file's own name, with n8n's loader
 * function (`dist/nodes/X/Foo.node.js` must export `Foo`; other exports are ignored).
 */
function instanceOf(file: string): unknown {
	const full = path.join(ROOT, file);
	if (!fs.existsSync(full)) {
		throw new Error(`package.json lists ${file}, but it does not exist: run \`npm run build\` first`);
	}
	const className = path.basename(file).replace(/\.(node|credentials)\.js$/, '');
	try {
		return loadClassInIsolation<unknown>(full, className);
	} catch (error) {
		throw new Error(`${file} does not export a class named ${className} (${(error as Error).message})`);
	}
}

let loaded: { nodeTypes: Map<string, AnyNodeType>; credentialTypes: Map<string, ICredentialType> } | null = null;

/** The package's node types (by full type name) and credential types (by name), from dist/. */
export function loadPackage() {
	if (loaded) return loaded;
	const nodeTypes = new Map<string, AnyNodeType>();
	const credentialTypes = new Map<string, ICredentialType>();
	for (const file of pkg.n8n.nodes) {
		const instance = instanceOf(file) as AnyNodeType;
		nodeTypes.set(`${PACKAGE_NAME}.${instance.description.name}`, instance);
	}
	for (const file of pkg.n8n.credentials) {
		const instance = instanceOf(file) as ICredentialType;
		credentialTypes.set(instance.name, instance);
	}
	loaded = { nodeTypes, credentialTypes };
	return loaded;
}

/** A rig-only node that emits the items given in its `items` parameter (a JSON array). */
export const ITEMS_NODE_TYPE = 'rig.items';
const itemsNode: INodeType = {
	description: {
		displayName: 'Items',
		name: 'items',
		group: ['input'],
		version: 1,
		description: 'Emits fixed items (test rig only)',
		defaults: { name: 'Items' },
		inputs: ['main'],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	},
	async execute(this: IExecuteFunctions) {
		const raw = this.getNodeParameter('items', 0) as string | IDataObject[];
		const list = (typeof raw === 'string' ? JSON.parse(raw) : raw) as IDataObject[];
		return [list.map((json) => ({ json }))];
	},
};

export interface RigOptions {
	/** Extra node types (full type name → instance), e.g. throwaway nodes of the test tree. */
	extraNodeTypes?: Record<string, AnyNodeType>;
	/** Extra credential types (by name). */
	extraCredentialTypes?: ICredentialType[];
}

export function resolveTypes(options: RigOptions) {
	const { nodeTypes, credentialTypes } = loadPackage();
	const nodes = new Map(nodeTypes);
	nodes.set(ITEMS_NODE_TYPE, itemsNode);
	for (const [name, type] of Object.entries(options.extraNodeTypes ?? {})) nodes.set(name, type);
	const credentials = new Map(credentialTypes);
	for (const type of options.extraCredentialTypes ?? []) credentials.set(type.name, type);
	const registry: INodeTypes = {
		getByName: (name: string) => {
			const type = nodes.get(name);
			if (!type) throw new Error(`Unknown node type "${name}"`);
			return type;
		},
		getByNameAndVersion: (name: string, version?: number) => {
			const type = nodes.get(name);
			if (!type) throw new Error(`Unknown node type "${name}"`);
			if ('nodeVersions' in type) return type.getNodeType(version);
			return type;
		},
		getKnownTypes: () => ({}),
	};
	return { registry, credentialTypes: credentials };
}

/** Fills a credential's defaults the way n8n does when it decrypts one. */
function withDefaults(properties: INodeProperties[], data: ICredentialDataDecryptedObject) {
	const out: ICredentialDataDecryptedObject = { ...data };
	for (const property of properties) {
		if (out[property.name] === undefined && property.default !== undefined) {
			out[property.name] = property.default as ICredentialDataDecryptedObject[string];
		}
	}
	return out;
}

/**
 * The part of n8n's CredentialsHelper that executions use: hands out the credential data the test
 * gave (with defaults) and applies the credential type's `authenticate` — a function is called, a
 * generic definition has its `={{ $credentials.x }}` expressions resolved and merged into the
 * request — exactly what decides whether a token reaches the service.
 */
export class RigCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly types: Map<string, ICredentialType>,
		private readonly data: Record<string, ICredentialDataDecryptedObject>,
	) {
		super();
	}

	getParentTypes(name: string): string[] {
		const type = this.types.get(name);
		return (type?.extends ?? []).flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow?: WorkflowType,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const type = this.types.get(typeName);
		if (!type) throw new Error(`Unknown credential type "${typeName}"`);
		const authenticate = type.authenticate;
		if (authenticate === undefined) return requestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (authenticate.type !== 'generic') return requestOptions;
		const resolve = (value: unknown) => {
			if (typeof value !== 'string' || !value.startsWith('=') || !workflow || !node) return value;
			return workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '');
		};
		const properties = authenticate.properties as Record<string, Record<string, unknown>>;
		const options = requestOptions as unknown as Record<string, unknown>;
		for (const [outer, inner] of Object.entries(properties)) {
			if (outer === 'auth') {
				options.auth = { username: resolve(inner.username), password: resolve(inner.password) };
				continue;
			}
			const target = { ...((options[outer] as Record<string, unknown>) ?? {}) };
			for (const [key, value] of Object.entries(inner)) target[String(resolve(key))] = resolve(value);
			options[outer] = target;
		}
		return requestOptions;
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(_details: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		throw new Error(`The rig does not hand out encrypted credentials (${type})`);
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.data[type];
		if (!data) throw new Error(`No credentials of type "${type}" were given to the rig`);
		return withDefaults(this.getCredentialsProperties(type), data);
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.types.get(type)?.properties ?? [];
	}
}

export interface WorkflowJson {
	nodes: Array<Omit<Partial<INode>, 'parameters'> & { name: string; type: string; parameters?: Record<string, unknown> }>;
	connections: IConnections;
}

export interface RunWorkflowOptions extends RigOptions, WorkflowJson {
	/** Credential data by credential type; nodes that need one get a reference filled in. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** Node to start from (default: the first node without a parent). */
	startNode?: string;
}

export interface RigError {
	message: string;
	description?: string | null;
	httpCode?: string | null;
	name?: string;
	itemIndex?: number;
	node?: string;
}

export interface RigRun {
	status: IRun['status'];
	/** The error that stopped the workflow, if any. */
	error?: RigError;
	raw: IRun;
	outputOf(nodeName: string, outputIndex?: number): INodeExecutionData[];
	errorOf(nodeName: string): RigError | undefined;
}

const BASE = 'http://127.0.0.1:5678';

function toRigError(error: unknown): RigError | undefined {
	if (!error) return undefined;
	const e = error as Record<string, unknown> & { context?: IDataObject; node?: INode };
	return {
		message: String(e.message ?? ''),
		description: (e.description as string | null | undefined) ?? null,
		httpCode: (e.httpCode as string | null | undefined) ?? null,
		name: e.name as string | undefined,
		itemIndex: (e.context?.itemIndex as number | undefined) ?? undefined,
		node: e.node?.name,
	};
}

/** What n8n hands a node besides the workflow: the rig's credentials helper and n8n's URLs. */
function rigAdditionalData(
	credentialTypes: Map<string, ICredentialType>,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	hooks?: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: new RigCredentialsHelper(credentialTypes, credentials),
		...(hooks ? { hooks } : {}),
		restApiUrl: `${BASE}/rest`,
		instanceBaseUrl: `${BASE}/`,
		formBaseUrl: `${BASE}/form`,
		formTestBaseUrl: `${BASE}/form-test`,
		formWaitingBaseUrl: `${BASE}/form-waiting`,
		webhookBaseUrl: `${BASE}/webhook`,
		webhookWaitingBaseUrl: `${BASE}/webhook-waiting`,
		webhookTestBaseUrl: `${BASE}/webhook-test`,
		mcpBaseUrl: `${BASE}/mcp`,
		mcpTestBaseUrl: `${BASE}/mcp-test`,
		variables: {},
		currentNodeExecutionIndex: 0,
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not supported by the rig');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('Task runners are not supported by the rig');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** Runs a workflow through n8n-core's WorkflowExecute and returns what each node produced. */
export async function runWorkflow(options: RunWorkflowOptions): Promise<RigRun> {
	const { registry, credentialTypes } = resolveTypes(options);
	const credentials = options.credentials ?? {};
	const nodes: INode[] = options.nodes.map((node, index) => {
		const type = registry.getByNameAndVersion(node.type, node.typeVersion ?? 1) as INodeType;
		const needed = type.description.credentials ?? [];
		const refs: INode['credentials'] = { ...(node.credentials ?? {}) };
		for (const { name } of needed) {
			if (credentials[name] && !refs[name]) refs[name] = { id: `rig-${name}`, name: `Rig ${name}` };
		}
		return {
			id: node.id ?? `node-${index}`,
			name: node.name,
			type: node.type,
			typeVersion: node.typeVersion ?? 1,
			position: node.position ?? [index * 200, 0],
			parameters: node.parameters ?? {},
			credentials: refs,
			...(node.onError ? { onError: node.onError } : {}),
			...(node.continueOnFail ? { continueOnFail: node.continueOnFail } : {}),
			...(node.retryOnFail ? { retryOnFail: node.retryOnFail, maxTries: node.maxTries, waitBetweenTries: node.waitBetweenTries } : {}),
		} as INode;
	});
	const workflowData = {
		id: 'rig-workflow',
		name: 'Rig workflow',
		nodes,
		connections: options.connections,
		active: false,
		settings: { executionOrder: 'v1' as const },
	};
	const workflow = new Workflow({ ...workflowData, nodeTypes: registry, staticData: {} });
	const hooks = new ExecutionLifecycleHooks('manual', 'rig-execution', {
		...workflowData,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
	} as unknown as ConstructorParameters<typeof ExecutionLifecycleHooks>[2]);
	const additionalData = rigAdditionalData(credentialTypes, credentials, hooks);

	const startName =
		options.startNode ??
		nodes.find((node) => !Object.values(options.connections).some((c) => c.main?.some((out) => out?.some((t) => t.node === node.name))))?.name;
	const startNode = startName ? workflow.getNode(startName) ?? undefined : undefined;
	const run = await new WorkflowExecute(additionalData, 'manual').run({ workflow, startNode });
	const runData = run.data.resultData.runData;
	return {
		status: run.status,
		error: toRigError(run.data.resultData.error),
		raw: run,
		outputOf: (name, outputIndex = 0) => runData[name]?.[0]?.data?.main?.[outputIndex] ?? [],
		errorOf: (name) => toRigError(runData[name]?.[0]?.error),
	};
}

export interface RunNodeOptions extends RigOptions {
	/** Node name in this package (`planhat`) or a full type name (`n8n-nodes-chat-crm-sync.planhat`). */
	type: string;
	parameters?: IDataObject;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** Input items (default one empty item). */
	items?: IDataObject[];
	/** Sets the node's "On Error" to "Continue" (n8n's continueOnFail). */
	continueOnFail?: boolean;
	typeVersion?: number;
	/** Node name in the workflow (default "Node"). */
	name?: string;
}

export interface NodeRun extends RigRun {
	/** Items of the node's first output, with pairedItem. */
	items: INodeExecutionData[];
	json: IDataObject[];
	outputs: INodeExecutionData[][];
}

/** Runs one node of the pack, fed input items by a rig "Items" node. */
export async function runNode(options: RunNodeOptions): Promise<NodeRun> {
	const name = options.name ?? 'Node';
	const type = options.type.includes('.') ? options.type : `${PACKAGE_NAME}.${options.type}`;
	const run = await runWorkflow({
		...options,
		nodes: [
			{ name: 'Items', type: ITEMS_NODE_TYPE, parameters: { items: JSON.stringify(options.items ?? [{}]) } },
			{
				name,
				type,
				typeVersion: options.typeVersion ?? 1,
				parameters: options.parameters ?? {},
				...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
			},
		],
		connections: { Items: { main: [[{ node: name, type: 'main', index: 0 }]] } },
		startNode: 'Items',
	});
	const outputs = (run.raw.data.resultData.runData[name]?.[0]?.data?.main ?? []).map((o) => o ?? []);
	const items = outputs[0] ?? [];
	return { ...run, error: run.error ?? run.errorOf(name), items, json: items.map((i) => i.json), outputs };
}

export interface ListSearchOptions extends RigOptions {
	/** Node type, with or without the package prefix. */
	type: string;
	typeVersion?: number;
	/** The node's `methods.listSearch` function. */
	method: string;
	filter?: string;
	paginationToken?: string;
	/** The node's current parameters (what the editor sends along). */
	parameters?: INode['parameters'];
	credentials?: Record<string, ICredentialDataDecryptedObject>;
}

/**
 * Calls a list-search method the way n8n's editor does (DynamicNodeParametersService): in n8n-core's
 * LoadOptionsContext for the node, with the rig's credentials and real HTTP.
 */
export async function runListSearch(options: ListSearchOptions): Promise<INodeListSearchResult> {
	const { registry, credentialTypes } = resolveTypes(options);
	const credentials = options.credentials ?? {};
	const typeName = options.type.includes('.') ? options.type : `${PACKAGE_NAME}.${options.type}`;
	const typeVersion = options.typeVersion ?? 1;
	const nodeType = registry.getByNameAndVersion(typeName, typeVersion) as INodeType;
	const refs: INode['credentials'] = {};
	for (const { name } of nodeType.description.credentials ?? []) {
		if (credentials[name]) refs[name] = { id: `rig-${name}`, name: `Rig ${name}` };
	}
	const node: INode = {
		id: 'node-0',
		name: 'Node',
		type: typeName,
		typeVersion,
		position: [0, 0],
		parameters: options.parameters ?? {},
		credentials: refs,
	};
	const workflow = new Workflow({
		id: 'rig-workflow',
		name: 'Rig workflow',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: registry,
		staticData: {},
		settings: { executionOrder: 'v1' },
	});
	const method = nodeType.methods?.listSearch?.[options.method];
	if (!method) throw new Error(`${typeName} has no listSearch method "${options.method}"`);
	const context = new LoadOptionsContext(workflow, node, rigAdditionalData(credentialTypes, credentials), 'parameters');
	return await method.call(context, options.filter, options.paginationToken);
}
