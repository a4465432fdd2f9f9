/** Builds what the panel shows for one contact from the store: the thread and the window. */
import type { ConversationView, MessageState, MessageView } from '@/utils/messaging/views';
import { evaluateWindow, OUTSIDE_WINDOW_ERROR } from '@/utils/whatsapp/session-window';
import { getContact, sessionTimestamps } from './store/contacts';
import type { DealchatDb, MessageRow, OutboxRow } from './store/db';
import { latestMessages } from './store/messages';
import { explainTwilioError } from './twilio/error-explanations';
import type { TwilioMessageStatus } from './twilio/types';

export const THREAD_LIMIT = 200;

const STATE_OF: Record<TwilioMessageStatus, MessageState> = {
  scheduled: 'queued',
  accepted: 'queued',
  queued: 'queued',
  sending: 'queued',
  sent: 'sent',
  partially_delivered: 'delivered',
  delivered: 'delivered',
  read: 'read',
  failed: 'failed',
  undelivered: 'failed',
  canceled: 'failed',
  receiving: 'received',
  received: 'received',
};

/** Retrying is pointless for free-form text WhatsApp refused as outside the window: only a template can go. */
function canRetry(sentBy: OutboxRow, errorCode: number | null): boolean {
  return sentBy.retriedAs === null && !(errorCode === OUTSIDE_WINDOW_ERROR && sentBy.content.kind !== 'template');
}

function fromMessage(row: MessageRow, outbox: Map<string, OutboxRow>): MessageView {
  const state = STATE_OF[row.status];
  const sentBy = row.outboxId === undefined ? undefined : outbox.get(row.outboxId);
  return {
    id: row.sid,
    sid: row.sid,
    outboxId: row.outboxId ?? null,
    direction: row.direction,
    body: row.body,
    mediaCount: row.numMedia,
    mediaUrls: sentBy?.content.kind === 'template' || sentBy === undefined ? [] : (sentBy.content.mediaUrls ?? []),
    state,
    at: row.at,
    error: state === 'failed' ? explainTwilioError(row.errorCode) : null,
    retryable: state === 'failed' && sentBy !== undefined && canRetry(sentBy, row.errorCode),
    templateName: row.templateName ?? null,
  };
}

function fromOutbox(row: OutboxRow, twilioOffset: number): MessageView {
  const failed = row.state === 'failed';
  return {
    id: row.id,
    sid: null,
    outboxId: row.id,
    direction: 'outbound',
    body: row.displayBody,
    mediaCount: 0,
    mediaUrls: row.content.kind === 'template' ? [] : (row.content.mediaUrls ?? []),
    state: failed ? 'failed' : 'pending',
    // On Twilio's clock, like the messages it is shown among.
    at: row.createdAt + twilioOffset,
    error: row.error,
    retryable: failed && canRetry(row, row.error?.code ?? null),
    templateName: row.templateName,
  };
}

/** What the store knows of a conversation; whether Twilio is set up is the caller's to add. */
export type StoredConversation = Omit<ConversationView, 'configured'>;

export async function buildConversation(
  db: DealchatDb,
  contact: string,
  { now, clockOffset }: { now: number; clockOffset: number },
): Promise<StoredConversation> {
  const [row, newestFirst, outboxRows] = await Promise.all([
    getContact(db, contact),
    latestMessages(db, contact, THREAD_LIMIT),
    db.outbox.where('contact').equals(contact).toArray(),
  ]);
  const outbox = new Map(outboxRows.map((entry) => [entry.id, entry]));
  const unsent = outboxRows.filter((entry) => entry.messageSid === null).map((entry) => fromOutbox(entry, clockOffset));
  const messages = [...newestFirst.reverse().map((message) => fromMessage(message, outbox)), ...unsent]
    .sort((a, b) => a.at - b.at)
    // The panel runs on the local clock.
    .map((message) => ({ ...message, at: message.at - clockOffset }));
  const window = evaluateWindow(sessionTimestamps(row), now + clockOffset);
  return {
    contact,
    messages,
    window: { ...window, closesAt: window.closesAt === null ? null : window.closesAt - clockOffset },
  };
}
