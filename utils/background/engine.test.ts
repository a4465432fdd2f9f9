import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { connectToTwilio, createTestEngine, envelope, EXTENSION_ID, fromDealPage } from '@/tests/support/engine';
import { CONTACT, setUpTwilioHarness } from '@/tests/support/twilio';
import { LIVE_PORT_NAME } from '@/utils/messaging/constants';
import type { ConversationView, LiveEvent, ResponseEnvelope } from '@/utils/messaging/views';
import { Engine } from './engine';
import { ALARMS, SCHEDULE } from './schedule';
import { upsertTwilioMessages } from './store/messages';
import { clockOffsetSlot } from './sync/sync-state';

const h = setUpTwilioHarness();
let setup: ReturnType<typeof createTestEngine>;

beforeEach(async () => {
  setup = createTestEngine({ now: () => h.clock.now, twilioClient: { sleep: () => Promise.resolve() } });
  await connectToTwilio(setup.engine, h.fake);
});
afterEach(() => setup.dispose());

async function ask(message: unknown, sender = fromDealPage): Promise<unknown> {
  const response: ResponseEnvelope = await setup.engine.handleMessage(message, sender);
  if (!response.ok) throw new Error(`${response.error.code}: ${response.error.message}`);
  return response.data;
}

function postsToMessages() {
  return h.fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/Messages.json'));
}

/** Reads of one message, and lists of what our sender sent: the requests that bring delivery statuses. */
function statusRequests() {
  return h.fake.requests.filter(
    (r) => r.method === 'GET' && (/\/Messages\/SM[0-9a-f]+\.json$/.test(r.path) || (r.path.endsWith('/Messages.json') && r.query.From === 'whatsapp:+14155238886')),
  );
}

/** A text to CONTACT through the outbox, as the panel sends it; returns its sid at Twilio. */
async function sendToContact(): Promise<string> {
  h.fake.receiveInbound({ from: CONTACT, body: 'Can you send the quote?' });
  await ask(envelope('syncNow', { what: 'messages' }));
  await ask(envelope('sendText', { requestId: crypto.randomUUID(), to: CONTACT, body: 'Here it is.' }));
  await setup.engine.idle();
  const sent = h.fake.sentMessages().at(-1);
  if (!sent) throw new Error('The text did not reach Twilio.');
  return sent.sid;
}

it('answers our content script on a CRM deal page', async () => {
  const response = await setup.engine.handleMessage(envelope('getConversation', { contact: CONTACT }), fromDealPage);
  expect(response).toMatchObject({ ok: true, data: { contact: CONTACT, messages: [] } });
});

describe('free-form messages', () => {
  it('sends inside the window with the right From, To and Body, and shows it in the thread', async () => {
    h.fake.receiveInbound({ from: CONTACT, body: 'Is the offer still valid?' });
    await ask(envelope('syncNow', {}));
    expect(await ask(envelope('getConversation', { contact: CONTACT }))).toMatchObject({
      window: { open: true, reason: 'open' },
      messages: [{ direction: 'inbound', body: 'Is the offer still valid?', state: 'received' }],
    });

    h.clock.now += 30_000;
    await ask(envelope('sendText', { requestId: crypto.randomUUID(), to: CONTACT, body: 'Yes, until Friday!' }));
    await setup.engine.idle();

    expect(postsToMessages().map((r) => r.form)).toEqual([
      expect.objectContaining({ From: 'whatsapp:+14155238886', To: `whatsapp:${CONTACT}`, Body: 'Yes, until Friday!' }),
    ]);
    const conversation = await ask(envelope('getConversation', { contact: CONTACT }));
    expect(conversation).toMatchObject({
      messages: [{ direction: 'inbound' }, { direction: 'outbound', body: 'Yes, until Friday!', state: 'queued', sid: expect.stringMatching(/^SM/) as string }],
    });
  });

  it('refuses a free-form message outside the window and sends nothing', async () => {
    const response = await setup.engine.handleMessage(envelope('sendText', { requestId: crypto.randomUUID(), to: CONTACT, body: 'Hello?' }), fromDealPage);
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('24-hour') as string } });
    await setup.engine.idle();
    expect(postsToMessages()).toHaveLength(0);
  });
});

