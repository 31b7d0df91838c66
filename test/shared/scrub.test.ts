import { REDACTED, scrubError, scrubSecrets, scrubString } from '../../nodes/shared/scrub';
import { SCRUB_TOKEN as TOKEN } from '../fixture-secrets';

describe('scrubString', () => {
	it('removes token fields from form bodies and query strings', () => {
		expect(scrubString(`cmd=getTask&planfix_token=${TOKEN}&chatId=1`)).toBe(`cmd=getTask&planfix_token=${REDACTED}&chatId=1`);
		expect(scrubString(`function=get-user&token=${TOKEN}`)).toBe(`function=get-user&token=${REDACTED}`);
		expect(scrubString(`https://x/api?token=${TOKEN}&a=1`)).toBe(`https://x/api?token=${REDACTED}&a=1`);
	});

	it('removes token fields from JSON text and bearer headers', () => {
		expect(scrubString(`{"key":"${TOKEN}","function":"message-sent"}`)).toBe(`{"key":"${REDACTED}","function":"message-sent"}`);
		expect(scrubString(`Authorization: Bearer ${TOKEN}`)).toBe(`Authorization: Bearer ${REDACTED}`);
	});

	it('removes known secret values wherever they stand, plain or URL-encoded', () => {
		const secret = 'my secret/value+1';
		const text = `failed: ${secret} and ${encodeURIComponent(secret)}`;
		const out = scrubString(text, { values: [secret] });
		expect(out).not.toContain(secret);
		expect(out).not.toContain(encodeURIComponent(secret));
	});

	it('leaves ordinary text alone', () => {
		expect(scrubString('task not found for chat 12')).toBe('task not found for chat 12');
	});
});

describe('scrubSecrets', () => {
	it('redacts secret-named fields at any depth and keeps everything else', () => {
		const input = {
			config: { headers: { Authorization: `Bearer ${TOKEN}` }, data: `planfix_token=${TOKEN}&message=hi` },
			body: { token: TOKEN, list: [{ apiToken: TOKEN, ok: 1 }] },
			status: 401,
		};
		const out = scrubSecrets(input);
		expect(JSON.stringify(out)).not.toContain(TOKEN);
		expect(out.status).toBe(401);
		expect(out.body.list[0].ok).toBe(1);
		expect(out.config.data).toBe(`planfix_token=${REDACTED}&message=hi`);
		expect(input.body.token).toBe(TOKEN);
	});

	it('redacts URLSearchParams fields and survives cycles', () => {
		const params = new URLSearchParams([['token', TOKEN], ['a', '1']]);
		expect(scrubSecrets(params).toString()).toBe(`token=${encodeURIComponent(REDACTED)}&a=1`);
		const cyclic: Record<string, unknown> = { token: TOKEN };
		cyclic.self = cyclic;
		expect(JSON.stringify(scrubSecrets(cyclic))).not.toContain(TOKEN);
	});
});

describe('scrubError', () => {
	it('cleans message, description, stack and attached request data in place', () => {
		const error = new Error(`Request failed: planfix_token=${TOKEN}`) as Error & Record<string, unknown>;
		error.description = `body {"token":"${TOKEN}"}`;
		error.config = { data: new URLSearchParams([['planfix_token', TOKEN]]) };
		const out = scrubError(error);
		expect(out).toBe(error);
		expect(error.message).not.toContain(TOKEN);
		expect(String(error.description)).not.toContain(TOKEN);
		expect(String(error.stack)).not.toContain(TOKEN);
		expect(String((error.config as { data: URLSearchParams }).data)).not.toContain(TOKEN);
	});
});
