import { CONTACT, setUpTwilioHarness } from '../../tests/support/twilio';
import { getContact, sessionTimestamps } from '../store/contacts';
import { latestMessages, messagesAwaitingStatus } from '../store/messages';
import { evaluateWindow } from '../whatsapp/session-window';
import { createOutboxRunner, enqueueSend } from './outbox';
import { refreshStatuses, syncContact, syncRecent, SYNC_POLICY } from './message-sync';
import { syncState } from './sync-state';

const h = setUpTwilioHarness();
const HOUR = 3_600_000;
const messageListRequests = () => h.fake.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/Messages.json'));

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
  it('follows an outbound message until its final status, then stops asking', async () => {
    h.fake.receiveInbound({ from: CONTACT, body: 'hi' });
    const env = h.environment();
    await enqueueSend(h.db, { contact: CONTACT, content: { kind: 'text', body: 'hello' }, displayBody: 'hello', templateName: null }, h.clock.now);
    await createOutboxRunner()(env);
    const states: string[] = [];
    for (let step = 0; step < 4; step += 1) {
      h.fake.advanceStatuses();
      await refreshStatuses(env);
      states.push((await latestMessages(h.db, CONTACT, 1))[0]?.status ?? 'missing');
    }
    expect(states).toEqual(['sent', 'delivered', 'delivered', 'delivered']);
    expect(await messagesAwaitingStatus(h.db, 10)).toEqual([]);
    const fetches = h.fake.requests.filter((r) => /\/Messages\/SM[0-9a-f]+\.json$/.test(r.path));
    expect(fetches).toHaveLength(2);
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
    await refreshStatuses(env);

    const [message] = await latestMessages(h.db, CONTACT, 1);
    expect(message).toMatchObject({ status: 'failed', errorCode: 63016 });
    expect(evaluateWindow(sessionTimestamps(await getContact(h.db, CONTACT)), h.clock.now)).toMatchObject({ open: false, reason: 'closed-by-twilio' });
  });
});
