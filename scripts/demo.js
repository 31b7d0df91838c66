#!/usr/bin/env node
'use strict';
// `npm run demo`: the chat-to-CRM sync of workflows/ running in a real n8n against local stand-ins
// of HaveFunnels, Planfix and Planhat, with a short conversation played through it.
//
//   npm run demo                   n8n 2.x on http://localhost:5678
//   DEMO_LINE=1.x npm run demo     n8n 1.x instead;  N8N_PORT=5700 for another port
//   DEMO_EXIT=1                    stop after the conversation (used by test/e2e/workflows-demo.test.ts)
//
// It installs the pinned n8n on first use (a few minutes, cached in ~/.cache/n8n-chat-crm-sync),
// starts it with this package, imports credentials pointing at the stand-ins and the workflows
// (Config filled in, active), plays the conversation, prints what each service received, and
// leaves everything running until Ctrl+C. The n8n user folder is temporary and removed on exit.
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { PROVIDER_ID, SECRETS, loadWorkflows, startSyncStandIns, webhookPath, waitFor } = require('../test/e2e/lib/sync-setup');

const ROOT = path.resolve(__dirname, '..');
const SCRIPTS = path.join(ROOT, 'scripts', 'n8n');
const LINE = process.env.DEMO_LINE || '2.x';
const PORT = Number(process.env.N8N_PORT || 5678);
const OWNER = { email: 'demo@example.com', firstName: 'Demo', lastName: 'User', password: 'Demo-chat-crm-1' };
const SECRET_VALUES = Object.values(SECRETS);

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code) => (text) => (color ? `\x1b[${code}m${text}\x1b[0m` : String(text));
const bold = paint('1');
const dim = paint('2');
const cyan = paint('36');
const green = paint('32');
const yellow = paint('33');

function say(text = '') {
	let safe = String(text);
	for (const secret of SECRET_VALUES) safe = safe.split(secret).join('***');
	console.log(safe);
}

function fail(message) {
	console.error(`\ndemo: ${message}`);
	process.exit(1);
}

// ---------------------------------------------------------------- n8n

