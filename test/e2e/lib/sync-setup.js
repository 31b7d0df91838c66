'use strict';
// The chat-to-CRM sync set up against the three stand-ins, for the e2e tests of workflows/ and for
// `npm run demo`. Plain CommonJS (like the stand-ins) so the demo runs it without a build.
//
//   const sync = await startSyncStandIns();            // HaveFunnels, Planfix, Planhat on 127.0.0.1
//   const credentials = sync.credentials();            // n8n credential fixtures, the workflows' ids
//   const workflows = loadWorkflows(sync.config());    // workflows/*.json, Config values filled in
//   ... start n8n with them, then: sync.connect(n8nBaseUrl)
//   await sync.customerWrites({ conversation, message, attachments });   // as the chat widget does
//   await sync.planfix.agent.reply({ providerId: PROVIDER_ID, chatId, message });
const fs = require('fs');
const path = require('path');
const { createHaveFunnelsStandIn, FUNCTIONS } = require('../../stand-ins/havefunnels');
const { createPlanfixStandIn } = require('../../stand-ins/planfix');
const { createPlanhatStandIn } = require('../../stand-ins/planhat');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const WORKFLOWS_DIR = path.join(ROOT, 'workflows');

const SECRETS = {
	haveFunnelsToken: 'hf-sync-api-token-2f61c0',
	haveFunnelsWebhookKey: 'hf-sync-webhook-key-93ab47',
	planfixToken: 'pf-sync-planfix-token-c41d',
	integrationToken: 'pf-sync-integration-token-7e02',
	planhatToken: 'ph-sync-api-token-58bd11',
	planhatWebhookSecret: 'ph-sync-webhook-secret-0a7c',
};
const PROVIDER_ID = 'havefunnels';
const PLANHAT_TYPE = 'HaveFunnels Chat';

/** The ids and names the workflow files use as credential placeholders. */
const CREDENTIAL_REFS = {
	haveFunnelsApi: { id: 'havefunnels-credential', name: 'HaveFunnels account' },
	planfixWebchatApi: { id: 'planfix-credential', name: 'Planfix Webchat account' },
	planhatApi: { id: 'planhat-credential', name: 'Planhat account' },
};

/** The workflow files, by what they do (ids as in the files). */
const WORKFLOW_FILES = {
	haveFunnelsEvents: 'havefunnels-to-planfix-and-planhat.json',
	planfixReplies: 'planfix-replies-to-havefunnels.json',
	planhatMessage: 'planhat-automation-to-havefunnels-message.json',
	catchUp: 'havefunnels-catch-up.json',
};

function readWorkflow(file) {
	return JSON.parse(fs.readFileSync(path.join(WORKFLOWS_DIR, file), 'utf8'));
}

/**
 * The workflow files, active, with the given Config values filled in:
 * `config` = { [workflowKey]: { [assignmentName]: value } }.
 * The catch-up workflow runs on a schedule: it is active only with `catchUpEverySeconds` (its
 * schedule then fires every that many seconds), so other tests see only the executions they cause.
 */
function loadWorkflows(config = {}, { active = true, catchUpEverySeconds } = {}) {
	const out = {};
	for (const [key, file] of Object.entries(WORKFLOW_FILES)) {
		const wf = readWorkflow(file);
		const node = wf.nodes.find((n) => n.name === 'Config');
		for (const [name, value] of Object.entries(config[key] || {})) {
			const assignment = node.parameters.assignments.assignments.find((a) => a.name === name);
			if (!assignment) throw new Error(`${file}: the Config node has no setting "${name}"`);
			assignment.value = value;
		}
		wf.active = active;
		if (key === 'catchUp') {
			wf.active = active && catchUpEverySeconds !== undefined;
			if (catchUpEverySeconds !== undefined) {
				const schedule = wf.nodes.find((n) => n.type === 'n8n-nodes-base.scheduleTrigger');
				schedule.parameters.rule.interval = [{ field: 'seconds', secondsInterval: catchUpEverySeconds }];
			}
		}
		out[key] = wf;
	}
	return out;
}

