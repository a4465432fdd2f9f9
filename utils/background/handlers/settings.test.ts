import { createTestEngine, envelope, fromDealPage, fromOptionsPage, SETTINGS } from '@/tests/support/engine';
import { CHANNEL } from '@/utils/messaging/constants';

let setup: ReturnType<typeof createTestEngine>;
beforeEach(() => {
  setup = createTestEngine({ twilioClient: { fetch: () => Promise.reject(new TypeError('offline in tests')), sleep: () => Promise.resolve() } });
});
afterEach(() => setup.dispose());

const conversation = envelope('getConversation', { contact: '+46701234567' });

describe('the settings page’s requests', () => {
  it('opens the settings page for the panel, which cannot do it itself', async () => {
    expect(await setup.engine.handleMessage(envelope('openSettings', {}), fromDealPage)).toEqual({ ok: true, data: null });
    expect(setup.options.openSettingsPage).toHaveBeenCalledOnce();
  });

  it.each(['getSettings', 'saveSettings', 'testConnection'] as const)('refuses %s to the content script', async (type) => {
    const payload = type === 'getSettings' ? {} : SETTINGS;
    const response = await setup.engine.handleMessage({ channel: CHANNEL, type, payload }, fromDealPage);
    expect(response).toMatchObject({ ok: false, error: { code: 'refused' } });
  });
});

describe('secrets', () => {
  it('saves credentials but never returns the secret to any context', async () => {
    const saved = await setup.engine.handleMessage(envelope('saveSettings', SETTINGS), fromOptionsPage);
    expect(saved).toMatchObject({
      ok: true,
      data: { ok: true, settings: { hasApiKeySecret: true, hasPipedriveToken: true, whatsappSender: '+14155550100', defaultCountry: 'SE' } },
    });
    const responses = [
      saved,
      await setup.engine.handleMessage(envelope('getSettings', {}), fromOptionsPage),
      await setup.engine.handleMessage(conversation, fromDealPage),
      await setup.engine.handleMessage(envelope('getSyncStatus', {}), fromDealPage),
      await setup.engine.handleMessage(envelope('listTemplates', {}), fromDealPage),
    ];
    for (const response of responses) {
      expect(JSON.stringify(response)).not.toContain(SETTINGS.apiKeySecret);
      expect(JSON.stringify(response)).not.toContain(SETTINGS.pipedriveApiToken);
    }
  });

  it('keeps the saved secret when the form leaves it empty', async () => {
    await setup.engine.handleMessage(envelope('saveSettings', SETTINGS), fromOptionsPage);
    const again = await setup.engine.handleMessage(envelope('saveSettings', { ...SETTINGS, apiKeySecret: '', pipedriveApiToken: '' }), fromOptionsPage);
    expect(again).toMatchObject({ ok: true, data: { ok: true, settings: { hasApiKeySecret: true, hasPipedriveToken: true } } });
  });

  it('asks for the secret again when the account changes', async () => {
    await setup.engine.handleMessage(envelope('saveSettings', SETTINGS), fromOptionsPage);
    const other = await setup.engine.handleMessage(
      envelope('saveSettings', { ...SETTINGS, accountSid: `AC${'9'.repeat(32)}`, apiKeySecret: '' }),
      fromOptionsPage,
    );
    expect(other).toMatchObject({ ok: true, data: { ok: false, fieldErrors: { apiKeySecret: expect.any(String) as string } } });
  });

  it('says what is wrong with each field', async () => {
    const response = await setup.engine.handleMessage(
      envelope('saveSettings', { ...SETTINGS, accountSid: 'AC123', apiKeySid: 'XX', whatsappSender: '555', defaultCountry: 'ZZ' }),
      fromOptionsPage,
    );
    expect(response).toMatchObject({
      ok: true,
      data: { ok: false, fieldErrors: { accountSid: expect.stringContaining('AC') as string, apiKeySid: expect.any(String) as string, whatsappSender: expect.any(String) as string, defaultCountry: expect.any(String) as string } },
    });
  });

  it('refuses to send before Twilio is configured, saying where to fix it', async () => {
    const response = await setup.engine.handleMessage(envelope('sendText', { requestId: crypto.randomUUID(), to: '+46701234567', body: 'Hi' }), fromDealPage);
    expect(response).toMatchObject({ ok: false, error: { code: 'not-configured', message: expect.stringContaining('settings') as string } });
  });
});
