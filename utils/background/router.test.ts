import type { Browser } from 'wxt/browser';
import { envelope, EXTENSION_ID, EXTENSION_ORIGIN, fromDealPage, fromOptionsPage, SETTINGS } from '@/tests/support/engine';
import { isCrmPage } from '@/utils/crm/registry';
import { CHANNEL } from '@/utils/messaging/constants';
import type { RequestType } from '@/utils/messaging/contract';
import type { HandlerContext, Handlers, Origin } from './handlers';
import { RequestError } from './request-error';
import { createRequestRouter, type RequestRouter } from './router';
import { TwilioApiError } from './twilio/errors';

/** Every request the router hands on, with what it said about who asked. */
let handled: { type: RequestType; payload: unknown; origin: Origin }[];
/** What the next handler does. */
let handle: () => Promise<unknown>;
let route: RequestRouter;
/** Settles once the background may answer (the Twilio clock's offset is read). */
let ready: Promise<unknown>;
const context = { db: 'the context' } as unknown as HandlerContext;

beforeEach(() => {
  handled = [];
  handle = () => Promise.resolve('handled');
  ready = Promise.resolve();
  // Every request type's handler: records the call and does what `handle` says.
  const handlers = new Proxy({} as Handlers, {
    get: (_, type) => (given: HandlerContext, payload: unknown, origin: Origin) => {
      expect(given).toBe(context);
      handled.push({ type: type as RequestType, payload, origin });
      return handle();
    },
  });
  route = createRequestRouter({ policy: { extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN, isCrmPage }, handlers, context, ready: () => ready });
});

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
    const response = await route(conversation, sender);
    expect(response).toEqual({ ok: false, error: { code: 'refused', message: expect.any(String) as string } });
    expect(handled).toEqual([]);
  });

  it('answers our content script on a CRM deal page, telling its handler who asked', async () => {
    expect(await route(conversation, fromDealPage)).toEqual({ ok: true, data: 'handled' });
    expect(handled).toEqual([{ type: 'getConversation', payload: { contact: '+46701234567' }, origin: { kind: 'crm-page', url: fromDealPage.url } }]);
  });

  it('answers our own pages as extension pages', async () => {
    await route(envelope('getSettings', {}), fromOptionsPage);
    expect(handled).toEqual([expect.objectContaining({ type: 'getSettings', origin: { kind: 'extension-page', url: fromOptionsPage.url } })]);
  });

  it('takes the deal a top frame shows from its tab, which follows the app’s in-page navigation', async () => {
    const navigated = { ...fromDealPage, frameId: 0, tab: { ...fromDealPage.tab, url: 'https://acme.pipedrive.com/deal/43' } as Browser.tabs.Tab };
    await route(conversation, navigated);
    expect(handled[0]?.origin.url).toBe('https://acme.pipedrive.com/deal/43');
    // A frame inside the page is not the page: only its own address counts.
    await route(conversation, { ...navigated, frameId: 3 });
    expect(handled[1]?.origin.url).toBe(fromDealPage.url);
  });

  it.each(['getSettings', 'saveSettings', 'testConnection'] as const)('refuses %s to the content script', async (type) => {
    const payload = type === 'getSettings' ? {} : SETTINGS;
    const response = await route({ channel: CHANNEL, type, payload }, fromDealPage);
    expect(response).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(handled).toEqual([]);
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
    const response = await route(message, fromDealPage);
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(handled).toEqual([]);
  });
});


describe('what a handler’s failure becomes', () => {
  it('is the refusal it made, in its words', async () => {
    handle = () => Promise.reject(new RequestError('not-configured', 'Open the settings.'));
    expect(await route(conversation, fromDealPage)).toEqual({ ok: false, error: { code: 'not-configured', message: 'Open the settings.' } });
  });

  it('is a plain sentence for anything else, never the error’s own text', async () => {
    handle = () => Promise.reject(new TwilioApiError(503, null, 'upstream auth=secret', null));
    const response = await route(conversation, fromDealPage);
    expect(response).toEqual({ ok: false, error: { code: 'failed', message: expect.stringContaining('Twilio') as string } });
    expect(JSON.stringify(response)).not.toContain('secret');
  });
});

describe('start-up', () => {
  it('answers only once the background is ready', async () => {
    let becomeReady = () => {};
    ready = new Promise<void>((resolve) => (becomeReady = resolve));
    const answer = route(conversation, fromDealPage);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(handled).toEqual([]);
    becomeReady();
    expect(await answer).toEqual({ ok: true, data: 'handled' });
  });
});
