/**
 * Pulls messages from Twilio without a server: incremental, newest first, following pages only as
 * far back as needed, de-duplicated by sid in the store.
 */
import { getContact } from '../store/contacts';
import { messagesAwaitingStatus, upsertTwilioMessages } from '../store/messages';
import { parseTwilioDate } from '../twilio/dates';
import type { ListMessagesFilter, TwilioClient, TwilioMessage } from '../twilio/types';
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
  statusChecksPerRun: 20,
};


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

async function store(env: SyncEnvironment, messages: TwilioMessage[]): Promise<number> {
  const outcome = await upsertTwilioMessages(env.db, messages, env.settings.whatsappSender);
  for (const contact of outcome.changedContacts) env.onChange(contact);
  return outcome.newInbound;
}

/**
 * Inbound messages to our sender since the last sync, and with `includeOutbound` also what was
 * sent from the sender elsewhere (Twilio Console, other tools). Returns the new inbound count.
 */
export async function syncRecent(env: SyncEnvironment, { includeOutbound }: { includeOutbound: boolean }): Promise<number> {
  const startedAt = env.now() + env.clockOffset();
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
  const since = firstTime ? null : env.now() + env.clockOffset() - SYNC_POLICY.overlapMs;
  const filterSince = since === null ? {} : { sentOnOrAfter: new Date(since) };
  const maxPages = firstTime ? SYNC_POLICY.historyPages : SYNC_POLICY.maxPages;
  const messages = [
    ...(await readSince(env.client, { from: contact, to: sender, ...filterSince }, since, maxPages)),
    ...(await readSince(env.client, { from: sender, to: contact, ...filterSince }, since, maxPages)),
  ];
  await store(env, messages);
  if (firstTime) await env.db.contacts.put({ ...(await getContact(env.db, contact)), historyLoadedAt: env.now() });
}

/** Follows outbound messages until they are delivered, read, failed or undelivered. */
export async function refreshStatuses(env: SyncEnvironment, contact?: string): Promise<void> {
  const awaiting = await messagesAwaitingStatus(env.db, SYNC_POLICY.statusChecksPerRun, contact);
  const fresh: TwilioMessage[] = [];
  for (const message of awaiting) fresh.push(await env.client.fetchMessage(message.sid));
  await store(env, fresh);
}