function installN8n() {
	say(dim(`Installing (or reusing) n8n ${LINE}: the first run takes a few minutes...`));
	const out = spawnSync('bash', [path.join(SCRIPTS, 'install.sh'), LINE], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
	if (out.status !== 0) fail(`n8n ${LINE} could not be installed (scripts/n8n/install.sh ${LINE})`);
	return out.stdout.trim().split('\n').pop();
}

function n8nEnv(dir, home) {
	// start.sh waits for n8n's "Editor is now accessible" log line: the log level must show it
	const env = { ...process.env, N8N_DIR: dir, N8N_HOME: home, N8N_PORT: String(PORT), N8N_HOST: 'localhost', PKG_DIR: ROOT, N8N_LOG_LEVEL: 'info' };
	for (const key of Object.keys(env)) if (key.startsWith('npm_')) delete env[key];
	delete env.NODE_ENV;
	delete env.N8N_USER_FOLDER;
	delete env.NODE_OPTIONS;
	return env;
}

function cli(env, ...args) {
	execFileSync('bash', [path.join(SCRIPTS, 'cli.sh'), ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
}

async function ownerSetup(baseUrl) {
	const res = await fetch(`${baseUrl}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(OWNER),
	});
	if (!res.ok) fail(`n8n's owner setup answered HTTP ${res.status}: ${await res.text()}`);
}

/** n8n answers 404 until it has registered an active workflow's webhook (401/400 after that). */
async function waitForWebhook(url) {
	await waitFor(
		async () => (await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status !== 404,
		`n8n to register ${url}`,
		60000,
		250,
	);
}

// ---------------------------------------------------------------- what each service received

function snapshot(sync) {
	return {
		hf: sync.haveFunnels.requests.length,
		pf: sync.planfix.requests.length,
		ph: sync.planhat.requests.length,
		webhooks: sync.haveFunnels.webhooks.length,
	};
}

/** Waits until no stand-in got a request for a moment (the workflows have finished). */
async function quiet(sync, ms = 1500) {
	let last = '';
	let since = Date.now();
	await waitFor(
		() => {
			const now = JSON.stringify(snapshot(sync));
			if (now !== last) {
				last = now;
				since = Date.now();
			}
			return Date.now() - since >= ms;
		},
		'the workflows to finish',
		60000,
		100,
	);
}

const short = (value, max = 70) => {
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};

function formatForm(pairs, skip) {
	return pairs
		.filter(([k]) => !skip.includes(k))
		.map(([k, v]) => `${k}=${short(v, 60)}`)
		.join('  ');
}

function report(sync, since) {
	const events = [];
	// rank: at the same millisecond a request comes before the webhook it caused
	const add = (at, who, text, rank = 0) => events.push({ at, who, text, rank });
	for (const w of sync.haveFunnels.webhooks.slice(since.webhooks)) {
		const d = w.body.data || {};
		const bridge = String(d.user_id) === String(sync.bridge.id) ? yellow('  (the bridge user: the loop guard stops it)') : '';
		const about = w.event === 'message-sent' ? `user ${d.user_id}, conversation ${d.conversation_id}` : `conversation ${d.conversation_id} → status ${d.status_code}`;
		add(w.at, 'HaveFunnels → n8n', `webhook ${bold(w.event)} (${about}) → HTTP ${w.status}${bridge}`, 1);
	}
	sync.haveFunnels.calls(); // fills in the function of faulted requests
	for (const r of sync.haveFunnels.requests.slice(since.hf)) {
		add(r.at, 'n8n → HaveFunnels', `${bold(r.fn || r.path)}  ${formatForm(Object.entries(r.args || {}), ['token', 'function'])}${r.fault ? yellow(`  [fault ${r.fault}]`) : ''}`);
	}
	for (const r of sync.planfix.requests.slice(since.pf)) {
		const pairs = r.form ? r.form.pairs : [];
		const cmd = (pairs.find(([k]) => k === 'cmd') || [])[1];
		add(r.at, 'n8n → Planfix', `${bold(cmd)}  ${formatForm(pairs, ['cmd', 'planfix_token', 'providerId'])}${r.fault ? yellow(`  [fault ${r.fault}]`) : ` → HTTP ${r.status}`}`);
	}
	for (const r of sync.planhat.requests.slice(since.ph)) {
		const query = Object.keys(r.query || {}).length ? `?${new URLSearchParams(r.query)}` : '';
		// a long description (the transcript) is shown by its size, so the keys stay readable
		const brief = (item) => (item && typeof item.description === 'string' ? { ...item, description: `<${item.description.length} characters of HTML>` } : item);
		const body = r.json === undefined ? '' : `  ${short(Array.isArray(r.json) ? r.json.map(brief) : brief(r.json), 260)}`;
		add(r.at, 'n8n → Planhat', `${bold(`${r.method} ${r.path}${query}`)}${body} → HTTP ${r.status}`);
	}
	events.sort((a, b) => a.at - b.at || a.rank - b.rank);
	for (const e of events) say(`  ${cyan(e.who.padEnd(20))} ${e.text}`);
}

/** The Planfix agent's calls to n8n (Planfix → your integration) and what n8n answered. */
function reportAgent(record) {
	const fields = record.form.filter(([k]) => !['cmd', 'token', 'providerId', 'userIco'].includes(k)).map(([k, v]) => `${k}=${short(v, 50)}`);
	say(`  ${cyan('Planfix → n8n'.padEnd(20))} ${bold('newMessage')}  ${fields.join('  ')} → HTTP ${record.status} ${record.text}`);
}

const decode = (html) =>
	String(html || '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ')
		.trim();

async function step(sync, number, title, action) {
	say();
	say(bold(`━━ Step ${number}: ${title}`));
	const since = snapshot(sync);
	const result = await action();
	await quiet(sync);
	report(sync, since);
	return result;
}

// ---------------------------------------------------------------- the conversation

async function play(sync) {
	const alice = sync.newCustomer({ firstName: 'Alice', lastName: 'Smith', email: 'alice@acme.test', phone: '+44 20 7946 0001', title: 'Order #1001' });
	const bob = sync.newCustomer({ firstName: 'Bob', lastName: 'Jones', email: 'bob@globex.test', phone: '+1 555 0100' });

	await step(sync, 1, 'a customer writes in HaveFunnels, with an attachment', async () => {
		say(`  Alice (HaveFunnels user ${alice.userId}) writes in conversation ${alice.conversationId} "Order #1001" and attaches invoice.pdf`);
		await sync.customerWrites({
			conversation: alice,
			message: 'Hello! I was charged twice for my order, the invoice is attached.',
			attachments: [['invoice.pdf', 'https://files.example.com/invoice.pdf']],
		});
		await waitFor(() => sync.planfixMessages(alice.conversationId).length >= 1, 'the message in Planfix');
	});
	const task = sync.planfix.taskForChat(PROVIDER_ID, alice.conversationId);
	say(green(`  → Planfix opened task #${task.number} "${task.title}" for chat ${alice.conversationId}`));

	const reply = await step(sync, 2, 'a Planfix employee replies in the task', async () => {
		say('  Peter Peterson answers in Planfix task, with a file');
		const record = await sync.planfix.agent.reply({
			providerId: PROVIDER_ID,
			chatId: alice.conversationId,
			message: 'Sorry about that, Alice! The refund is on its way, here is the credit note.',
			attachments: [{ name: 'credit-note.pdf', url: 'https://planfix.example.com/files/credit-note.pdf' }],
		});
		reportAgent(record);
		return record;
	});
	say(green(`  → Planfix got the answer ${JSON.stringify(reply.json)}; the message is now in HaveFunnels:`));
	const last = sync.haveFunnelsMessages(alice).pop();
	say(green(`    #${last.id} from ${last.first_name} ${last.last_name} (user ${last.user_id}, the bridge): "${short(last.message)}" + ${last.attachments}`));
	say(green(`  → loop guard: HaveFunnels reported that message to n8n too; Planfix still has ${sync.planfixMessages(alice.conversationId).length} message(s) in chat ${alice.conversationId}`));

	const first = await step(sync, 3, 'Planfix writes first to a contact with a phone ("Write" button, no chat yet)', async () => {
		say(`  Peter writes to ${bob.user.extra.get('phone').value}, Bob's phone in HaveFunnels`);
		const record = await sync.planfix.agent.firstMessage({ providerId: PROVIDER_ID, contactPhone: '+1 555 0100', message: 'Hi Bob, your order #2002 has shipped.' });
		reportAgent(record);
		return record;
	});
	say(green(`  → Planfix got the answer ${JSON.stringify(first.json)}: a new HaveFunnels conversation of user ${first.json && first.json.contactId}`));

	await step(sync, 4, 'the conversation is archived in HaveFunnels', async () => {
		say(`  An agent archives Alice's conversation ${alice.conversationId} (status 3)`);
		await sync.setStatus(alice, 3);
		await waitFor(() => sync.planhat.getConversation(`extid-havefunnels-${alice.conversationId}`), 'the Planhat conversation');
	});
	const conversation = sync.planhat.getConversation(`extid-havefunnels-${alice.conversationId}`);
	say(green(`  → Planhat conversation ${conversation._id}: "${conversation.subject}", type "${conversation.type}", company ${conversation.companyName}, external ID ${conversation.externalId}`));
	say(green(`    description (the transcript): ${short(decode(conversation.description), 110)}`));

	await step(sync, 5, 'a Planhat Automation asks to write to a customer', async () => {
		say('  The Automation\'s webhook step posts {"event": "send-chat-message", "data": {"email": "carol@acme.test", ...}}');
		const answer = await sync.planhatAutomation({ email: 'carol@acme.test', firstName: 'Carol', lastName: 'White', subject: 'Your renewal', message: 'Hi Carol, your plan renews next month. Any questions?' });
		say(`  ${cyan('Planhat → n8n'.padEnd(20))} ${bold('POST')} with the x-planhat-secret header → HTTP ${answer.status}`);
		await waitFor(() => sync.haveFunnels.state.userByEmail('carol@acme.test'), 'Carol in HaveFunnels');
		return answer;
	});
	say(green('  → Carol got the message in HaveFunnels from Bruce, and Planfix got it as an echo in a new chat task'));
}

// ---------------------------------------------------------------- main

async function main() {
	const dir = installN8n();
	const home = process.env.DEMO_HOME || fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-chat-crm-demo-'));
	const env = n8nEnv(dir, home);
	const baseUrl = `http://localhost:${PORT}`;
	let pid = null;
	let sync = null;

	const cleanup = async () => {
		if (pid) {
			try {
				process.kill(pid, 'SIGTERM');
			} catch {
				/* already gone */
			}
			await waitFor(() => {
				try {
					process.kill(pid, 0);
					return false;
				} catch {
					return true;
				}
			}, 'n8n to stop', 15000).catch(() => {});
		}
		if (sync) await sync.stop();
		if (!process.env.DEMO_HOME) fs.rmSync(home, { recursive: true, force: true });
	};
	let stopping = false;
	for (const signal of ['SIGINT', 'SIGTERM']) {
		process.on(signal, () => {
			if (stopping) return;
			stopping = true;
			say('\nStopping n8n and the stand-ins...');
			cleanup().then(() => process.exit(0));
		});
	}

	try {
		sync = await startSyncStandIns();
		say(`Stand-ins: HaveFunnels ${sync.haveFunnels.url}  Planfix ${sync.planfix.apiUrl}  Planhat ${sync.planhat.url}`);

		const workflows = loadWorkflows(sync.config());
		const fixtures = path.join(home, 'demo-fixtures');
		fs.mkdirSync(path.join(fixtures, 'workflows'), { recursive: true });
		fs.writeFileSync(path.join(fixtures, 'credentials.json'), JSON.stringify(sync.credentials()));
		for (const [key, wf] of Object.entries(workflows)) {
			fs.writeFileSync(path.join(fixtures, 'workflows', `${key}.json`), JSON.stringify({ ...wf, active: false }));
		}
		say(dim('Importing the credentials and the workflows with n8n\'s CLI, and activating them...'));
		cli(env, 'import:credentials', `--input=${path.join(fixtures, 'credentials.json')}`);
		cli(env, 'import:workflow', '--separate', `--input=${path.join(fixtures, 'workflows')}`);
		// The webhook workflows are activated; the catch-up (a schedule) is imported, not activated.
		const hooked = Object.values(workflows).filter((wf) => wf.active && wf.nodes.some((n) => n.webhookId));
		for (const wf of hooked) {
			if (LINE === '2.x') cli(env, 'publish:workflow', `--id=${wf.id}`);
			else cli(env, 'update:workflow', `--id=${wf.id}`, '--active=true');
		}
		fs.rmSync(fixtures, { recursive: true, force: true }); // it holds the stand-ins' secrets in clear

		execFileSync('bash', [path.join(SCRIPTS, 'start.sh')], { env, stdio: ['ignore', 'inherit', 'inherit'] });
		pid = Number(fs.readFileSync(path.join(home, 'n8n.pid'), 'utf8'));
		await ownerSetup(baseUrl);
		for (const wf of hooked) await waitForWebhook(baseUrl + webhookPath(wf));
		sync.connect(baseUrl, workflows);

		say();
		say(bold('The workflows (active):'));
		for (const wf of hooked) say(`  ${wf.name}  ${dim(baseUrl + webhookPath(wf))}`);
		await play(sync);

		if (process.env.DEMO_EXIT === '1') {
			// for the e2e test of the demo: stop once the conversation has been played
			say();
			say('Demo finished (DEMO_EXIT=1): stopping.');
			await cleanup();
			process.exit(0);
		}
		say();
		say(bold(`n8n is running on ${baseUrl}`));
		say(`  Log in as ${OWNER.email} / ${OWNER.password}: the workflows, their executions and the credentials are there.`);
		say(`  The stand-ins keep running (HaveFunnels ${sync.haveFunnels.url}, Planfix ${sync.planfix.apiUrl}, Planhat ${sync.planhat.url}).`);
		say('  Press Ctrl+C to stop.');
	} catch (error) {
		const log = path.join(home, 'n8n.log');
		if (fs.existsSync(log)) console.error(fs.readFileSync(log, 'utf8').split('\n').slice(-30).join('\n'));
		await cleanup();
		fail(error && error.stack ? error.stack : String(error));
	}
}

main();