/** The production webhook path of a workflow's trigger (`/webhook/<webhookId>/<path>`). */
function webhookPath(workflow) {
	const trigger = workflow.nodes.find((n) => n.webhookId);
	const suffix = trigger.type.endsWith('planfixWebchatTrigger') ? 'planfix' : 'webhook';
	return `/webhook/${trigger.webhookId}/${suffix}`;
}

class SyncStandIns {
	constructor(options = {}) {
		this.haveFunnels = createHaveFunnelsStandIn({
			token: SECRETS.haveFunnelsToken,
			webhookKey: SECRETS.haveFunnelsWebhookKey,
			webhookEvents: ['message-sent', 'conversation-status-updated'],
			seed: true,
		});
		this.planfix = createPlanfixStandIn({
			planfixToken: SECRETS.planfixToken,
			integrationToken: SECRETS.integrationToken,
			providerIds: [PROVIDER_ID],
		});
		this.planhat = createPlanhatStandIn({
			token: SECRETS.planhatToken,
			conversationTypes: [PLANHAT_TYPE, 'in person meeting'],
			companies: [
				{ _id: '64b7f0a1c2d3e4f5a6b7c8d9', name: 'Acme Ltd', domains: ['acme.test'] },
				{ _id: '64b7f0a1c2d3e4f5a6b7c8da', name: 'Globex', domains: ['globex.test'] },
			],
		});
		const hf = this.haveFunnels;
		/** The HaveFunnels agent that posts Planfix replies (the loop guard skips its messages). */
		this.bridge = hf.addUser({ first_name: 'Planfix', last_name: 'Bridge', email: 'planfix-bridge@havefunnels.test', user_type: 'agent' });
		this.agent = hf.state.user(hf.agentId);
		this.ports = options.ports || {};
	}

	async start() {
		await this.haveFunnels.start(this.ports.haveFunnels || 0);
		await this.planfix.start(this.ports.planfix || 0);
		await this.planhat.start(this.ports.planhat || 0);
		return this;
	}

	async stop() {
		await Promise.all([this.haveFunnels.stop(), this.planfix.stop(), this.planhat.stop()]);
	}

	/** n8n credentials pointing at the stand-ins, with the ids the workflow files reference. */
	credentials() {
		return [
			{
				...CREDENTIAL_REFS.haveFunnelsApi,
				type: 'haveFunnelsApi',
				data: { url: this.haveFunnels.installationUrl, apiToken: SECRETS.haveFunnelsToken, webhookSecret: SECRETS.haveFunnelsWebhookKey },
			},
			{
				...CREDENTIAL_REFS.planfixWebchatApi,
				type: 'planfixWebchatApi',
				data: {
					apiUrl: this.planfix.apiUrl,
					providerId: PROVIDER_ID,
					planfixToken: SECRETS.planfixToken,
					integrationToken: SECRETS.integrationToken,
				},
			},
			{
				...CREDENTIAL_REFS.planhatApi,
				type: 'planhatApi',
				data: { apiToken: SECRETS.planhatToken, baseUrl: this.planhat.url, webhookSecret: SECRETS.planhatWebhookSecret },
			},
		];
	}

	/** The Config values the stand-ins need (the bridge and the proactive sender are their users). */
	config() {
		return {
			haveFunnelsEvents: { bridgeUserId: String(this.bridge.id), planhatConversationType: PLANHAT_TYPE },
			planfixReplies: { bridgeUserId: String(this.bridge.id) },
			planhatMessage: { senderUserId: String(this.agent.id) },
			catchUp: { bridgeUserId: String(this.bridge.id) },
		};
	}

