/**
 * The extension's IndexedDB, written only by the background. It lives in the extension's origin,
 * which content scripts cannot open: that is why credentials are kept here and not in
 * `chrome.storage.local`, which content scripts can read.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { SendMessageContent, TwilioMessageStatus } from '@/utils/background/twilio/types';
import type { ErrorExplanation, TemplateView } from '@/utils/messaging/views';

export interface ContactRow {
  /** E.164, e.g. `+46701234567`. */
  phone: string;
  /** Twilio clock, epoch ms; see utils/whatsapp/session-window.ts. */
  lastInboundAt: number | null;
  lastOutboundAt: number | null;
  closedByTwilioAt: number | null;
  unread: number;
  /** Set once the contact's older history has been fetched from Twilio. */
  historyLoadedAt: number | null;
}

export interface MessageRow {
  sid: string;
  contact: string;
  direction: 'inbound' | 'outbound';
  body: string;
  numMedia: number;
  status: TwilioMessageStatus;
  errorCode: number | null;
  /** Twilio's creation date, epoch ms: the thread is ordered by it. */
  at: number;
  sentAt: number | null;
  /** Present (1) only while an outbound message may still change status: a sparse index. */
  awaitingStatus?: 1;
  /**
   * Twilio clock: when Twilio last told us the status of this message while it awaited a final one,
   * which sets when it is next read (see refreshStatuses). Absent until then: `at` stands in.
   */
  statusReadAt?: number;
  /** The outbox entry that sent it, when sent from this extension. */
  outboxId?: string;
  templateName?: string;
}

export type OutboxState = 'queued' | 'sending' | 'unknown' | 'sent' | 'failed';

export interface OutboxRow {
  /** The request id the page made for the send, so a repeated request finds it; a fresh one for a retried copy. */
  id: string;
  contact: string;
  content: SendMessageContent;
  /** What the rep sees in the thread until Twilio confirms: the text, or the filled template. */
  displayBody: string;
  templateName: string | null;
  state: OutboxState;
  attempts: number;
  createdAt: number;
  /** Local clock; set just before a request is made, so an interrupted one can be reconciled. */
  attemptStartedAt: number | null;
  /** Local clock: not before this is the send made again, or its outcome looked for again. */
  nextAttemptAt: number;
  messageSid: string | null;
  error: ErrorExplanation | null;
  /** Set when the rep retried a message that failed after it was accepted. */
  retriedAs: string | null;
}

export type TemplateRow = TemplateView;

export interface KeyValueRow {
  key: string;
  value: unknown;
}

export type DealchatDb = Dexie & {
  contacts: EntityTable<ContactRow, 'phone'>;
  messages: EntityTable<MessageRow, 'sid'>;
  templates: EntityTable<TemplateRow, 'sid'>;
  outbox: EntityTable<OutboxRow, 'id'>;
  keyValue: EntityTable<KeyValueRow, 'key'>;
};

export const DATABASE_NAME = 'dealchat';

/**
 * Schema history. Never edit a published version: add a new one with its upgrade.
 * v1: first release. v2: compound index for "a contact's thread, newest first" and a sparse index
 * of outbound messages still awaiting a final status (v1 scanned all messages for both).
 * v3: that index ordered by creation date, so that status sync reads only the messages it still
 * follows, oldest first, however many older ones were left in their last known status.
 */
export const SCHEMA_V1 = {
  contacts: 'phone, lastInboundAt',
  messages: 'sid, contact, at, status',
  templates: 'sid, friendlyName, approvalStatus',
  outbox: 'id, state, contact, createdAt',
  keyValue: 'key',
};

export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  messages: 'sid, [contact+at], awaitingStatus',
};

export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  messages: 'sid, [contact+at], [awaitingStatus+at]',
};

const FINAL_STATUSES: ReadonlySet<TwilioMessageStatus> = new Set(['delivered', 'read', 'failed', 'undelivered', 'canceled', 'received']);

export function isAwaitingStatus(direction: MessageRow['direction'], status: TwilioMessageStatus): boolean {
  return direction === 'outbound' && !FINAL_STATUSES.has(status);
}

export function openDatabase(name = DATABASE_NAME): DealchatDb {
  const db = new Dexie(name) as DealchatDb;
  db.version(1).stores(SCHEMA_V1);
  db.version(2)
    .stores(SCHEMA_V2)
    .upgrade(async (tx) => {
      await tx
        .table<MessageRow, string>('messages')
        .toCollection()
        .modify((message) => {
          if (isAwaitingStatus(message.direction, message.status)) message.awaitingStatus = 1;
          else delete message.awaitingStatus;
        });
    });
  // Rows keep their fields; only the index changes, and IndexedDB builds it from them.
  db.version(3).stores(SCHEMA_V3);
  return db;
}