describe('inbound media', () => {
  it('is counted in the thread and handed to the page as a data URL, fetched with the credentials', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const inbound = h.fake.receiveInbound({ from: CONTACT, body: 'Photo of the site', media: [{ contentType: 'image/png', bytes: png }] });
    await ask(envelope('syncNow', { what: 'messages' }));
    expect(await ask(envelope('getConversation', { contact: CONTACT }))).toMatchObject({ messages: [{ sid: inbound.sid, mediaCount: 1 }] });
    const media = (await ask(envelope('getMedia', { messageSid: inbound.sid }))) as { contentType: string; dataUrl: string }[];
    expect(media).toEqual([expect.objectContaining({ contentType: 'image/png', dataUrl: `data:image/png;base64,${btoa(String.fromCharCode(...png))}` })]);
  });

  it('refuses media of a message that is not in the store', async () => {
    const response = await setup.engine.handleMessage(envelope('getMedia', { messageSid: `MM${'0'.repeat(32)}` }), fromDealPage);
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });
});

describe('templates', () => {
  it('sends an approved template with ContentSid and the filled ContentVariables, outside the window', async () => {
    const template = h.fake.addTemplate({ friendlyName: 'follow_up', body: 'Hi {{1}}, about {{2}}: shall we talk?' });
    await ask(envelope('syncNow', { what: 'templates' }));
    const sid = template.sid;
    await ask(envelope('sendTemplate', { requestId: crypto.randomUUID(), to: CONTACT, contentSid: sid, variables: { 1: 'Anna', 2: 'Order 42' } }));
    await setup.engine.idle();
    expect(postsToMessages()[0]?.form).toMatchObject({ ContentSid: sid, ContentVariables: '{"1":"Anna","2":"Order 42"}' });
    expect(await ask(envelope('getConversation', { contact: CONTACT }))).toMatchObject({
      messages: [{ body: 'Hi Anna, about Order 42: shall we talk?', templateName: 'follow_up' }],
    });
  });

  it.each([
    ['an empty variable', { 1: '  ', 2: 'x' }, /Fill in \{\{1\}\}/],
    ['a variable the template lacks', { 1: 'a', 2: 'b', 3: 'c' }, /no variable \{\{3\}\}/],
  ])('refuses %s before anything is sent', async (_, variables, message) => {
    const template = h.fake.addTemplate({ body: 'Hi {{1}}, about {{2}}.' });
    await ask(envelope('syncNow', { what: 'templates' }));
    const response = await setup.engine.handleMessage(envelope('sendTemplate', { requestId: crypto.randomUUID(), to: CONTACT, contentSid: template.sid, variables }), fromDealPage);
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringMatching(message) as string } });
    expect(postsToMessages()).toHaveLength(0);
  });

  it('refuses a template WhatsApp has not approved', async () => {
    const template = h.fake.addTemplate({ friendlyName: 'promo' });
    h.fake.setTemplateApproval(template.sid, { status: 'rejected', rejection_reason: 'Promotional content in utility' });
    await ask(envelope('syncNow', { what: 'templates' }));
    expect(await ask(envelope('listTemplates', {}))).toMatchObject([{ approvalStatus: 'rejected', rejectionReason: 'Promotional content in utility' }]);
    const response = await setup.engine.handleMessage(envelope('sendTemplate', { requestId: crypto.randomUUID(), to: CONTACT, contentSid: template.sid, variables: { 1: 'x' } }), fromDealPage);
    expect(response).toMatchObject({ ok: false, error: { message: expect.stringContaining('not approved') as string } });
  });
});

