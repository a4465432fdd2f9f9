/**
 * Who can make the background act, and where the credentials are, in the production build in real
 * Chromium: a web page's own scripts, the content script sending what the panel never sends, and
 * another extension installed beside Dealchat. None of them gets an answer it should not, makes
 * Twilio do anything or changes the settings, and no credential is within the reach of a page or
 * of the content script.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import type { Browser } from 'wxt/browser';
import { DATABASE_NAME } from '../../utils/background/store/db';
import { CHANNEL, LIVE_PORT_NAME } from '../../utils/messaging/constants';
import type { RequestPayload, SettingsInput } from '../../utils/messaging/contract';
import { PANEL_CHANNEL } from '../../utils/messaging/panel-commands';
import type { ResponseEnvelope } from '../../utils/messaging/views';
import type { FakePipedrive } from '../fakes/pipedrive';
import type { InboundMessageInput } from '../fakes/twilio';
import { envelope, request, saveSettings } from './support/background';
import { launchExtension, type ExtensionBrowser } from './support/browser';
import { contentScriptWorld, type ContentScriptWorld } from './support/content-script';
import { panelTest, test } from './support/fixtures';
import { connectedSettings, PANEL_HOST, whatsAppPanel } from './support/panel';
import type { LocalPipedrive } from './support/pipedrive';
import type { LocalTwilio } from './support/twilio';

// The global of the contexts the probes below run in; they run there, not in Node.
declare const chrome: typeof Browser;

/** Anna's mobile as E.164: the deal page writes it the Swedish way, and Sweden is the default country. */
const ANNA = '+46701234567';
const PRICE_TEMPLATE = { friendlyName: 'price_ready', body: 'Hi {{1}}, the price is ready.', variables: { '1': 'John' } };
/** An API key the account does not have: a Twilio request made with it is one the test forged. */
const FORGED_KEY_SID = `SK${'f'.repeat(32)}`;
/** What a deal page offers when it shows nothing the panel could read. */
const BLANK_PAGE: RequestPayload<'getDealContext'>['page'] = { title: null, personName: null, organizationName: null, rawPhones: [] };

function seedDeals(fake: FakePipedrive) {
  const anna = fake.addPerson({ name: 'Anna Svensson', phones: [{ value: '070-123 45 67', label: 'mobile', primary: true }] });
  const jonas = fake.addPerson({ name: 'Jonas Berg', phones: [{ value: '+46 70 987 65 43', label: 'mobile' }] });
  return { annasDeal: fake.addDeal({ title: 'Acme expansion', personId: anna }), jonasDeal: fake.addDeal({ title: 'Globex renewal', personId: jonas }) };
}

interface DealPageFixtures {
  twilio: LocalTwilio;
  pipedrive: LocalPipedrive;
  extension: ExtensionBrowser;
  openDeal: (dealId: number) => Promise<Page>;
}

/**
 * Where the tests on a deal page start: Anna has written, so her window is open and a send to her
 * would reach Twilio; the rep is connected; her deal is open with the panel showing her message.
 */
async function openAnnasDeal(
  { twilio, pipedrive, extension, openDeal }: DealPageFixtures,
  connect: () => Promise<void>,
  inbound: Omit<InboundMessageInput, 'from'> & { body: string },
) {
  const deals = seedDeals(pipedrive.fake);
  const message = twilio.fake.receiveInbound({ from: ANNA, ...inbound });
  await connect();
  const page = await openDeal(deals.annasDeal);
  await whatsAppPanel(page).thread.getByText(inbound.body).waitFor();
  return { ...deals, page, message, world: await contentScriptWorld(page, extension.extensionId) };
}

/** Every credential the rep could have saved, whichever way Twilio was set up. */
function credentials(twilio: LocalTwilio, pipedrive?: LocalPipedrive): string[] {
  return [twilio.fake.apiKeySecret, twilio.fake.authToken, ...(pipedrive ? [pipedrive.fake.apiToken] : [])];
}

