/**
 * The durable outbox. A send is written to IndexedDB before the request is made, so a service
 * worker killed at any moment loses nothing; a request whose outcome is unknown (timeout, dropped
 * connection, 5xx, or a worker killed mid-request) is reconciled against Twilio's message list
 * before it is ever retried, so nothing is sent twice.
 */
import { senderOf } from '@/utils/background/credentials/settings';
import { getContact, sessionTimestamps } from '@/utils/background/store/contacts';
import type { DealchatDb, OutboxRow } from '@/utils/background/store/db';
import { upsertTwilioMessages } from '@/utils/background/store/messages';
import { backoffDelay } from '@/utils/background/twilio/backoff';
import { parseTwilioDate } from '@/utils/background/twilio/dates';
import { explainTwilioError } from '@/utils/background/twilio/error-explanations';
import { isOutcomeUnknown, isRetryable, TwilioApiError } from '@/utils/background/twilio/errors';
import type { SendMessageContent, TwilioMessage } from '@/utils/background/twilio/types';
import type { ErrorExplanation } from '@/utils/messaging/views';
import { OUTSIDE_WINDOW_ERROR, recordOutsideWindowRefusal } from '@/utils/whatsapp/session-window';
import type { SyncEnvironment } from './environment';

export const OUTBOX_POLICY = {
  /** Give an unanswered request time to land at Twilio before looking for it there. */
  reconcileAfterMs: 30_000,
  /** Twilio's clock and ours disagree a little; look this far before the attempt too. */
  reconcileMarginMs: 5 * 60_000,
  maxAttempts: 5,
  retryBaseMs: 2_000,
  retryMaxMs: 5 * 60_000,
  /** Reconciliation reads at most this many pages of the contact's recent messages. */
  reconcilePages: 3,
};

export interface NewSend {
  /**
   * The request id the page chose for this send, which becomes its outbox id; left out for sends
   * the background starts itself (a rep's retry of an undelivered message), which get a fresh one.
   */
  id?: string;
  contact: string;
  content: SendMessageContent;
  displayBody: string;
  templateName: string | null;
}


const UNREACHABLE: ErrorExplanation = {
  code: null,
  summary: 'Twilio could not be reached after several tries, so the message was not sent.',
  action: 'Check your internet connection, then press Retry.',
};

/** A request id that already names another message: the page reused it, or made it up. */
export class SendIdTakenError extends Error {
  constructor(readonly id: string) {
    super(`The outbox already holds another send under ${id}.`);
    this.name = 'SendIdTakenError';
  }
}

/**
 * Records a send, once. A send already recorded under the same id is returned as it stands: a page
 * asks again with the same id when the worker died before answering, and the first request may
 * have been recorded all the same.
 */
export async function enqueueSend(db: DealchatDb, send: NewSend, now: number): Promise<OutboxRow> {
  const { id = crypto.randomUUID(), ...fields } = send;
  return db.transaction('rw', db.outbox, async () => {
    const recorded = await recordedSend(db, id, fields);
    if (recorded) return recorded;
    const row: OutboxRow = {
      id,
      ...fields,
      state: 'queued',
      attempts: 0,
      createdAt: now,
      attemptStartedAt: null,
      nextAttemptAt: now,
      messageSid: null,
      error: null,
      retriedAs: null,
    };
    await db.outbox.add(row);
    return row;
  });
}

/**
 * The send recorded under `id`, if any. It must be the same message to the same contact; anything
 * else throws SendIdTakenError rather than let one request stand for two different messages.
 */
export async function recordedSend(db: DealchatDb, id: string, send: Pick<NewSend, 'contact' | 'content'>): Promise<OutboxRow | undefined> {
  const row = await db.outbox.get(id);
  if (row && comparable(row) !== comparable(send)) throw new SendIdTakenError(id);
  return row;
}