	/** Points HaveFunnels' webhook setting and the Planfix integration window at n8n. */
	connect(n8nBaseUrl, workflows) {
		this.n8nBaseUrl = n8nBaseUrl;
		this.haveFunnels.setWebhook({
			url: n8nBaseUrl + webhookPath(workflows.haveFunnelsEvents),
			key: SECRETS.haveFunnelsWebhookKey,
			events: ['message-sent', 'conversation-status-updated'],
		});
		this.planfix.agent.configure({ url: n8nBaseUrl + webhookPath(workflows.planfixReplies), token: SECRETS.integrationToken });
		this.planhatWebhookUrl = n8nBaseUrl + webhookPath(workflows.planhatMessage);
	}

	/** A customer (HaveFunnels user) with a conversation, as the chat widget creates them. */
	newCustomer({ firstName = 'Jane', lastName = 'Doe', email, phone, title = '' } = {}) {
		const hf = this.haveFunnels;
		const extra = phone ? { phone: [phone, 'Phone'] } : undefined;
		const user = hf.addUser({ first_name: firstName, last_name: lastName, email, user_type: 'lead', extra });
		const conversation = hf.addConversation({ user_id: user.id, title, status_code: 2 });
		return { user, conversation, userId: String(user.id), conversationId: String(conversation.id) };
	}

	/** Runs a HaveFunnels API function inside the stand-in (its webhooks go out as HaveFunnels sends them). */
	async run(fn, args) {
		const hf = this.haveFunnels;
		return FUNCTIONS[fn].run({
			state: hf.state,
			args,
			options: hf.options,
			installationUrl: hf.installationUrl,
			emit: (event, data) => hf.emit(event, data),
		});
	}

	/**
	 * A message in a conversation, as HaveFunnels stores it when someone writes in the chat: the
	 * message-sent webhook goes out before this returns (PHP calls it synchronously).
	 * `from`: a user id (default: the conversation's customer).
	 */
	async customerWrites({ conversation, message = '', attachments = [], from }) {
		const conv = this.haveFunnels.state.conversation(conversation.conversationId ?? conversation);
		const sender = from ?? conv.user_id;
		const args = { user_id: String(sender), conversation_id: String(conv.id), message };
		if (attachments.length) args.attachments = JSON.stringify(attachments.map((a) => (Array.isArray(a) ? a : [a.name, a.url])));
		const answer = await this.run('send-message', args);
		return answer && answer['message-id'];
	}

	/** An agent sets the conversation status (3 = archived) in HaveFunnels. */
	async setStatus(conversation, statusCode) {
		return this.run('update-conversation-status', {
			conversation_id: String(conversation.conversationId ?? conversation),
			status_code: String(statusCode),
		});
	}

	/** A Planhat Automation's webhook step. */
	async planhatAutomation(data, { secret = SECRETS.planhatWebhookSecret, event = 'send-chat-message' } = {}) {
		const response = await fetch(this.planhatWebhookUrl, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'x-planhat-secret': secret },
			body: JSON.stringify({ event, data }),
		});
		return { status: response.status, text: await response.text() };
	}

	/** Messages Planfix received (newMessage calls that reached it), optionally of one chat. */
	planfixMessages(chatId) {
		return this.planfix.state.messages.filter((m) => m.direction === 'in' && (chatId === undefined || m.chatId === String(chatId)));
	}

	/** Messages stored in a HaveFunnels conversation, oldest first. */
	haveFunnelsMessages(conversation) {
		const hf = this.haveFunnels;
		const conv = hf.state.conversation(conversation.conversationId ?? conversation);
		return hf.state.conversationMessages(conv).map((m) => hf.state.messageRow(m));
	}
}

async function startSyncStandIns(options) {
	return new SyncStandIns(options).start();
}

/** Polls `check` until it returns a truthy value (returned) or the time is up (throws `what`). */
async function waitFor(check, what, timeoutMs = 30000, everyMs = 100) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise((r) => setTimeout(r, everyMs));
	}
}

module.exports = {
	SECRETS,
	PROVIDER_ID,
	PLANHAT_TYPE,
	CREDENTIAL_REFS,
	WORKFLOW_FILES,
	WORKFLOWS_DIR,
	readWorkflow,
	loadWorkflows,
	webhookPath,
	SyncStandIns,
	startSyncStandIns,
	waitFor,
};
