/**
 * Pulls messages from Twilio without a server: incremental, newest first, following pages only as
 * far back as needed, de-duplicated by sid in the store.
 */
import { getContact } from '@/utils/background/store/contacts';
import type { MessageRow } from '@/utils/background/store/db';
import { messagesAwaitingStatus, recordStatusRead, upsertTwilioMessages } from '@/utils/background/store/messages';
import { parseTwilioDate } from '@/utils/background/twilio/dates';
import type { ListMessagesFilter, TwilioClient, TwilioMessage } from '@/utils/background/twilio/types';
import type { SyncEnvironment } from './environment';
import { syncState } from './sync-state';

export const SYNC_POLICY = {
  /** How far back the very first sync reads: the window is 24 hours, plus a day of context. */
  firstSyncLookbackMs: 48 * 60 * 60 * 1000,
  /** Re-read a little before the watermark: messages can be listed a moment after they are created. */
  overlapMs: 10 * 60 * 1000,
  pageSize: 50,
  maxPages: 20,
  /** A contact's older history, read once when the rep first opens it. */
  historyPages: 2,
};

/**
 * Following delivery statuses (refreshStatuses). How often depends on who is looking (a
 * StatusCadence); these are the same for every caller.
 */
export const STATUS_POLICY = {
  /**
   * The next read of a message is due this fraction of its age (at the last read) later, so reads
   * thin out geometrically: a message to a phone that stays offline is read 9 times in its first
   * hour in the background, while one delivered within minutes shows it within a run or two.
   */
  intervalPerAge: 0.5,
  /** Pages of the sender's outbound messages one run reads for their statuses. */
  listPages: 2,
  /** Messages read one by one in a run, when the list did not return them. */
  singleReadsPerRun: 10,
};

/** How often the caller runs status refreshes, and how long it follows a message. */
export interface StatusCadence {
  /** The caller's period: a message is read by the run nearest its due time, never twice in a run period. */
  runEveryMs: number;
  /** Old messages are still read at least this often while followed. */
  maxIntervalMs: number;
  /** After this age a message keeps its last known status until something else reads it (a thread sync). */
  followForMs: number;
}


/** Reads pages until one reaches back before `since` (Twilio clock), or `maxPages`. */
async function readSince(client: TwilioClient, filter: ListMessagesFilter, since: number | null, maxPages: number): Promise<TwilioMessage[]> {
  const collected: TwilioMessage[] = [];
  let pages = 0;
  for await (const page of client.listMessages({ ...filter, pageSize: SYNC_POLICY.pageSize })) {
    collected.push(...page);
    pages += 1;
    const oldest = parseTwilioDate(page.at(-1)?.date_created ?? null);
    if (pages >= maxPages || page.length < SYNC_POLICY.pageSize) break;
    if (since !== null && oldest !== null && oldest < since) break;
  }
  return collected;
}

function twilioNow(env: SyncEnvironment): number {
  return env.now() + env.clockOffset();
}

/** Stores what Twilio returned; every outbound message in it counts as a status read, whatever asked for it. */
async function store(env: SyncEnvironment, messages: TwilioMessage[]): Promise<number> {
  const outcome = await upsertTwilioMessages(env.db, messages, env.settings.whatsappSender);
  for (const contact of outcome.changedContacts) env.onChange(contact);
  const outbound = messages.filter((message) => message.direction !== 'inbound').map((message) => message.sid);
  await recordStatusRead(env.db, outbound, twilioNow(env));
  return outcome.newInbound;
}

/**
 * Inbound messages to our sender since the last sync, and with `includeOutbound` also what was
 * sent from the sender elsewhere (Twilio Console, other tools). Returns the new inbound count.
 */