describe('live updates', () => {
  function fakePort(sender: Browser.runtime.MessageSender) {
    const listeners = { message: [] as ((m: unknown) => void)[], disconnect: [] as (() => void)[] };
    const events: LiveEvent[] = [];
    const port = {
      name: LIVE_PORT_NAME,
      sender,
      postMessage: (event: LiveEvent) => events.push(event),
      disconnect: vi.fn(),
      onMessage: { addListener: (listener: (m: unknown) => void) => listeners.message.push(listener) },
      onDisconnect: { addListener: (listener: () => void) => listeners.disconnect.push(listener) },
    } as unknown as Browser.runtime.Port;
    return { port, events, send: (m: unknown) => listeners.message.forEach((l) => l(m)), close: () => listeners.disconnect.forEach((l) => l()) };
  }

  it('tells an open panel when its conversation changes, and polls its contact while it is open', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const panel = fakePort(fromDealPage);
      setup.engine.onConnect(panel.port);
      panel.send({ type: 'watch', contacts: [CONTACT] });
      h.fake.receiveInbound({ from: CONTACT, body: 'Reply!' });
      await vi.advanceTimersByTimeAsync(0);
      await setup.engine.idle();
      expect(panel.events).toContainEqual({ type: 'conversation-changed', contact: CONTACT });
      const listsWhileOpen = h.fake.requests.length;
      await vi.advanceTimersByTimeAsync(4_000);
      await setup.engine.idle();
      expect(h.fake.requests.length).toBeGreaterThan(listsWhileOpen);

      panel.close();
      await vi.advanceTimersByTimeAsync(4_000);
      await setup.engine.idle();
      const afterClose = h.fake.requests.length;
      await vi.advanceTimersByTimeAsync(20_000);
      expect(h.fake.requests.length).toBe(afterClose);
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows a watched contact’s ticks within a poll, and reads an old undelivered message once per background period, not every poll', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const now = h.clock.now;
      h.clock.now -= 3 * 24 * 3_600_000;
      const old = await h.client().sendMessage({ to: CONTACT, sender: { from: '+14155238886' }, content: { kind: 'text', body: 'Still there?' } });
      await upsertTwilioMessages(setup.db, [old], '+14155238886');
      h.fake.setMessageStatus(old.sid, 'sent');
      h.clock.now = now;
      const sid = await sendToContact();

      const panel = fakePort(fromDealPage);
      setup.engine.onConnect(panel.port);
      panel.send({ type: 'watch', contacts: [CONTACT] });
      const poll = async () => {
        h.clock.now += SCHEDULE.fastPollMs;
        await vi.advanceTimersByTimeAsync(SCHEDULE.fastPollMs);
        await setup.engine.idle();
      };
      await poll();
      h.fake.setMessageStatus(sid, 'delivered');
      await poll();
      expect(await ask(envelope('getConversation', { contact: CONTACT }))).toMatchObject({ messages: expect.arrayContaining([expect.objectContaining({ sid, state: 'delivered' })]) as unknown });

      const readsOfOld = () => h.fake.requests.filter((r) => r.path.endsWith(`/Messages/${old.sid}.json`)).length;
      const before = readsOfOld();
      for (let elapsed = 0; elapsed < 10 * 60_000; elapsed += SCHEDULE.fastPollMs) await poll();
      expect(readsOfOld() - before).toBe(5);
      panel.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses ports from other extensions and ignores malformed messages', () => {
    const foreign = fakePort({ id: 'other-extension', url: 'chrome-extension://other-extension/x.html' });
    setup.engine.onConnect(foreign.port);
    expect(foreign.port.disconnect).toHaveBeenCalled();
    const ours = fakePort({ id: EXTENSION_ID, url: fromDealPage.url, tab: fromDealPage.tab });
    setup.engine.onConnect(ours.port);
    ours.send({ type: 'watch', contacts: ['not a number'] });
    expect(setup.engine.hub.watchedContacts().size).toBe(0);
  });
});

describe('delivery statuses with no panel open', () => {
  it('cost a message to a phone that stays offline 9 requests in its first hour, and still arrive', async () => {
    const sid = await sendToContact();
    h.fake.setMessageStatus(sid, 'sent');
    const before = statusRequests().length;
    for (let alarm = 1; alarm <= 30; alarm += 1) {
      h.clock.now += SCHEDULE.syncPeriodMinutes * 60_000;
      setup.engine.onAlarm(ALARMS.sync);
      await setup.engine.idle();
    }
    expect(statusRequests().length - before).toBe(9);
    expect(await ask(envelope('getConversation', { contact: CONTACT }))).toMatchObject({ messages: expect.arrayContaining([expect.objectContaining({ sid, state: 'sent' })]) as unknown });
  });
});

describe('sync status', () => {
  it('says in plain words when Twilio rejects the credentials, and clears it on recovery', async () => {
    h.fake.failNext(1, { status: 401, code: 20003, message: 'Authenticate' });
    const failed = await ask(envelope('syncNow', { what: 'messages' }));
    expect(failed).toMatchObject({ configured: true, messagesError: expect.stringMatching(/did not accept the saved account details/) as string, templatesError: null });
    const recovered = await ask(envelope('syncNow', { what: 'messages' }));
    expect(recovered).toMatchObject({ messagesError: null, lastMessagesSyncAt: h.clock.now });
  });
});