function expectNoCredential(found: unknown, secrets: readonly string[], where: string): void {
  const text = JSON.stringify(found);
  for (const secret of secrets) expect(text, `${where} holds a credential`).not.toContain(secret);
}

/** Settings an attacker would like saved or tested: their own key, their own sender. */
function forgedSettings(twilio: LocalTwilio): SettingsInput {
  return { ...twilio.settings, apiKeySid: FORGED_KEY_SID, apiKeySecret: 'forged-api-key-secret', whatsappSender: '+15005550006', defaultCountry: 'US' };
}

/** Everything a stranger would most like the background or the panel to do. */
function strangersRequests(twilio: LocalTwilio, contentSid: string): unknown[] {
  return [
    envelope('getSettings', {}),
    envelope('saveSettings', forgedSettings(twilio)),
    envelope('testConnection', forgedSettings(twilio)),
    envelope('sendText', { requestId: crypto.randomUUID(), to: ANNA, body: 'Forged by a stranger.' }),
    envelope('sendTemplate', { requestId: crypto.randomUUID(), to: ANNA, contentSid, variables: { '1': 'Anna' } }),
    { channel: PANEL_CHANNEL, type: 'openTemplate', contentSid },
  ];
}

/** Every request of `strangersRequests`, by every means the extension API has, to Dealchat's id. */
function strangersProbe(extension: ExtensionBrowser, twilio: LocalTwilio, contentSid: string): ReachProbe {
  return {
    extensionId: extension.extensionId,
    messages: strangersRequests(twilio, contentSid),
    portName: LIVE_PORT_NAME,
    portMessage: { type: 'watch', contacts: [ANNA] },
  };
}

/** What Twilio was asked that the saved API key's own reads do not explain. */
function unexplainedTwilioRequests(twilio: LocalTwilio) {
  return twilio.fake.requests.filter((sent) => sent.method !== 'GET' || sent.authUsername !== twilio.fake.apiKeySid);
}

interface Attempt {
  /** What came back: an answer to a message, or the events a port delivered. */
  answer: unknown;
  /** Why it failed; null when nothing stopped it. */
  error: string | null;
}

interface ReachProbe {
  extensionId: string;
  messages: unknown[];
  portName: string;
  portMessage: unknown;
}

/**
 * Runs in the context under test (a web page, another extension): every way the extension API
 * offers of talking to Dealchat's background, by its id. Sent as source, so self-contained.
 */
async function tryToReach({ extensionId, messages, portName, portMessage }: ReachProbe): Promise<{ messages: Attempt[]; port: Attempt }> {
  const runtime = (globalThis as { chrome?: { runtime?: Partial<typeof chrome.runtime> } }).chrome?.runtime;
  const sent: Attempt[] = [];
  for (const message of messages) {
    if (runtime?.sendMessage === undefined) {
      sent.push({ answer: null, error: 'chrome.runtime.sendMessage does not exist here' });
      continue;
    }
    try {
      const answer: unknown = await runtime.sendMessage(extensionId, message);
      sent.push({ answer: answer ?? null, error: null });
    } catch (error) {
      sent.push({ answer: null, error: String(error) });
    }
  }
  if (runtime?.connect === undefined) return { messages: sent, port: { answer: null, error: 'chrome.runtime.connect does not exist here' } };
  let port: Browser.runtime.Port;
  try {
    port = runtime.connect(extensionId, { name: portName });
  } catch (error) {
    return { messages: sent, port: { answer: null, error: String(error) } };
  }
  const events: unknown[] = [];
  port.onMessage.addListener((event: unknown) => {
    events.push(event);
  });
  // A port nobody takes is closed at once; one still open after a few seconds was taken.
  const closed = new Promise<string | null>((resolve) => {
    port.onDisconnect.addListener(() => resolve(runtime.lastError?.message ?? 'disconnected'));
    setTimeout(() => resolve(null), 3_000);
  });
  try {
    port.postMessage(portMessage);
  } catch {
    // Already closed: `closed` says so.
  }
  return { messages: sent, port: { answer: events.length > 0 ? events : null, error: await closed } };
}

