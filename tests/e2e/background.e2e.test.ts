/**
 * The production build in real Chromium, talking HTTPS to FakeTwilio: the options page, and the
 * background sending, receiving and following messages the way the UIs will ask it to.
 */
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { ALARMS } from '../../utils/background/schedule';
import { OUTBOX_POLICY } from '../../utils/background/sync/outbox';
import type { SettingsInput } from '../../utils/messaging/contract';
import { ask, extensionStorage, request, scheduledAlarm } from './support/background';
import { test } from './support/fixtures';
import { formValue } from './support/twilio';

const CONTACT = '+46701234567';
const STRANGER = '+46709876543';
const SENDER = 'whatsapp:+14155238886';

async function fillSettingsForm(page: Page, settings: SettingsInput): Promise<void> {
  const form = page.getByRole('form', { name: 'Twilio settings' });
  await form.getByLabel('Account SID', { exact: true }).fill(settings.accountSid);
  await form.getByRole('radio', { name: 'API key (recommended)' }).check();
  await form.getByLabel('API Key SID', { exact: true }).fill(settings.apiKeySid ?? '');
  await form.getByLabel('API Key Secret', { exact: true }).fill(settings.apiKeySecret ?? '');
  await form.getByLabel('WhatsApp sender', { exact: true }).fill(settings.whatsappSender);
  await form.getByLabel('Default country', { exact: true }).selectOption(settings.defaultCountry);
}

async function saveSettingsForm(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('status', { name: 'Save result' }).filter({ hasText: 'Settings saved' }).waitFor();
}

/** The contact's thread as a panel would show it; `outboxId` picks one message the rep sent. */
async function conversationMessage(page: Page, contact: string, outboxId: string) {
  const conversation = await request(page, 'getConversation', { contact });
  return conversation.messages.find((message) => message.outboxId === outboxId);
}

