import Dexie from 'dexie';
import { parseTwilioDate } from '@/utils/background/twilio/dates';
import type { TwilioMessage, TwilioMessageStatus } from '@/utils/background/twilio/types';
import { OUTSIDE_WINDOW_ERROR, recordInbound, recordOutsideWindowRefusal } from '@/utils/whatsapp/session-window';
import { emptyContact, sessionTimestamps } from './contacts';
import { isAwaitingStatus, type ContactRow, type DealchatDb, type MessageRow } from './db';

const WHATSAPP_PREFIX = 'whatsapp:';

function phoneOf(address: string | null): string | null {
  return address?.startsWith(WHATSAPP_PREFIX) ? address.slice(WHATSAPP_PREFIX.length) : null;
}

/**
 * Maps Twilio's message to our row, or null when it is not WhatsApp traffic of our sender
 * (the same account may carry SMS or other senders' messages).
 */
export function toMessageRow(message: TwilioMessage, senderPhone: string): MessageRow | null {
  const from = phoneOf(message.from);
  const to = phoneOf(message.to);
  const inbound = message.direction === 'inbound';
  if (inbound ? to !== senderPhone : from !== senderPhone) return null;
  const contact = inbound ? from : to;
  const at = parseTwilioDate(message.date_created) ?? parseTwilioDate(message.date_sent);
  if (contact === null || at === null) return null;
  const direction = inbound ? 'inbound' : 'outbound';
  const row: MessageRow = {
    sid: message.sid,
    contact,
    direction,
    body: message.body ?? '',
    numMedia: Number.parseInt(message.num_media ?? '0', 10) || 0,
    status: message.status,
    errorCode: message.error_code,
    at,
    sentAt: parseTwilioDate(message.date_sent),
  };
  if (isAwaitingStatus(direction, message.status)) row.awaitingStatus = 1;
  return row;
}

const STATUS_RANK: Record<TwilioMessageStatus, number> = {
  scheduled: 0,
  accepted: 0,
  queued: 1,
  sending: 2,
  sent: 3,
  partially_delivered: 4,
  delivered: 4,
  read: 5,
  receiving: 0,
  received: 1,
  failed: 9,
  undelivered: 9,
  canceled: 9,
};

/** Pages can be stale: never move a message back to an earlier status. */
function mergeRows(existing: MessageRow | undefined, incoming: MessageRow): MessageRow {
  if (!existing) return incoming;
  const merged: MessageRow = { ...existing, ...incoming, outboxId: existing.outboxId, templateName: existing.templateName };
  if (STATUS_RANK[incoming.status] < STATUS_RANK[existing.status]) {
    merged.status = existing.status;
    merged.errorCode = existing.errorCode;
  }
  if (isAwaitingStatus(merged.direction, merged.status)) {
    merged.awaitingStatus = 1;
  } else {
    delete merged.awaitingStatus;
    delete merged.statusReadAt;
  }
  if (merged.outboxId === undefined) delete merged.outboxId;
  if (merged.templateName === undefined) delete merged.templateName;
  return merged;
}

function applyToContact(contact: ContactRow, row: MessageRow, isNew: boolean): ContactRow {
  let session = sessionTimestamps(contact);
  let { lastOutboundAt, unread } = contact;
  if (row.direction === 'inbound') {
    session = recordInbound(session, row.at);
    if (isNew) unread += 1;
  } else {
    lastOutboundAt = Math.max(lastOutboundAt ?? 0, row.at);
    // The refusal is about the window as it was when the message was created.
    if (row.errorCode === OUTSIDE_WINDOW_ERROR) session = recordOutsideWindowRefusal(session, row.at);
  }
  return { ...contact, ...session, lastOutboundAt, unread };
}

export interface UpsertOutcome {
  /** Contacts whose thread or window changed. */
  changedContacts: Set<string>;
  newInbound: number;
}

/** Stores Twilio's messages, de-duplicated by sid, and updates the contacts' session timestamps. */
export async function upsertTwilioMessages(
  db: DealchatDb,
  messages: readonly TwilioMessage[],
  senderPhone: string,
  extras: (message: TwilioMessage) => Pick<MessageRow, 'outboxId' | 'templateName'> = () => ({}),
): Promise<UpsertOutcome> {
  const incoming = messages.flatMap((message) => {
    const row = toMessageRow(message, senderPhone);
    return row ? [{ ...row, ...extras(message) }] : [];
  });
  const outcome: UpsertOutcome = { changedContacts: new Set(), newInbound: 0 };
  if (incoming.length === 0) return outcome;
  await db.transaction('rw', db.messages, db.contacts, async () => {
    const existingRows = await db.messages.bulkGet(incoming.map((row) => row.sid));
    const contacts = new Map<string, ContactRow>();
    for (const [index, row] of incoming.entries()) {
      const existing = existingRows[index];
      const merged = mergeRows(existing, row);
      if (existing && JSON.stringify(existing) === JSON.stringify(merged)) continue;
      await db.messages.put(merged);
      const contact = contacts.get(row.contact) ?? (await db.contacts.get(row.contact)) ?? emptyContact(row.contact);
      contacts.set(row.contact, applyToContact(contact, merged, !existing));
      if (!existing && row.direction === 'inbound') outcome.newInbound += 1;
      outcome.changedContacts.add(row.contact);
    }
    await db.contacts.bulkPut([...contacts.values()]);
  });
  return outcome;
}

/** A contact's newest messages, newest first. */
export function latestMessages(db: DealchatDb, contact: string, limit: number): Promise<MessageRow[]> {
  return db.messages
    .where('[contact+at]')
    .between([contact, Dexie.minKey], [contact, Dexie.maxKey])
    .reverse()
    .limit(limit)
    .toArray();
}

/** Outbound messages created at or after `since` (Twilio clock) whose status may still change, oldest first. */
export async function messagesAwaitingStatus(db: DealchatDb, { since, contact }: { since: number; contact?: string }): Promise<MessageRow[]> {
  const rows = await db.messages.where('[awaitingStatus+at]').between([1, since], [1, Dexie.maxKey]).toArray();
  return contact === undefined ? rows : rows.filter((row) => row.contact === contact);
}

/** Notes that Twilio has just told us these messages' statuses (Twilio clock), for those still awaiting a final one. */
export async function recordStatusRead(db: DealchatDb, sids: readonly string[], at: number): Promise<void> {
  if (sids.length === 0) return;
  await db.messages
    .where('sid')
    .anyOf(sids)
    .filter((row) => row.awaitingStatus === 1)
    .modify({ statusReadAt: at });
}