function expectNothingReached(outcome: { messages: Attempt[]; port: Attempt }, where: string): void {
  const failed = { answer: null, error: expect.any(String) as string };
  expect(outcome, `${where} reached the background`).toEqual({ messages: outcome.messages.map(() => failed), port: failed });
}

/** The settings as the options page reads them; a change made behind its back shows here. */
function savedSettings(optionsPage: Page) {
  return request(optionsPage, 'getSettings', {});
}

/** A request from the content script's world, exactly as given, and the background's answer. */
function askAsContentScript(world: ContentScriptWorld, message: unknown): Promise<ResponseEnvelope> {
  return world.evaluate((sent) => chrome.runtime.sendMessage<unknown, ResponseEnvelope>(sent), message);
}

describe('a web page', () => {
  // The account's own token here, which the other suites leave unused.
  panelTest.override('twilioOptions', { authToken: '0123456789abcdef0123456789abcdef' });

  panelTest('a deal page’s own scripts cannot reach the background, forge what the panel listens to, or find a credential', async ({
    twilio,
    pipedrive,
    extension,
    optionsPage,
    openDeal,
  }) => {
    const template = twilio.fake.addTemplate(PRICE_TEMPLATE);
    const connectWithToken = () =>
      saveSettings(optionsPage, { ...connectedSettings(twilio, pipedrive), authMethod: 'authToken', apiKeySid: '', apiKeySecret: '', authToken: twilio.fake.authToken });
    const { page, world } = await openAnnasDeal({ twilio, pipedrive, extension, openDeal }, connectWithToken, { body: 'Can you text me the price?' });
    const settings = await savedSettings(optionsPage);
    const panel = whatsAppPanel(page);
    await panel.message.fill('It is 1,200 SEK.');
    await panel.send.click();
    await expect.poll(() => twilio.sendRequests().length).toBe(1);
    // Sent with the account's own token: that is the credential in use.
    expect(twilio.sendRequests()[0]?.authUsername).toBe(twilio.fake.accountSid);
    await panel.thread.getByText('It is 1,200 SEK.').waitFor();

    const probe = strangersProbe(extension, twilio, template.sid);
    expectNothingReached(await page.evaluate(tryToReach, probe), 'the deal page');

    // Everywhere a content script could be listening for the page: window messages, and events on
    // the window, the document and the panel's own host and shadow root.
    await page.evaluate(
      ({ messages, eventTypes, hostTag }) => {
        const host = document.querySelector(hostTag);
        const targets: EventTarget[] = [window, document, ...(host ? [host] : []), ...(host?.shadowRoot ? [host.shadowRoot] : [])];
        for (const message of messages) {
          window.postMessage(message, '*');
          for (const target of targets) {
            for (const type of eventTypes) target.dispatchEvent(new CustomEvent(type, { detail: message, bubbles: true, composed: true }));
          }
        }
      },
      { messages: probe.messages, eventTypes: ['message', CHANNEL, PANEL_CHANNEL, LIVE_PORT_NAME], hostTag: PANEL_HOST },
    );
    // Two round trips through the content script and the background: longer than anything the
    // forged events could have set off, had something taken them.
    for (let trip = 0; trip < 2; trip += 1) expect(await askAsContentScript(world, envelope('listTemplates', {}))).toMatchObject({ ok: true });

    expect(await panel.region.getByRole('textbox', { name: '{{1}}', exact: true }).count()).toBe(0);
    expect(twilio.sendRequests()).toHaveLength(1);
    expect(await savedSettings(optionsPage)).toEqual(settings);

    const contents = await page.evaluate(() => {
      const found: string[] = [document.cookie, JSON.stringify(Object.entries(localStorage)), JSON.stringify(Object.entries(sessionStorage))];
      found.push(...performance.getEntriesByType('resource').map((entry) => entry.name));
      const visit = (root: Document | ShadowRoot) => {
        found.push(root instanceof Document ? root.documentElement.outerHTML : root.innerHTML);
        for (const element of root.querySelectorAll('*')) {
          if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) found.push(element.value);
          if (element.shadowRoot) visit(element.shadowRoot);
        }
      };
      visit(document);
      return found.join('\n');
    });
    // The panel's shadow root was read: the rep's message is in it.
    expect(contents).toContain('It is 1,200 SEK.');
    expectNoCredential(contents, credentials(twilio, pipedrive), 'the deal page');
  });

  test('a page outside the CRM cannot reach the extension either', async ({ extension, connectedPage, twilio }) => {
    const template = twilio.fake.addTemplate(PRICE_TEMPLATE);
    const settings = await savedSettings(connectedPage);
    const shop = 'https://shop.example/';
    await extension.context.route(`${shop}**`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Shop</title><h1>Spring sale</h1>' }),
    );
    const page = await extension.context.newPage();
    await page.goto(shop);

    expectNothingReached(await page.evaluate(tryToReach, strangersProbe(extension, twilio, template.sid)), 'a page outside the CRM');
    expect(unexplainedTwilioRequests(twilio)).toEqual([]);
    expect(await savedSettings(connectedPage)).toEqual(settings);
  });
});

