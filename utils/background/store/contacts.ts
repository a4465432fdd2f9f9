import type { SessionTimestamps } from '@/utils/whatsapp/session-window';
import type { ContactRow, DealchatDb } from './db';

export function emptyContact(phone: string): ContactRow {
  return { phone, lastInboundAt: null, lastOutboundAt: null, closedByTwilioAt: null, unread: 0, historyLoadedAt: null };
}

export async function getContact(db: DealchatDb, phone: string): Promise<ContactRow> {
  return (await db.contacts.get(phone)) ?? emptyContact(phone);
}

export function sessionTimestamps(contact: ContactRow): SessionTimestamps {
  return { lastInboundAt: contact.lastInboundAt, closedByTwilioAt: contact.closedByTwilioAt };
}

/** Writes only when something is unread: a thread is mostly opened already read, and a write costs a commit. */
export async function markRead(db: DealchatDb, phone: string): Promise<void> {
  const contact = await db.contacts.get(phone);
  if (contact !== undefined && contact.unread > 0) await db.contacts.update(phone, { unread: 0 });
}