/** What makes two sends the same message, as text: a template's variables in any order are the same. */
function comparable({ contact, content }: Pick<NewSend, 'contact' | 'content'>): string {
  return JSON.stringify({ contact, content }, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}

/**
 * Makes a failed send go again. A send Twilio refused is queued again as it is; one that Twilio
 * accepted but could not deliver is sent as a new message, and the old one stays in the thread.
 */
export async function retrySend(db: DealchatDb, outboxId: string, now: number): Promise<OutboxRow | null> {
  return db.transaction('rw', db.outbox, db.messages, async () => {
    const row = await db.outbox.get(outboxId);
    if (!row) return null;
    if (row.state === 'failed') {
      const requeued: OutboxRow = { ...row, state: 'queued', attempts: 0, error: null, nextAttemptAt: now, attemptStartedAt: null };
      await db.outbox.put(requeued);
      return requeued;
    }
    const message = row.messageSid === null ? undefined : await db.messages.get(row.messageSid);
    const undelivered = message?.status === 'failed' || message?.status === 'undelivered';
    if (row.state !== 'sent' || !undelivered || row.retriedAs !== null) return null;
    const copy = await enqueueSend(db, { contact: row.contact, content: row.content, displayBody: row.displayBody, templateName: row.templateName }, now);
    await db.outbox.update(row.id, { retriedAs: copy.id });
    return copy;
  });
}

export interface OutboxRun {
  /** Local time at which the outbox next has work, or null when it is empty. */
  nextWakeAt: number | null;
}

export type OutboxRunner = (env: SyncEnvironment) => Promise<OutboxRun>;

/**
 * One runner per worker. It works through due sends one at a time, in the order they were made;
 * calls while it runs share that run (and trigger one more pass), so no two requests for the same
 * send are ever in flight from one worker.
 */
export function createOutboxRunner(): OutboxRunner {
  let running: Promise<OutboxRun> | null = null;
  let requests = 0;
  return (env) => {
    requests += 1;
    if (running) return running;
    running = (async () => {
      try {
        let result: OutboxRun;
        let served: number;
        do {
          served = requests;
          result = await processDueSends(env);
        } while (served !== requests);
        return result;
      } finally {
        running = null;
      }
    })();
    return running;
  };
}

async function processDueSends(env: SyncEnvironment): Promise<OutboxRun> {
  const open = await env.db.outbox.where('state').anyOf('queued', 'sending', 'unknown').sortBy('createdAt');
  let nextWakeAt: number | null = null;
  const wakeAt = (at: number) => {
    nextWakeAt = nextWakeAt === null ? at : Math.min(nextWakeAt, at);
  };
  for (const row of open) {
    const now = env.now();
    if (row.state === 'queued' && row.nextAttemptAt > now) {
      wakeAt(row.nextAttemptAt);
      continue;
    }
    // "sending" found here means a worker died mid-request: its outcome is unknown too.
    if (row.state !== 'queued') {
      const settleAt = Math.max((row.attemptStartedAt ?? 0) + OUTBOX_POLICY.reconcileAfterMs, row.nextAttemptAt);
      if (settleAt > now) {
        wakeAt(settleAt);
        continue;
      }
      if (await reconcile(env, row)) continue;
      if (row.attempts >= OUTBOX_POLICY.maxAttempts) {
        await fail(env, row, UNREACHABLE);
        continue;
      }
    }
    const after = await attempt(env, row);
    if (after !== null) wakeAt(after);
  }
  return { nextWakeAt };
}

/** Makes one request; returns when to look at this send again, or null when it is settled. */
async function attempt(env: SyncEnvironment, row: OutboxRow): Promise<number | null> {
  const startedAt = env.now();
  const attempts = row.attempts + 1;
  await env.db.outbox.update(row.id, { state: 'sending', attemptStartedAt: startedAt, attempts });
  let message: TwilioMessage;
  try {
    message = await env.client.sendMessage({ to: row.contact, sender: senderOf(env.settings), content: row.content });
  } catch (error) {
    if (isOutcomeUnknown(error)) {
      await env.db.outbox.update(row.id, { state: 'unknown' });
      env.onChange(row.contact);
      return startedAt + OUTBOX_POLICY.reconcileAfterMs;
    }
    if (isRetryable(error) && attempts < OUTBOX_POLICY.maxAttempts) {
      const retryAt = env.now() + backoffDelay(attempts, { baseMs: OUTBOX_POLICY.retryBaseMs, maxMs: OUTBOX_POLICY.retryMaxMs }, env.random ?? Math.random);
      await env.db.outbox.update(row.id, { state: 'queued', nextAttemptAt: retryAt });
      return retryAt;
    }
    const code = error instanceof TwilioApiError ? error.code : null;
    if (code === OUTSIDE_WINDOW_ERROR) await recordRefusal(env, row.contact);
    await fail(env, row, explainTwilioError(code, error instanceof Error ? error.message : undefined));
    return null;
  }
  await markSent(env, row, message);
  return null;
}

async function markSent(env: SyncEnvironment, row: OutboxRow, message: TwilioMessage): Promise<void> {
  const { db } = env;
  await db.transaction('rw', db.outbox, db.messages, db.contacts, async () => {
    await db.outbox.update(row.id, { state: 'sent', messageSid: message.sid, error: null });
    const extras = row.templateName === null ? { outboxId: row.id } : { outboxId: row.id, templateName: row.templateName };
    await upsertTwilioMessages(db, [message], env.settings.whatsappSender, () => extras);
  });
  env.onChange(row.contact);
}

async function fail(env: SyncEnvironment, row: OutboxRow, error: ErrorExplanation): Promise<void> {
  await env.db.outbox.update(row.id, { state: 'failed', error });
  env.onChange(row.contact);
}

async function recordRefusal(env: SyncEnvironment, contact: string): Promise<void> {
  await env.db.transaction('rw', env.db.contacts, async () => {
    const row = await getContact(env.db, contact);
    const session = recordOutsideWindowRefusal(sessionTimestamps(row), env.now() + env.clockOffset());
    await env.db.contacts.put({ ...row, ...session });
  });
}

function matchesSend(row: OutboxRow, message: TwilioMessage): boolean {
  if (row.content.kind === 'template') return (message.body ?? '') === row.displayBody;
  if (row.content.kind === 'media') return Number(message.num_media ?? '0') > 0;
  return (message.body ?? '') === row.content.body;
}

/**
 * Looks for the message an interrupted attempt may have created: an outbound message to the
 * contact, made after the attempt started, with the same text, that no other send has claimed.
 */
async function reconcile(env: SyncEnvironment, row: OutboxRow): Promise<boolean> {
  const twilioStart = (row.attemptStartedAt ?? row.createdAt) + env.clockOffset() - OUTBOX_POLICY.reconcileMarginMs;
  const sender = env.settings.whatsappSender;
  let pages = 0;
  let match: TwilioMessage | undefined;
  try {
    for await (const page of env.client.listMessages({ to: row.contact, from: sender })) {
      pages += 1;
      for (const message of page) {
        const createdAt = parseTwilioDate(message.date_created) ?? 0;
        if (createdAt < twilioStart || !matchesSend(row, message)) continue;
        const stored = await env.db.messages.get(message.sid);
        if (stored?.outboxId !== undefined && stored.outboxId !== row.id) continue;
        match = message;
      }
      const oldest = parseTwilioDate(page.at(-1)?.date_created ?? null) ?? 0;
      if (match || oldest < twilioStart || pages >= OUTBOX_POLICY.reconcilePages) break;
    }
  } catch {
    // Twilio unreachable: the outcome stays unknown, and we look again later. The attempt's start
    // stays as it was: the next look must still reach back to it, however long Twilio is away.
    await env.db.outbox.update(row.id, { state: 'unknown', nextAttemptAt: env.now() + OUTBOX_POLICY.reconcileAfterMs });
    return true;
  }
  if (!match) return false;
  await markSent(env, row, match);
  return true;
}