export async function syncRecent(env: SyncEnvironment, { includeOutbound }: { includeOutbound: boolean }): Promise<number> {
  const startedAt = twilioNow(env);
  const state = await syncState.get(env.db);
  const since = (state.messagesWatermark ?? startedAt - SYNC_POLICY.firstSyncLookbackMs) - SYNC_POLICY.overlapMs;
  const sender = env.settings.whatsappSender;
  const sentOnOrAfter = new Date(since);
  const messages = await readSince(env.client, { to: sender, sentOnOrAfter }, since, SYNC_POLICY.maxPages);
  if (includeOutbound) messages.push(...(await readSince(env.client, { from: sender, sentOnOrAfter }, since, SYNC_POLICY.maxPages)));
  const newInbound = await store(env, messages);
  await syncState.update(env.db, (current) => ({ ...current, messagesWatermark: startedAt, lastMessagesSyncAt: env.now() }));
  return newInbound;
}

/**
 * One contact's thread, for an open panel: its history once, then whatever is new. Outbound
 * messages are read too, because another rep or tool may write from the same sender.
 */
export async function syncContact(env: SyncEnvironment, contact: string): Promise<void> {
  const row = await getContact(env.db, contact);
  const sender = env.settings.whatsappSender;
  const firstTime = row.historyLoadedAt === null;
  const since = firstTime ? null : twilioNow(env) - SYNC_POLICY.overlapMs;
  const filterSince = since === null ? {} : { sentOnOrAfter: new Date(since) };
  const maxPages = firstTime ? SYNC_POLICY.historyPages : SYNC_POLICY.maxPages;
  const messages = [
    ...(await readSince(env.client, { from: contact, to: sender, ...filterSince }, since, maxPages)),
    ...(await readSince(env.client, { from: sender, to: contact, ...filterSince }, since, maxPages)),
  ];
  await store(env, messages);
  if (firstTime) await env.db.contacts.put({ ...(await getContact(env.db, contact)), historyLoadedAt: env.now() });
}

function nextStatusReadAt(message: MessageRow, cadence: StatusCadence): number {
  const lastReadAt = message.statusReadAt ?? message.at;
  const interval = (lastReadAt - message.at) * STATUS_POLICY.intervalPerAge;
  return lastReadAt + Math.min(cadence.maxIntervalMs, Math.max(cadence.runEveryMs, interval));
}

/**
 * Follows outbound messages (one contact's, for an open panel) until delivered, read, failed or
 * undelivered, each only as often as its age and the cadence say.
 *
 * Why a list rather than a read per message: one page of the sender's outbound messages, from the
 * day of the oldest one due, carries the status of every message due at once, so a run costs one
 * request however many messages await, where a read per message would cost 30 an hour for each
 * undelivered one in the background alone. Every outbound message a list returns counts as read, so
 * messages sent together stay on one schedule and share their reads. A single due message is read by
 * itself: one request either way, and a read never needs a second page. Due messages the list did
 * not return are read one by one: those Twilio has not sent yet (no DateSent for the filter) and
 * those further back than `listPages` pages. So a run makes at most `listPages` +
 * `singleReadsPerRun` requests, and usually one.
 */
export async function refreshStatuses(env: SyncEnvironment, cadence: StatusCadence, contact?: string): Promise<void> {
  const now = twilioNow(env);
  const awaiting = await messagesAwaitingStatus(env.db, { since: now - cadence.followForMs, ...(contact !== undefined && { contact }) });
  const due = awaiting.filter((message) => nextStatusReadAt(message, cadence) <= now + cadence.runEveryMs / 2);
  const [oldest] = due;
  if (oldest === undefined) return;
  const sender = env.settings.whatsappSender;
  const filter: ListMessagesFilter = { from: sender, ...(contact !== undefined && { to: contact }), sentOnOrAfter: new Date(oldest.at) };
  const fresh = due.length > 1 ? await readSince(env.client, filter, oldest.at, STATUS_POLICY.listPages) : [];
  const listed = new Set(fresh.map((message) => message.sid));
  const unlisted = due.filter((message) => !listed.has(message.sid)).slice(0, STATUS_POLICY.singleReadsPerRun);
  for (const message of unlisted) fresh.push(await env.client.fetchMessage(message.sid));
  await store(env, fresh);
}
