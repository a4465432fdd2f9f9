import Dexie from 'dexie';
import { twilioMessage } from '@/tests/support/twilio-message';
import type { TemplateView } from '@/utils/messaging/views';
import { getContact, markRead } from './contacts';
import { openDatabase, SCHEMA_V1, SCHEMA_V2, type DealchatDb } from './db';
import { keyValueSlot } from './key-value';
import { latestMessages, messagesAwaitingStatus, recordStatusRead, upsertTwilioMessages } from './messages';
import { listTemplates, replaceTemplates } from './templates';

const SENDER = '+14155550100';
const CONTACT = '+46701234567';
const T0 = Date.UTC(2026, 10, 20, 9);

let db: DealchatDb;
let dbName: string;

beforeEach(() => {
  dbName = `test-${crypto.randomUUID()}`;
  db = openDatabase(dbName);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(dbName);
});

const outbound = (overrides: Parameters<typeof twilioMessage>[0] = {}) =>
  twilioMessage({ direction: 'outbound-api', from: `whatsapp:${SENDER}`, to: `whatsapp:${CONTACT}`, status: 'queued', ...overrides });
const inbound = (overrides: Parameters<typeof twilioMessage>[0] = {}) =>
  twilioMessage({ from: `whatsapp:${CONTACT}`, to: `whatsapp:${SENDER}`, ...overrides });

describe('upsertTwilioMessages', () => {
  it('stores each sid once however often it is synced, counting unread inbound once', async () => {
    const message = inbound({ at: T0 });
    await upsertTwilioMessages(db, [message], SENDER);
    const again = await upsertTwilioMessages(db, [message, message], SENDER);
    expect(await db.messages.count()).toBe(1);
    expect(again.changedContacts.size).toBe(0);
    expect(await getContact(db, CONTACT)).toMatchObject({ unread: 1, lastInboundAt: T0 });
    await markRead(db, CONTACT);
    expect((await getContact(db, CONTACT)).unread).toBe(0);
  });

  it('marks a thread read with a write only when something in it is unread', async () => {
    const writes: string[][] = [];
    db.use({
      stack: 'dbcore',
      name: 'write-transactions',
      create: (core) => ({
        ...core,
        transaction: (stores, mode, options) => {
          if (mode === 'readwrite') writes.push(stores);
          return core.transaction(stores, mode, options);
        },
      }),
    });
    await upsertTwilioMessages(db, [inbound({ at: T0 })], SENDER);
    await markRead(db, CONTACT);
    await markRead(db, CONTACT);
    await markRead(db, '+46709999999');
    expect((await getContact(db, CONTACT)).unread).toBe(0);
    // The sync's write, then one to clear the unread message; nothing for a thread already read or unknown.
    expect(writes).toEqual([expect.any(Array), ['contacts']]);
  });

  it('ignores SMS and other senders’ traffic on the same account', async () => {
    const outcome = await upsertTwilioMessages(
      db,
      [inbound({ from: '+46701234567', to: '+14155550100' }), inbound({ to: 'whatsapp:+14155559999' })],
      SENDER,
    );
    expect(outcome.changedContacts.size).toBe(0);
    expect(await db.messages.count()).toBe(0);
  });

  it('tracks last inbound and outbound separately: only inbound opens the window', async () => {
    await upsertTwilioMessages(db, [outbound({ at: T0 + 5000 })], SENDER);
    expect(await getContact(db, CONTACT)).toMatchObject({ lastInboundAt: null, lastOutboundAt: T0 + 5000, unread: 0 });
    await upsertTwilioMessages(db, [inbound({ at: T0 })], SENDER);
    expect(await getContact(db, CONTACT)).toMatchObject({ lastInboundAt: T0, lastOutboundAt: T0 + 5000 });
  });

  it('never moves a message back to an earlier status from a stale page', async () => {
    const sent = outbound({ status: 'read' });
    await upsertTwilioMessages(db, [sent], SENDER);
    await upsertTwilioMessages(db, [{ ...sent, status: 'sent' }], SENDER);
    expect((await db.messages.get(sent.sid))?.status).toBe('read');
  });

  it('marks the window closed by Twilio when a message fails with 63016', async () => {
    const failed = outbound({ at: T0 + 1000, status: 'failed', error_code: 63016 });
    await upsertTwilioMessages(db, [inbound({ at: T0 }), failed], SENDER);
    expect(await getContact(db, CONTACT)).toMatchObject({ closedByTwilioAt: T0 + 1000 });
  });

  it('keeps the outbox link and template name when Twilio’s copy arrives later', async () => {
    const sent = outbound();
    await upsertTwilioMessages(db, [sent], SENDER, () => ({ outboxId: 'ob-1', templateName: 'Welcome' }));
    await upsertTwilioMessages(db, [{ ...sent, status: 'delivered' }], SENDER);
    expect(await db.messages.get(sent.sid)).toMatchObject({ outboxId: 'ob-1', templateName: 'Welcome', status: 'delivered' });
  });
});

