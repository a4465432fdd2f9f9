import type { Browser } from 'wxt/browser';
import { createTestEngine, envelope, EXTENSION_ID, fromDealPage, fromOptionsPage, SETTINGS } from '@/tests/support/engine';
import { CHANNEL } from '@/utils/messaging/contract';

let setup: ReturnType<typeof createTestEngine>;
beforeEach(() => {
  setup = createTestEngine({ twilioClient: { fetch: () => Promise.reject(new TypeError('offline in tests')), sleep: () => Promise.resolve() } });
});
afterEach(() => setup.dispose());

const conversation = envelope('getConversation', { contact: '+46701234567' });

describe('who may ask', () => {
  it.each<[string, Browser.runtime.MessageSender | undefined]>([
    ['another extension', { id: 'someone-else', url: 'chrome-extension://someone-else/page.html' }],
    ['a web page (no extension id)', { url: 'https://evil.example/', tab: fromDealPage.tab }],
    // What the CRM's own scripts would be, should the manifest ever let web pages message us.
    ['the deal page itself (no extension id)', { url: fromDealPage.url, tab: fromDealPage.tab, origin: 'https://acme.pipedrive.com' }],
    ['our content script on a page that is not a CRM', { id: EXTENSION_ID, url: 'https://evil.example/deal/1', tab: fromDealPage.tab }],
    ['a look-alike CRM host', { id: EXTENSION_ID, url: 'https://acme.pipedrive.com.evil.example/deal/1', tab: fromDealPage.tab }],
    ['nobody', undefined],
  ])('refuses %s', async (_, sender) => {
    const response = await setup.engine.handleMessage(conversation, sender);
    expect(response).toEqual({ ok: false, error: { code: 'refused', message: expect.any(String) as string } });
  });

  it('answers our content script on a CRM deal page', async () => {
    const response = await setup.engine.handleMessage(conversation, fromDealPage);
    expect(response).toMatchObject({ ok: true, data: { contact: '+46701234567', messages: [] } });
  });

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

describe('what may be asked', () => {
  it.each<[string, unknown]>([
    ['not an object', 'getSettings'],
    ['another channel', { channel: 'other', type: 'getConversation', payload: { contact: '+46701234567' } }],
    ['an unknown request', { channel: CHANNEL, type: 'readCredentials', payload: {} }],
    ['an inherited property name', { channel: CHANNEL, type: 'toString', payload: {} }],
    ['a forged extra field', { channel: CHANNEL, type: 'getConversation', payload: { contact: '+46701234567', accountSid: 'AC1' } }],
    ['a number that is not E.164', envelope('getConversation', { contact: '0701234567' })],
    ['a body over 1,600 characters', envelope('sendText', { requestId: crypto.randomUUID(), to: '+46701234567', body: 'x'.repeat(1601) })],
    ['an empty message', envelope('sendText', { requestId: crypto.randomUUID(), to: '+46701234567', body: '  ' })],
    ['a media link that is not https', envelope('sendText', { requestId: crypto.randomUUID(), to: '+46701234567', body: 'hi', mediaUrls: ['javascript:alert(1)'] })],
    ['a send without a request id', { channel: CHANNEL, type: 'sendText', payload: { to: '+46701234567', body: 'Hi' } }],
    ['a send whose request id is no UUID', envelope('sendTemplate', { requestId: 'send-1', to: '+46701234567', contentSid: `HX${'a'.repeat(32)}`, variables: {} })],
    ['a bad template sid', envelope('sendTemplate', { requestId: crypto.randomUUID(), to: '+46701234567', contentSid: 'HX1', variables: {} })],
    ['an over-long variable', envelope('sendTemplate', { requestId: crypto.randomUUID(), to: '+46701234567', contentSid: `HX${'a'.repeat(32)}`, variables: { 1: 'x'.repeat(256) } })],
  ])('refuses %s as invalid', async (_, message) => {
    const response = await setup.engine.handleMessage(message, fromDealPage);
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid' } });
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