describe('the content script', () => {
  panelTest('is refused what only the extension’s pages may ask, forged fields and another deal’s details; nothing is sent or saved', async ({
    twilio,
    pipedrive,
    extension,
    optionsPage,
    connect,
    openDeal,
  }) => {
    const template = twilio.fake.addTemplate(PRICE_TEMPLATE);
    const { jonasDeal, world } = await openAnnasDeal({ twilio, pipedrive, extension, openDeal }, connect, { body: 'Send me the price, please.' });
    const settings = await savedSettings(optionsPage);
    // The world speaks for the content script: what the panel asks is answered.
    expect(await askAsContentScript(world, envelope('getConversation', { contact: ANNA }))).toMatchObject({ ok: true, data: { contact: ANNA } });

    const optionsUrl = extension.url('options.html');
    const asOptionsPage = { id: extension.extensionId, url: optionsUrl, origin: new URL(optionsUrl).origin };
    // Built from JSON: in an object literal `__proto__` would set the prototype, not a key.
    const polluting = (json: string): unknown => JSON.parse(json.replaceAll('POLLUTION', '{"dealchatPolluted":"yes"}'));
    const cases: [string, unknown, 'refused' | 'invalid'][] = [
      ['the settings', envelope('getSettings', {}), 'refused'],
      ['saving settings', envelope('saveSettings', forgedSettings(twilio)), 'refused'],
      ['testing credentials', envelope('testConnection', forgedSettings(twilio)), 'refused'],
      ['another deal’s details', envelope('getDealContext', { dealId: String(jonasDeal), page: BLANK_PAGE }), 'refused'],
      ['the settings, claiming to be the options page', { ...envelope('getSettings', {}), sender: asOptionsPage }, 'invalid'],
      ['the settings, with an origin and a URL of the options page', { ...envelope('getSettings', {}), ...asOptionsPage }, 'invalid'],
      ['saving settings with a sender inside', envelope('saveSettings', { ...forgedSettings(twilio), sender: asOptionsPage } as SettingsInput), 'invalid'],
      ['a send from another number', envelope('sendText', { requestId: crypto.randomUUID(), to: ANNA, body: 'Hi', from: 'whatsapp:+15005550006' } as RequestPayload<'sendText'>), 'invalid'],
      ['a send on another account', envelope('sendText', { requestId: crypto.randomUUID(), to: ANNA, body: 'Hi', accountSid: `AC${'9'.repeat(32)}` } as RequestPayload<'sendText'>), 'invalid'],
      ['a body over 1,600 characters', envelope('sendText', { requestId: crypto.randomUUID(), to: ANNA, body: 'x'.repeat(1_601) }), 'invalid'],
      ['eleven media links', envelope('sendText', { requestId: crypto.randomUUID(), to: ANNA, body: 'Hi', mediaUrls: Array.from({ length: 11 }, (_, n) => `https://cdn.example/${n}.jpg`) }), 'invalid'],
      ['a media link that is not https', envelope('sendText', { requestId: crypto.randomUUID(), to: ANNA, body: 'Hi', mediaUrls: ['http://cdn.example/a.jpg'] }), 'invalid'],
      ['a megabyte contact', envelope('getConversation', { contact: `+46${'7'.repeat(1_000_000)}` }), 'invalid'],
      ['an over-long variable', envelope('sendTemplate', { requestId: crypto.randomUUID(), to: ANNA, contentSid: template.sid, variables: { '1': 'x'.repeat(256) } }), 'invalid'],
      ['a variable named __proto__', polluting(`{"channel":"${CHANNEL}","type":"sendTemplate","payload":{"requestId":"${crypto.randomUUID()}","to":"${ANNA}","contentSid":"${template.sid}","variables":{"__proto__":POLLUTION}}}`), 'invalid'],
      ['a payload with its own __proto__', polluting(`{"channel":"${CHANNEL}","type":"sendText","payload":{"requestId":"${crypto.randomUUID()}","to":"${ANNA}","body":"Hi","__proto__":POLLUTION}}`), 'invalid'],
      ['an envelope with its own __proto__', polluting(`{"channel":"${CHANNEL}","type":"listTemplates","payload":{},"__proto__":POLLUTION}`), 'invalid'],
      ['a payload with a constructor', polluting(`{"channel":"${CHANNEL}","type":"getSyncStatus","payload":{"constructor":{"prototype":POLLUTION}}}`), 'invalid'],
      ['a request named __proto__', polluting(`{"channel":"${CHANNEL}","type":"__proto__","payload":POLLUTION}`), 'invalid'],
      ['a request named after an Object method', { channel: CHANNEL, type: 'hasOwnProperty', payload: {} }, 'invalid'],
      ['another channel', { ...envelope('getSettings', {}), channel: 'dealchat/v0' }, 'invalid'],
      ['a bare request name', 'getSettings', 'invalid'],
    ];
    for (const [what, message, code] of cases) {
      expect(await askAsContentScript(world, message), what).toEqual({ ok: false, error: { code, message: expect.any(String) as string } });
    }

    expect(unexplainedTwilioRequests(twilio)).toEqual([]);
    expect(await savedSettings(optionsPage)).toEqual(settings);
    expect(await extension.backgroundScope.evaluate(() => 'dealchatPolluted' in {})).toBe(false);
  });

  panelTest('its live port takes only the live channel’s own messages: anything else changes nothing that is polled or sent', async ({
    twilio,
    pipedrive,
    extension,
    connect,
    openDeal,
  }) => {
    const { world } = await openAnnasDeal({ twilio, pipedrive, extension, openDeal }, connect, { body: 'Call me later.' });

    // Each forged message names contacts nobody watches, so that taking it would get them polled.
    const stranger = (n: number) => `+4670555${String(n).padStart(4, '0')}`;
    const marker = '+46705559999';
    const ports: { name: string; message: unknown }[] = [
      { name: 'dealchat/other', message: { type: 'watch', contacts: [stranger(1)] } },
      { name: '', message: { type: 'watch', contacts: [stranger(2)] } },
      { name: LIVE_PORT_NAME, message: { type: 'watch', contacts: [stranger(3)], all: true } },
      { name: LIVE_PORT_NAME, message: { type: 'watch', contacts: Array.from({ length: 21 }, (_, n) => stranger(10 + n)) } },
      { name: LIVE_PORT_NAME, message: JSON.parse(`{"type":"watch","contacts":["${stranger(4)}"],"__proto__":{"type":"watch"}}`) as unknown },
      { name: LIVE_PORT_NAME, message: { type: 'WATCH', contacts: [stranger(5)] } },
      { name: LIVE_PORT_NAME, message: { type: 'watch', contacts: stranger(6) } },
      { name: LIVE_PORT_NAME, message: envelope('sendText', { requestId: crypto.randomUUID(), to: ANNA, body: 'Sent over the live port.' }) },
      // Taken: once Twilio is asked about it, every message posted before it has been handled.
      { name: LIVE_PORT_NAME, message: { type: 'watch', contacts: [marker] } },
    ];
    await world.evaluate((opened) => {
      const held = opened.map(({ name, message }) => {
        const port = chrome.runtime.connect({ name });
        const state = { disconnected: false, events: [] as unknown[] };
        port.onMessage.addListener((event: unknown) => {
          state.events.push(event);
        });
        port.onDisconnect.addListener(() => {
          state.disconnected = true;
        });
        port.postMessage(message);
        return state;
      });
      (globalThis as { heldPorts?: unknown }).heldPorts = held;
    }, ports);

    const asked = (contact: string) => twilio.fake.requests.filter((sent) => sent.query.From === `whatsapp:${contact}`).length;
    // Two rounds of polling, so that the marker's round began after all of them were handled.
    await expect.poll(() => asked(marker), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    const strangers = twilio.fake.requests.filter((sent) => JSON.stringify(sent.query).includes('+4670555') && !JSON.stringify(sent.query).includes(marker));
    expect(strangers).toEqual([]);
    expect(twilio.sendRequests()).toEqual([]);

    const held = await world.evaluate(() => (globalThis as { heldPorts?: { disconnected: boolean; events: unknown[] }[] }).heldPorts ?? [], null);
    const misnamed = held.filter((_, index) => ports[index]?.name !== LIVE_PORT_NAME);
    expect(misnamed.map((port) => port.disconnected)).toEqual([true, true]);
    expectNoCredential(held, credentials(twilio, pipedrive), 'the live events');
  });

  panelTest('no credential is within its reach: not in its storage, nor in any answer it may get', async ({
    twilio,
    pipedrive,
    extension,
    optionsPage,
    connect,
    openDeal,
  }) => {
    const template = twilio.fake.addTemplate(PRICE_TEMPLATE);
    const photo = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const { annasDeal, message: withPhoto, world } = await openAnnasDeal({ twilio, pipedrive, extension, openDeal }, connect, {
      body: 'Here is the floor plan.',
      media: [{ contentType: 'image/png', bytes: photo }],
    });
    const secrets = credentials(twilio, pipedrive);

    const stores = await world.evaluate(async () => {
      // Without the "storage" permission the namespace does not exist in content scripts.
      const storage = (chrome as { storage?: typeof chrome.storage }).storage;
      return {
        storage: storage === undefined ? null : { ...(await storage.local.get(null)), ...(await storage.sync.get(null)) },
        databases: (await indexedDB.databases()).map((database) => database.name),
        localStorage: Object.entries(localStorage),
        sessionStorage: Object.entries(sessionStorage),
      };
    }, null);
    expect(stores.storage ?? {}).toEqual({});
    expect(stores.databases).not.toContain(DATABASE_NAME);
    // Where the extension's own pages do find it: the content script looked in the right place.
    expect(await optionsPage.evaluate(async () => (await indexedDB.databases()).map((database) => database.name))).toContain(DATABASE_NAME);
    expectNoCredential(stores, secrets, 'the content script’s storage');

    const allowed = [
      envelope('getConversation', { contact: ANNA }),
      envelope('getDealContext', { dealId: String(annasDeal), page: BLANK_PAGE }),
      envelope('listTemplates', {}),
      envelope('getVariableMappings', {}),
      envelope('saveVariableMapping', { contentSid: template.sid, mapping: { '1': 'person.firstName' } }),
      envelope('getMedia', { messageSid: withPhoto.sid }),
      envelope('sendText', { requestId: crypto.randomUUID(), to: ANNA, body: 'Thanks, got it.' }),
      envelope('sendTemplate', { requestId: crypto.randomUUID(), to: ANNA, contentSid: template.sid, variables: { '1': 'Anna' } }),
      envelope('syncNow', { what: 'all' }),
      envelope('getSyncStatus', {}),
      envelope('openSettings', {}),
    ];
    const answers: unknown[] = [];
    for (const message of allowed) {
      const answer = await askAsContentScript(world, message);
      expect(answer, message.type).toMatchObject({ ok: true });
      answers.push(answer);
    }
    expect(answers).toContainEqual({ ok: true, data: [expect.objectContaining({ dataUrl: expect.stringMatching(/^data:image\/png/) as string })] });

    // Error texts too: Twilio refusing the key, and a retry of nothing.
    twilio.fake.failNext(4, { status: 401, code: 20003, message: 'Authenticate' });
    const refusedSync = await askAsContentScript(world, envelope('syncNow', { what: 'messages' }));
    expect(refusedSync).toMatchObject({ ok: true, data: { messagesError: expect.any(String) as string } });
    answers.push(refusedSync, await askAsContentScript(world, envelope('retrySend', { outboxId: 'no-such-message' })));
    for (const message of strangersRequests(twilio, template.sid)) answers.push(await askAsContentScript(world, message));
    expectNoCredential(answers, secrets, 'the answers to the content script');
  });
});

describe('another extension', () => {
  test('installed beside Dealchat, it gets no answer and no connection from the background', async ({ twilio }) => {
    const otherDir = await mkdtemp(join(tmpdir(), 'dealchat-other-extension-'));
    const worker = 'other-worker.js';
    await writeFile(
      join(otherDir, 'manifest.json'),
      JSON.stringify({ manifest_version: 3, name: 'Another extension', version: '1.0', background: { service_worker: worker } }),
    );
    await writeFile(join(otherDir, worker), '// Driven by the test, through Playwright.\n');
    await writeFile(join(otherDir, 'page.html'), '<!doctype html><title>Another extension</title>');
    const extension = await launchExtension({ hostMap: twilio.hostMap, otherExtensions: [otherDir] });
    try {
      const optionsPage = await extension.openPage('options.html');
      await saveSettings(optionsPage, twilio.settings);
      const template = twilio.fake.addTemplate(PRICE_TEMPLATE);
      twilio.fake.receiveInbound({ from: ANNA, body: 'Hi!' });
      await request(optionsPage, 'syncNow', { what: 'all' });
      const settings = await savedSettings(optionsPage);

      const isOther = (url: string) => url.startsWith('chrome-extension://') && url.endsWith(`/${worker}`);
      const otherWorker =
        extension.context.serviceWorkers().find((candidate) => isOther(candidate.url())) ??
        (await extension.context.waitForEvent('serviceworker', { predicate: (candidate) => isOther(candidate.url()) }));
      const otherPage = await extension.context.newPage();
      await otherPage.goto(`chrome-extension://${new URL(otherWorker.url()).host}/page.html`);

      const probe = strangersProbe(extension, twilio, template.sid);
      expectNothingReached(await otherWorker.evaluate(tryToReach, probe), 'the other extension’s worker');
      expectNothingReached(await otherPage.evaluate(tryToReach, probe), 'the other extension’s page');
      expect(unexplainedTwilioRequests(twilio)).toEqual([]);
      expect(await savedSettings(optionsPage)).toEqual(settings);
    } finally {
      await extension.close();
      await rm(otherDir, { recursive: true, force: true });
    }
  });
});
