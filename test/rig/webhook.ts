/**
 * The webhook half of the rig: calls a trigger node's `webhook()` through n8n-core's real
 * WebhookContext (parameters with their defaults, credentials through the rig's credentials
 * helper), with the request as n8n hands it over after its own body parsing: JSON and form bodies
 * parsed with `rawBody` kept, multipart bodies as `{ data, files }` without `rawBody`.
 */
import { WebhookContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';
import { PACKAGE_NAME, resolveTypes, RigCredentialsHelper } from './index';

export interface WebhookRequest {
	headers?: Record<string, string>;
	/** What n8n's body parser left in `req.body`. */
	body?: unknown;
	/** The raw bytes n8n keeps for JSON, text and form bodies (not for multipart). */
	rawBody?: string;
}

export interface WebhookCall {
	/** Node name in this package (`planhatTrigger`) or a full type name. */
	type: string;
	parameters?: IDataObject;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	request: WebhookRequest;
}

export interface WebhookAnswer {
	/** Status and body the trigger answered with itself (undefined when it left that to n8n). */
	status?: number;
	body?: unknown;
	/** Items handed to a new execution; undefined when no execution starts. */
	items?: INodeExecutionData[];
	result: IWebhookResponseData;
}

/** A JSON request as n8n's body parser leaves it. */
export function jsonRequest(payload: unknown, headers: Record<string, string> = {}): WebhookRequest {
	const raw = typeof payload === 'string' ? payload : JSON.stringify(payload);
	let body: unknown = {};
	try {
		body = JSON.parse(raw);
	} catch {
		body = {};
	}
	return { headers: { 'content-type': 'application/json', ...headers }, body, rawBody: raw };
}

/** A multipart request as n8n's webhook handler leaves it: `{ data, files }`, no raw body. */
export function multipartRequest(fields: IDataObject = {}, headers: Record<string, string> = {}): WebhookRequest {
	return {
		headers: { 'content-type': 'multipart/form-data; boundary=x', ...headers },
		body: { data: fields, files: {} },
	};
}

export async function callWebhook(call: WebhookCall): Promise<WebhookAnswer> {
	const { registry, credentialTypes } = resolveTypes({});
	const type = call.type.includes('.') ? call.type : `${PACKAGE_NAME}.${call.type}`;
	const nodeType = registry.getByNameAndVersion(type, 1) as INodeType;
	const credentials = call.credentials ?? {};
	const refs: INode['credentials'] = {};
	for (const { name } of nodeType.description.credentials ?? []) {
		if (credentials[name]) refs[name] = { id: `rig-${name}`, name: `Rig ${name}` };
	}
	const draft: INode = {
		id: 'trigger',
		name: 'Trigger',
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: refs,
	};
	draft.parameters =
		NodeHelpers.getNodeParameters(nodeType.description.properties, (call.parameters ?? {}) as INode['parameters'], true, false, draft, nodeType.description) ?? {};
	const workflow = new Workflow({
		id: 'rig-webhook',
		name: 'Rig webhook',
		nodes: [draft],
		connections: {},
		active: false,
		nodeTypes: registry,
		staticData: {},
		settings: { executionOrder: 'v1' },
	});
	const node = workflow.getNode('Trigger') as INode;

	const answer: { status?: number; body?: unknown } = {};
	const response = {
		status(code: number) {
			answer.status = code;
			return response;
		},
		json(body: unknown) {
			answer.body = body;
			return response;
		},
		send(body: unknown) {
			answer.body = body;
			return response;
		},
		end() {
			return response;
		},
		setHeader() {
			return response;
		},
	};
	const headers = Object.fromEntries(Object.entries(call.request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
	const request = {
		method: 'POST',
		headers,
		contentType: String(headers['content-type'] ?? '').split(';')[0].trim() || undefined,
		body: call.request.body,
		...(call.request.rawBody !== undefined ? { rawBody: Buffer.from(call.request.rawBody, 'utf8') } : {}),
		params: {},
		query: {},
	};
	const additionalData = {
		credentialsHelper: new RigCredentialsHelper(credentialTypes, credentials),
		httpRequest: request,
		httpResponse: response,
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
	const webhookData = {
		httpMethod: 'POST',
		node: node.name,
		path: 'webhook',
		webhookDescription: nodeType.description.webhooks![0],
		workflowId: workflow.id,
	} as unknown as IWebhookData;
	const context = new WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], null);
	const result = await nodeType.webhook!.call(context);
	return { ...answer, items: result.workflowData?.[0], result };
}