describe('queries', () => {
  it('returns one contact’s thread newest first, limited', async () => {
    const other = '+46709999999';
    await upsertTwilioMessages(
      db,
      [
        inbound({ at: T0 + 3000, body: 'third' }),
        inbound({ at: T0 + 1000, body: 'first' }),
        outbound({ at: T0 + 2000, body: 'second' }),
        inbound({ at: T0 + 4000, from: `whatsapp:${other}`, body: 'someone else' }),
      ],
      SENDER,
    );
    const thread = await latestMessages(db, CONTACT, 2);
    expect(thread.map((m) => m.body)).toEqual(['third', 'second']);
  });

  it('lists outbound messages that still await a final status, oldest first', async () => {
    await upsertTwilioMessages(
      db,
      [
        outbound({ at: T0 + 2000, status: 'sent', body: 'b' }),
        outbound({ at: T0 + 1000, status: 'queued', body: 'a' }),
        outbound({ at: T0 + 3000, status: 'delivered', body: 'done' }),
        inbound({ at: T0 + 4000 }),
      ],
      SENDER,
    );
    expect((await messagesAwaitingStatus(db, { since: T0 })).map((m) => m.body)).toEqual(['a', 'b']);
    expect((await messagesAwaitingStatus(db, { since: T0 + 1500 })).map((m) => m.body)).toEqual(['b']);
    expect(await messagesAwaitingStatus(db, { since: T0, contact: '+46709999999' })).toEqual([]);
  });

  it('notes status reads on messages still awaiting a final status only, and drops the note once final', async () => {
    const pending = outbound({ at: T0, status: 'sent' });
    const done = outbound({ at: T0, status: 'read' });
    await upsertTwilioMessages(db, [pending, done], SENDER);
    await recordStatusRead(db, [pending.sid, done.sid], T0 + 60_000);
    expect(await db.messages.get(pending.sid)).toMatchObject({ statusReadAt: T0 + 60_000 });
    expect(await db.messages.get(done.sid)).not.toHaveProperty('statusReadAt');

    const again = await upsertTwilioMessages(db, [pending], SENDER);
    expect(again.changedContacts.size).toBe(0);
    await upsertTwilioMessages(db, [{ ...pending, status: 'delivered' }], SENDER);
    expect(await db.messages.get(pending.sid)).not.toHaveProperty('statusReadAt');
  });
});

describe('templates', () => {
  const template = (sid: string, friendlyName: string): TemplateView => ({
    sid,
    friendlyName,
    language: 'en',
    category: 'utility',
    approvalStatus: 'approved',
    rejectionReason: null,
    types: ['twilio/text'],
    body: 'Hi {{1}}',
    variables: ['1'],
    sampleValues: {},
    details: {},
    updatedAt: T0,
  });

  it('replaces the set, reports whether anything changed, and lists by name', async () => {
    expect(await replaceTemplates(db, [template('HX2', 'b'), template('HX1', 'a')])).toBe(true);
    expect(await replaceTemplates(db, [template('HX2', 'b'), template('HX1', 'a')])).toBe(false);
    expect(await replaceTemplates(db, [template('HX1', 'a')])).toBe(true);
    expect((await listTemplates(db)).map((t) => t.sid)).toEqual(['HX1']);
  });
});