describe('options page', () => {
  test('tests the connection, says when credentials are rejected, and saves', async ({ optionsPage: page, twilio }) => {
    twilio.fake.addTemplate();
    twilio.fake.addTemplate();
    await fillSettingsForm(page, twilio.settings);

    await page.getByRole('button', { name: 'Test connection' }).click();
    const result = page.getByRole('status', { name: 'Connection test result' });
    await result.filter({ hasText: 'Connected to Dealchat test account' }).waitFor();
    expect(await result.textContent()).toContain('2 message templates found.');

    await page.getByLabel('API Key Secret', { exact: true }).fill('not-the-right-secret');
    await page.getByRole('button', { name: 'Test connection' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Twilio did not accept these credentials' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Twilio rejected these credentials.');
    expect(await result.textContent()).toBe('');

    await page.getByLabel('API Key Secret', { exact: true }).fill(twilio.settings.apiKeySecret ?? '');
    await saveSettingsForm(page);
    expect(await request(page, 'getSettings', {})).toMatchObject({
      configured: true,
      accountSid: twilio.fake.accountSid,
      authMethod: 'apiKey',
      apiKeySid: twilio.fake.apiKeySid,
      hasApiKeySecret: true,
      whatsappSender: '+14155238886',
      defaultCountry: 'SE',
    });
    // Every call so far used the key, never the account's own token.
    expect(new Set(twilio.fake.requests.map((r) => r.authUsername))).toEqual(new Set([twilio.fake.apiKeySid]));
  });

  test('never gives the saved secret back to the extension’s pages', async ({ optionsPage: page, twilio }) => {
    const secret = twilio.fake.apiKeySecret;
    await fillSettingsForm(page, twilio.settings);
    await saveSettingsForm(page);
    await page.reload();
    await page.getByLabel('API Key Secret', { exact: true }).waitFor();

    const view = await request(page, 'getSettings', {});
    expect(view.hasApiKeySecret).toBe(true);
    expect(JSON.stringify(view)).not.toContain(secret);
    // The manifest grants no "storage" today (null); should it ever, nothing there may hold the secret.
    expect(JSON.stringify(await extensionStorage(page))).not.toContain(secret);
    const pageState = await page.evaluate(() => ({
      html: document.documentElement.outerHTML,
      inputs: [...document.querySelectorAll('input')].map((input) => input.value),
      localStorage: Object.entries(localStorage),
      sessionStorage: Object.entries(sessionStorage),
    }));
    expect(JSON.stringify(pageState)).not.toContain(secret);
  });
});

describe('background with Twilio', () => {
  test('receives a message, replies through Twilio and follows the reply to delivered', async ({ connectedPage: page, twilio }) => {
    const { fake } = twilio;
    fake.receiveInbound({ from: CONTACT, body: 'Hi there' });
    await request(page, 'syncNow', { what: 'messages' });
    const before = await request(page, 'getConversation', { contact: CONTACT });
    expect(before.messages).toEqual([expect.objectContaining({ direction: 'inbound', body: 'Hi there', state: 'received' })]);
    expect(before.window).toMatchObject({ open: true, reason: 'open' });

    const { outboxId } = await request(page, 'sendText', { requestId: crypto.randomUUID(), to: CONTACT, body: 'Thanks, I will call you at 3.' });
    await expect.poll(async () => (await conversationMessage(page, CONTACT, outboxId))?.sid).toMatch(/^SM/);
    const sends = twilio.sendRequests();
    expect(sends).toHaveLength(1);
    expect(sends[0]?.status).toBe(201);
    expect(sends[0]?.form).toEqual({ From: SENDER, To: `whatsapp:${CONTACT}`, Body: 'Thanks, I will call you at 3.' });
    const reply = await conversationMessage(page, CONTACT, outboxId);
    expect(reply).toMatchObject({ sid: fake.sentMessages()[0]?.sid, direction: 'outbound', state: 'queued', error: null });

    fake.advanceStatuses();
    await request(page, 'syncNow', { what: 'messages' });
    expect((await conversationMessage(page, CONTACT, outboxId))?.state).toBe('sent');
    fake.advanceStatuses();
    await request(page, 'syncNow', { what: 'messages' });
    expect((await conversationMessage(page, CONTACT, outboxId))?.state).toBe('delivered');
    expect(twilio.sendRequests()).toHaveLength(1);
  });

  test('sends an approved template with its variables to a contact who never wrote', async ({ connectedPage: page, twilio }) => {
    const template = twilio.fake.addTemplate({ friendlyName: 'quote_ready', body: 'Hi {{1}}, your quote is ready.' });
    await request(page, 'syncNow', { what: 'templates' });
    expect(await request(page, 'listTemplates', {})).toEqual([
      expect.objectContaining({ sid: template.sid, friendlyName: 'quote_ready', approvalStatus: 'approved', variables: ['1'] }),
    ]);

    const { outboxId } = await request(page, 'sendTemplate', { requestId: crypto.randomUUID(), to: STRANGER, contentSid: template.sid, variables: { '1': 'Anna' } });
    await expect.poll(async () => (await conversationMessage(page, STRANGER, outboxId))?.sid).toMatch(/^SM/);
    const sends = twilio.sendRequests();
    expect(sends).toHaveLength(1);
    expect(sends[0]?.form).toMatchObject({ From: SENDER, To: `whatsapp:${STRANGER}`, ContentSid: template.sid });
    expect(sends[0]?.form).not.toHaveProperty('Body');
    expect(JSON.parse(formValue(sends[0], 'ContentVariables'))).toEqual({ '1': 'Anna' });
    expect(await conversationMessage(page, STRANGER, outboxId)).toMatchObject({
      body: 'Hi Anna, your quote is ready.',
      templateName: 'quote_ready',
    });
  });

  test('refuses a free-form message outside the 24-hour window without calling Twilio', async ({ connectedPage: page, twilio }) => {
    const response = await ask(page, 'sendText', { requestId: crypto.randomUUID(), to: STRANGER, body: 'Hello, are you there?' });
    expect(response).toEqual({ ok: false, error: { code: 'invalid', message: expect.stringContaining('24-hour window') as string } });
    const conversation = await request(page, 'getConversation', { contact: STRANGER });
    expect(conversation.messages).toEqual([]);
    expect(conversation.window).toMatchObject({ open: false, reason: 'never-opened' });
    expect(twilio.sendRequests()).toEqual([]);
  });

  test('a throttled send survives a stopped worker: its alarm restarts it and it is sent exactly once', async ({
    connectedPage: page,
    twilio,
    extension,
  }) => {
    const { fake } = twilio;
    fake.receiveInbound({ from: CONTACT, body: 'Call me?' });
    await request(page, 'syncNow', { what: 'messages' });
    // More 429s than the client retries on its own, so the outbox must come back for it later.
    fake.failNext(4, { status: 429, when: (r) => r.method === 'POST' });

    const { outboxId } = await request(page, 'sendText', { requestId: crypto.randomUUID(), to: CONTACT, body: 'Calling you now.' });
    await expect.poll(() => scheduledAlarm(page, ALARMS.outbox)).not.toBeNull();
    expect(twilio.sendRequests().map((r) => r.status)).toEqual([429, 429, 429, 429]);

    const starts = extension.background.starts;
    await extension.background.stop();
    expect(twilio.sendRequests()).toHaveLength(4);
    // Nothing from the test wakes it: only the alarm can.
    await extension.background.waitForStart(starts + 1);
    await expect.poll(async () => (await conversationMessage(page, CONTACT, outboxId))?.sid).toMatch(/^SM/);
    expect(twilio.sendRequests().map((r) => r.status)).toEqual([429, 429, 429, 429, 201]);
    expect(fake.sentMessages()).toEqual([expect.objectContaining({ body: 'Calling you now.', to: `whatsapp:${CONTACT}` })]);
  });

  test('a worker stopped while Twilio handles its send finds the message there instead of sending it again', async ({
    connectedPage: page,
    twilio,
    extension,
  }) => {
    const { fake } = twilio;
    fake.receiveInbound({ from: CONTACT, body: 'Call me?' });
    await request(page, 'syncNow', { what: 'messages' });
    fake.setSlowResponses(2_000);

    const { outboxId } = await request(page, 'sendText', { requestId: crypto.randomUUID(), to: CONTACT, body: 'Calling you now.' });
    await expect.poll(() => twilio.sendRequests().length).toBe(1);
    await extension.background.stop();
    fake.setSlowResponses(0);
    // Twilio creates the message all the same; the stopped worker never hears of it.
    await expect.poll(() => fake.sentMessages().length).toBe(1);

    // The rep opens the thread: the worker starts again, not knowing whether the send went out.
    expect(await conversationMessage(page, CONTACT, outboxId)).toMatchObject({ sid: null, state: 'pending' });
    await expect
      .poll(async () => (await conversationMessage(page, CONTACT, outboxId))?.sid, {
        timeout: OUTBOX_POLICY.reconcileAfterMs + 15_000,
        interval: 1_000,
      })
      .toMatch(/^SM/);
    expect(twilio.sendRequests()).toHaveLength(1);
    expect(fake.sentMessages()).toHaveLength(1);
    expect((await conversationMessage(page, CONTACT, outboxId))?.sid).toBe(fake.sentMessages()[0]?.sid);
    expect(fake.requests).toContainEqual(
      expect.objectContaining({ method: 'GET', query: expect.objectContaining({ To: `whatsapp:${CONTACT}`, From: SENDER }) as unknown }),
    );
  });
});