describe('outbox timing', () => {
  // The contact wrote; the rep's send then meets `throttles` 429s, four being all the client's own tries.
  async function throttledSend(throttles: number): Promise<void> {
    h.fake.receiveInbound({ from: CONTACT, body: 'hi' });
    await ask(envelope('syncNow', {}));
    h.fake.failNext(throttles, { status: 429, when: (r) => r.method === 'POST' });
    await ask(envelope('sendText', { requestId: crypto.randomUUID(), to: CONTACT, body: 'later' }));
  }

  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('retries a throttled send as soon as it is due while the worker lives, not at the next alarm', async () => {
    await throttledSend(4);
    await setup.engine.idle();
    expect(h.fake.sentMessages()).toHaveLength(0);
    h.clock.now += 60_000;
    await vi.advanceTimersByTimeAsync(60_000);
    await setup.engine.idle();
    expect(h.fake.sentMessages().map((m) => m.body)).toEqual(['later']);
  });

  it('keeps a single retry timer when several runs end together', async () => {
    await throttledSend(100);
    setup.engine.onAlarm(ALARMS.outbox);
    setup.engine.onAlarm(ALARMS.outbox);
    await setup.engine.idle();
    // A timer left behind would wake the outbox again after the worker (or a test) is done with it.
    expect(vi.getTimerCount()).toBe(1);
  });
});

describe('sync errors by kind', () => {
  it('keeps a template sync failure visible while message syncs succeed', async () => {
    // Every attempt the client makes (four) fails.
    h.fake.failNext(4, { status: 503, when: (r) => r.host === 'content.twilio.com' });
    const failed = await ask(envelope('syncNow', { what: 'templates' }));
    expect(failed).toMatchObject({ templatesError: expect.any(String) as string, messagesError: null });
    const afterMessages = await ask(envelope('syncNow', { what: 'messages' }));
    expect(afterMessages).toMatchObject({ templatesError: expect.any(String) as string, messagesError: null });
    expect(await ask(envelope('syncNow', { what: 'templates' }))).toMatchObject({ templatesError: null });
  });
});

describe('a worker starting again', () => {
  const HOUR = 60 * 60_000;

  /** The same store and browser as the worker before it, with nothing of it in memory. */
  function restart(): Engine {
    setup.engine.stop();
    const engine = new Engine(setup.options);
    engine.start();
    return engine;
  }

  it('answers the requests that woke it before it catches up, and catches up after', async () => {
    // Templates last synced over an hour ago and no alarms: catching up means asking Twilio and setting them.
    h.clock.now += 2 * HOUR;
    await fakeBrowser.alarms.clearAll();
    const requestsBefore = h.fake.requests.length;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const restarted = restart();
    try {
      const answer = await restarted.handleMessage(envelope('getConversation', { contact: CONTACT }), fromDealPage);
      await restarted.idle();
      expect(answer).toMatchObject({ ok: true, data: { contact: CONTACT, configured: true } });
      expect(h.fake.requests).toHaveLength(requestsBefore);
      expect(await fakeBrowser.alarms.getAll()).toEqual([]);

      await vi.advanceTimersByTimeAsync(SCHEDULE.startupCatchUpDelayMs);
      await restarted.idle();
      expect(h.fake.requests.slice(requestsBefore)).toContainEqual(expect.objectContaining({ host: 'content.twilio.com' }));
      expect((await fakeBrowser.alarms.getAll()).map((alarm) => alarm.name).sort()).toEqual([ALARMS.sync, ALARMS.templates].sort());
    } finally {
      restarted.stop();
      await restarted.idle();
      vi.useRealTimers();
    }
  });

  it('reads Twilio’s clock as the worker before it measured it, from the first request on', async () => {
    const offset = 90_000;
    h.fake.receiveInbound({ from: CONTACT, body: 'Still there?' });
    await ask(envelope('syncNow', { what: 'messages' }));
    const before = (await ask(envelope('getConversation', { contact: CONTACT }))) as ConversationView;
    const offsetBefore = setup.engine.clockOffset();
    await clockOffsetSlot.set(setup.db, offset);

    const restarted = restart();
    try {
      const answer = await restarted.handleMessage(envelope('getConversation', { contact: CONTACT }), fromDealPage);
      if (!answer.ok) throw new Error(answer.error.message);
      const after = answer.data as ConversationView;
      // The panel runs on the local clock: the same Twilio times, less the offset.
      const shift = offsetBefore - offset;
      expect(after.window.closesAt).toBe((before.window.closesAt ?? 0) + shift);
      expect(after.messages.map((message) => message.at)).toEqual(before.messages.map((message) => message.at + shift));
    } finally {
      restarted.stop();
      await restarted.idle();
    }
  });
});
