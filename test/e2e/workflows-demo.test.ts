/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- test code runs in Node.js, not in n8n's node sandbox */
/**
 * `npm run demo` end to end (its script, after the build): on each n8n line, with DEMO_EXIT=1 so it
 * stops after playing the conversation. It must finish every step and print what each service
 * received, and never print a secret.
 */
import { execFile } from 'child_process';
import * as net from 'net';
import * as path from 'path';
import { N8N_LINES, ROOT } from './lib/n8n';
import { SECRETS } from './lib/sync-setup';

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

async function freePortPair(): Promise<number> {
	for (;;) {
		const port = await freePort();
		const next = await new Promise<boolean>((resolve) => {
			const server = net.createServer();
			server.once('error', () => resolve(false));
			server.listen(port + 1, '127.0.0.1', () => server.close(() => resolve(true)));
		});
		if (next) return port;
	}
}

describe.each(N8N_LINES)('npm run demo on n8n %s', (line) => {
	it('plays the conversation through the workflows and prints what each service received', async () => {
		const port = await freePortPair();
		const env: NodeJS.ProcessEnv = { ...process.env, DEMO_LINE: line, N8N_PORT: String(port), DEMO_EXIT: '1', NO_COLOR: '1' };
		for (const key of Object.keys(env)) if (key.startsWith('JEST_')) delete env[key];
		delete env.NODE_ENV;
		delete env.N8N_USER_FOLDER;
		const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
			execFile(process.execPath, [path.join(ROOT, 'scripts', 'demo.js')], { env, timeout: 240_000, maxBuffer: 16 * 1024 * 1024 }, (error, out, err) =>
				resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout: out, stderr: err }),
			);
		});
		expect({ code, stderr: code ? stderr.slice(-3000) : '' }).toEqual({ code: 0, stderr: '' });
		const steps = stdout.match(/^━━ Step \d: .*/gm) ?? [];
		expect(steps.map((s) => s.slice(0, 11))).toEqual(['━━ Step 1: ', '━━ Step 2: ', '━━ Step 3: ', '━━ Step 4: ', '━━ Step 5: ']);
		// step 1: the message with its file reached Planfix, which opened a task
		expect(stdout).toMatch(/n8n → Planfix +newMessage +chatId=1 .*attachments\[name\]=invoice\.pdf .*→ HTTP 200/);
		expect(stdout).toContain('→ Planfix opened task #1001 "Order #1001" for chat 1');
		// step 2: the reply posted by the bridge, reported as sent, stopped by the loop guard
		expect(stdout).toMatch(/Planfix → n8n +newMessage +chatId=1 .*→ HTTP 200 \{"chatId":"1","contactId":"5"\}/);
		expect(stdout).toMatch(/n8n → HaveFunnels +send-message +user_id=4 +conversation_id=1 /);
		expect(stdout).toContain('(the bridge user: the loop guard stops it)');
		expect(stdout).toMatch(/n8n → Planfix +messageStatus +messageId=4188001 +messageStatus=sent → HTTP 200/);
		expect(stdout).toContain('Planfix still has 1 message(s) in chat 1');
		// step 3: the first message got new IDs; step 4: Planhat; step 5: the Automation's message as an echo
		expect(stdout).toMatch(/Planfix got the answer \{"chatId":"\d+","contactId":"6"\}: a new HaveFunnels conversation/);
		expect(stdout).toMatch(/n8n → Planhat +PUT \/conversations .*"externalId":"havefunnels-1"/);
		expect(stdout).toMatch(/→ Planhat conversation [0-9a-f]{24}: "Order #1001", type "HaveFunnels Chat", company Acme Ltd/);
		expect(stdout).toMatch(/n8n → Planfix +newMessage +chatId=\d+ .*isEcho=true +userEmail=bruce@havefunnels\.test → HTTP 200/);
		expect(stdout).toContain('Demo finished (DEMO_EXIT=1): stopping.');
		for (const secret of Object.values(SECRETS)) expect(stdout + stderr).not.toContain(secret);
	}, 300_000);
});
