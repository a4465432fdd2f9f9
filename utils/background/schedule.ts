/** How often the background does what on its own; the Scheduler (scheduler.ts) keeps to it. */
import type { StatusCadence } from './sync/message-sync';

export const ALARMS = {
  sync: 'dealchat/sync',
  templates: 'dealchat/templates',
  outbox: 'dealchat/outbox',
} as const;

export const SCHEDULE = {
  /** Background sync with no panel open: about 30 requests an hour. */
  syncPeriodMinutes: 2,
  templatesPeriodMinutes: 60,
  /** While a panel is open for a contact, its thread is polled this often. */
  fastPollMs: 4_000,
  /**
   * A starting worker catches up (outbox, alarms, stale templates) only after this long: the
   * requests that woke it, often several at once from a panel opening, are answered first.
   */
  startupCatchUpDelayMs: 1_000,
};

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * How delivery statuses are followed (see refreshStatuses). In the background nobody is looking: a
 * message that is never delivered is read 9 times in its first hour, then every 30 minutes, and after
 * a day it keeps its last known status (most phones are back online by then); messages awaiting
 * together share those reads, so a run costs one request however many there are. An open panel
 * shows its contact's ticks within a poll while a message is new, and at least every background
 * period for as long as WhatsApp keeps an undelivered message (30 days).
 */
export const STATUS_CADENCE = {
  background: { runEveryMs: SCHEDULE.syncPeriodMinutes * MINUTE, maxIntervalMs: 30 * MINUTE, followForMs: DAY },
  watched: { runEveryMs: SCHEDULE.fastPollMs, maxIntervalMs: SCHEDULE.syncPeriodMinutes * MINUTE, followForMs: 30 * DAY },
} satisfies Record<string, StatusCadence>;
