import { CONTACT, setUpTwilioHarness } from '@/tests/support/twilio';
import { STATUS_CADENCE } from '@/utils/background/schedule';
import { getContact, sessionTimestamps } from '@/utils/background/store/contacts';
import { latestMessages, messagesAwaitingStatus, upsertTwilioMessages } from '@/utils/background/store/messages';
import type { TwilioMessage } from '@/utils/background/twilio/types';
import { evaluateWindow } from '@/utils/whatsapp/session-window';
import { refreshStatuses, STATUS_POLICY, syncContact, syncRecent, SYNC_POLICY, type StatusCadence } from './message-sync';
import { createOutboxRunner, enqueueSend } from './outbox';
import { syncState } from './sync-state';

const h = setUpTwilioHarness();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const messageListRequests = () => h.fake.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/Messages.json'));
/** Every read of Twilio: in these tests, only status refreshes read. */
const readCount = () => h.fake.requests.filter((r) => r.method === 'GET').length;

describe('syncRecent', () => {
  it('reads everything new across pages on the first run, and only what is new after', async () => {
    for (let i = 0; i < 120; i += 1) h.fake.receiveInbound({ from: CONTACT, body: `m${i}`, at: h.clock.now - 10 * HOUR + i * 1000 });
    h.fake.receiveInbound({ from: CONTACT, body: 'too old', at: h.clock.now - 5 * 24 * HOUR });
    const env = h.environment();

    expect(await syncRecent(env, { includeOutbound: false })).toBe(120);
    expect(messageListRequests()).toHaveLength(3);
    expect(await h.db.messages.count()).toBe(120);
    expect((await syncState.get(h.db)).messagesWatermark).toBe(h.clock.now);
    expect(env.changes).toContain(CONTACT);

    h.clock.now += 2 * 60_000;
    h.fake.receiveInbound({ from: CONTACT, body: 'fresh' });
    const before = messageListRequests().length;
    expect(await syncRecent(env, { includeOutbound: false })).toBe(1);
    expect(messageListRequests().length - before).toBe(1);
    expect(await h.db.messages.count()).toBe(121);
    expect((await getContact(h.db, CONTACT)).unread).toBe(121);
  });

  it('asks Twilio with its filters: our sender, on or after the day of the watermark', async () => {
    await syncRecent(h.environment(), { includeOutbound: true });
    const [inbound, outbound] = messageListRequests();
    expect(inbound?.query).toMatchObject({ To: 'whatsapp:+14155238886', 'DateSent>': '2026-11-18', PageSize: String(SYNC_POLICY.pageSize) });
    expect(outbound?.query).toMatchObject({ From: 'whatsapp:+14155238886' });
  });

  it('keeps one message per sid when pages overlap between runs', async () => {
    h.fake.receiveInbound({ from: CONTACT, body: 'once' });
    await syncRecent(h.environment(), { includeOutbound: false });
    await syncRecent(h.environment(), { includeOutbound: false });
    expect(await h.db.messages.count()).toBe(1);
    expect((await getContact(h.db, CONTACT)).unread).toBe(1);
  });
});

describe('syncContact', () => {
  it('loads the contact’s history both ways once, then only what is new', async () => {
    h.fake.receiveInbound({ from: CONTACT, body: 'from them', at: h.clock.now - 30 * 24 * HOUR });
    h.fake.receiveInbound({ from: '+46709999999', body: 'someone else' });
    await syncContact(h.environment(), CONTACT);
    expect((await latestMessages(h.db, CONTACT, 10)).map((m) => m.body)).toEqual(['from them']);
    expect((await getContact(h.db, CONTACT)).historyLoadedAt).toBe(h.clock.now);
    const [firstIn, firstOut] = messageListRequests();
    expect(firstIn?.query).not.toHaveProperty('DateSent>');
    expect(firstOut?.query).toMatchObject({ From: 'whatsapp:+14155238886', To: `whatsapp:${CONTACT}` });

    await syncContact(h.environment(), CONTACT);
    expect(messageListRequests().at(-1)?.query).toHaveProperty('DateSent>');
  });
});