describe('key-value slots', () => {
  it('never lose one field’s update to a concurrent update of another', async () => {
    const slot = keyValueSlot('test/pair', () => ({ a: 0, b: 0 }));
    await Promise.all([
      ...Array.from({ length: 10 }, () => slot.update(db, (value) => ({ ...value, a: value.a + 1 }))),
      ...Array.from({ length: 10 }, () => slot.update(db, (value) => ({ ...value, b: value.b + 1 }))),
    ]);
    expect(await slot.get(db)).toEqual({ a: 10, b: 10 });
  });
});

describe('migrations', () => {
  it('upgrades a version 1 database without losing rows and indexes awaiting messages', async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.table('messages').bulkPut([
      { sid: 'SM1', contact: CONTACT, direction: 'outbound', body: 'pending', status: 'sent', at: T0, numMedia: 0, errorCode: null, sentAt: null },
      { sid: 'SM2', contact: CONTACT, direction: 'outbound', body: 'done', status: 'read', at: T0 + 1000, numMedia: 0, errorCode: null, sentAt: null },
      { sid: 'SM3', contact: CONTACT, direction: 'inbound', body: 'hi', status: 'received', at: T0 + 2000, numMedia: 0, errorCode: null, sentAt: null },
    ]);
    await v1.table('contacts').put({ phone: CONTACT, lastInboundAt: T0 + 2 });
    v1.close();

    const upgraded = openDatabase(name);
    await upgraded.open();
    expect(upgraded.verno).toBe(3);
    expect((await messagesAwaitingStatus(upgraded, { since: 0 })).map((m) => m.sid)).toEqual(['SM1']);
    expect((await latestMessages(upgraded, CONTACT, 10)).map((m) => m.sid)).toEqual(['SM3', 'SM2', 'SM1']);
    expect(await upgraded.contacts.get(CONTACT)).toMatchObject({ lastInboundAt: T0 + 2 });
    upgraded.close();
    await Dexie.delete(name);
  });

  it('upgrades a version 2 database to awaiting messages indexed by date, without losing rows', async () => {
    const name = `migrate-${crypto.randomUUID()}`;
    const v2 = new Dexie(name);
    v2.version(2).stores(SCHEMA_V2);
    const row = { contact: CONTACT, direction: 'outbound', body: '', numMedia: 0, errorCode: null, sentAt: null };
    await v2.table('messages').bulkPut([
      { ...row, sid: 'SM1', status: 'sent', at: T0 + 2000, awaitingStatus: 1 },
      { ...row, sid: 'SM2', status: 'queued', at: T0 - 1000, awaitingStatus: 1 },
      { ...row, sid: 'SM3', status: 'queued', at: T0, awaitingStatus: 1, statusReadAt: T0 + 5000 },
      { ...row, sid: 'SM4', status: 'delivered', at: T0 + 1000 },
    ]);
    v2.close();

    const upgraded = openDatabase(name);
    await upgraded.open();
    expect(upgraded.verno).toBe(3);
    expect((await messagesAwaitingStatus(upgraded, { since: T0 })).map((m) => [m.sid, m.statusReadAt])).toEqual([
      ['SM3', T0 + 5000],
      ['SM1', undefined],
    ]);
    expect(await upgraded.messages.count()).toBe(4);
    expect((await latestMessages(upgraded, CONTACT, 10)).map((m) => m.sid)).toEqual(['SM1', 'SM4', 'SM3', 'SM2']);
    upgraded.close();
    await Dexie.delete(name);
  });
});