describe('refreshStatuses', () => {
  const { background, watched } = STATUS_CADENCE;

  /** Runs status refreshes as the caller of `cadence` would for `durationMs`; returns how many reads they made. */
  async function refreshFor(durationMs: number, cadence: StatusCadence, contact?: string): Promise<number> {
    const before = readCount();
    for (let elapsed = cadence.runEveryMs; elapsed <= durationMs; elapsed += cadence.runEveryMs) {
      h.clock.now += cadence.runEveryMs;
      await refreshStatuses(h.environment(), cadence, contact);
    }
    return readCount() - before;
  }

  async function sendAt(at: number, to: string): Promise<TwilioMessage> {
    const now = h.clock.now;
    h.clock.now = at;
    const message = await h.client().sendMessage({ to, sender: { from: h.settings.whatsappSender }, content: { kind: 'text', body: 'Your quote' } });
    h.clock.now = now;
    return message;
  }

  /** A message we sent at `at`, stored as the outbox stores it, that Twilio has since marked `sent`. */
  async function sentMessage({ to = CONTACT, at = h.clock.now }: { to?: string; at?: number } = {}): Promise<string> {
    const message = await sendAt(at, to);
    await upsertTwilioMessages(h.db, [message], h.settings.whatsappSender);
    h.fake.setMessageStatus(message.sid, 'sent');
    return message.sid;
  }

  const storedStatus = async (sid: string) => (await h.db.messages.get(sid))?.status;

  it('follows an outbound message until its final status, then stops asking', async () => {
    h.fake.receiveInbound({ from: CONTACT, body: 'hi' });
    const env = h.environment();
    await enqueueSend(h.db, { contact: CONTACT, content: { kind: 'text', body: 'hello' }, displayBody: 'hello', templateName: null }, h.clock.now);
    await createOutboxRunner()(env);
    const states: string[] = [];
    for (let step = 0; step < 4; step += 1) {
      h.fake.advanceStatuses();
      h.clock.now += background.runEveryMs;
      await refreshStatuses(env, background);
      states.push((await latestMessages(h.db, CONTACT, 1))[0]?.status ?? 'missing');
    }
    expect(states).toEqual(['sent', 'delivered', 'delivered', 'delivered']);
    expect(await messagesAwaitingStatus(h.db, { since: 0 })).toEqual([]);
    const fetches = h.fake.requests.filter((r) => /\/Messages\/SM[0-9a-f]+\.json$/.test(r.path));
    expect(fetches).toHaveLength(2);
  });

  it('in the background, reads a message to a phone that stays offline 9 times in its first hour, twice an hour after, and not after a day', async () => {
    const sid = await sentMessage();
    expect(await refreshFor(HOUR, background)).toBe(9);
    expect(await refreshFor(HOUR, background)).toBe(2);
    h.clock.now += background.followForMs;
    expect(await refreshFor(HOUR, background)).toBe(0);
    // Nothing pretends to know more than Twilio said: it stays as last read.
    expect(await h.db.messages.get(sid)).toMatchObject({ status: 'sent', awaitingStatus: 1 });
  });

  it('reads all the messages awaiting a status with one request a run, however many there are', async () => {
    const sids = await Promise.all(Array.from({ length: 25 }, (_, index) => sentMessage({ to: `+4670123${String(index).padStart(4, '0')}` })));
    expect(await refreshFor(background.runEveryMs, background)).toBe(1);
    expect(await Promise.all(sids.map(storedStatus))).toEqual(sids.map(() => 'sent'));
    expect(await refreshFor(HOUR - background.runEveryMs, background)).toBe(8);
  });

  it('still brings a delivery that comes late, then stops reading', async () => {
    const sid = await sentMessage();
    await refreshFor(40 * MINUTE, background);
    h.fake.setMessageStatus(sid, 'delivered');
    // The next read is due half the message's age after the last one: by 56 minutes.
    await refreshFor(16 * MINUTE, background);
    expect(await storedStatus(sid)).toBe('delivered');
    expect(await refreshFor(HOUR, background)).toBe(0);
  });

  it('reads one by one the due messages that the list of the sender’s messages does not reach', async () => {
    const older = [await sentMessage({ at: h.clock.now - 5 * HOUR }), await sentMessage({ at: h.clock.now - 5 * HOUR + MINUTE })];
    // Sent since from elsewhere (the Twilio Console, another tool), and already read.
    for (let index = 0; index < STATUS_POLICY.listPages * SYNC_POLICY.pageSize; index += 1) {
      h.fake.setMessageStatus((await sendAt(h.clock.now - HOUR, '+46709999999')).sid, 'read');
    }
    for (const sid of older) h.fake.setMessageStatus(sid, 'delivered');

    expect(await refreshFor(background.runEveryMs, background)).toBe(STATUS_POLICY.listPages + older.length);
    expect(await Promise.all(older.map(storedStatus))).toEqual(['delivered', 'delivered']);
  });

  it('for an open panel, reads its contact’s new message within a poll, an old one once per background period, and no one else’s', async () => {
    const old = await sentMessage({ at: h.clock.now - 3 * DAY });
    await sentMessage({ to: '+46709999999' });
    expect(await refreshFor(10 * MINUTE, watched, CONTACT)).toBe(5);
    expect(await storedStatus(old)).toBe('sent');

    const fresh = await sentMessage();
    await refreshFor(watched.runEveryMs, watched, CONTACT);
    expect(await storedStatus(fresh)).toBe('sent');
    h.fake.setMessageStatus(fresh, 'read');
    await refreshFor(2 * watched.runEveryMs, watched, CONTACT);
    expect(await storedStatus(fresh)).toBe('read');
  });

  it('closes the window when Twilio fails a message with 63016, whatever the clock says', async () => {
    // The contact wrote 23 hours ago by our store, but Twilio's own record says otherwise.
    h.fake.receiveInbound({ from: CONTACT, body: 'old', at: h.clock.now - 25 * HOUR });
    const env = h.environment();
    await syncContact(env, CONTACT);
    await h.db.contacts.update(CONTACT, { lastInboundAt: h.clock.now - 23 * HOUR });
    expect(evaluateWindow(sessionTimestamps(await getContact(h.db, CONTACT)), h.clock.now).open).toBe(true);

    await enqueueSend(h.db, { contact: CONTACT, content: { kind: 'text', body: 'late' }, displayBody: 'late', templateName: null }, h.clock.now);
    await createOutboxRunner()(env);
    h.fake.advanceStatuses();
    h.clock.now += background.runEveryMs;
    await refreshStatuses(env, background);

    const [message] = await latestMessages(h.db, CONTACT, 1);
    expect(message).toMatchObject({ status: 'failed', errorCode: 63016 });
    expect(evaluateWindow(sessionTimestamps(await getContact(h.db, CONTACT)), h.clock.now)).toMatchObject({ open: false, reason: 'closed-by-twilio' });
  });
});
