/**
 * The background's working parts wired together: settings → Twilio client, sync schedules, the
 * outbox, live updates and the request router. The entrypoint only connects browser events to it.
 */
import type { Browser } from 'wxt/browser';
import {
  EXTENSION_PAGE_ONLY,
  parseRequest,
  type ParsedEnvelope,
  type RequestType,
  type ResponseEnvelope,
  type ResponseMap,
  type SyncStatus,
} from '@/utils/messaging/contract';
import { storedSettings, twilioAuthOf, type StoredSettings } from './credentials/settings';
import type { DealchatDb } from './store/db';
import type { SyncEnvironment } from './sync/environment';
import { refreshStatuses, syncContact, syncRecent, type StatusCadence } from './sync/message-sync';
import { createOutboxRunner } from './sync/outbox';
import { clockOffsetSlot, ERROR_FIELD, syncState, type SyncKind } from './sync/sync-state';
import { syncTemplates } from './sync/template-sync';
import { createTwilioClient, type TwilioClientOptions } from './twilio/rest-client';
import type { TwilioClient } from './twilio/types';
import { estimateOffset } from '@/utils/whatsapp/clock-offset';
import { describeTwilioFailure } from './describe-twilio-failure';
import { handlers, type Origin } from './handlers';
import { LiveHub } from './live-hub';
import { RequestError } from './request-error';
import { classifySender, type SenderPolicy } from './sender-policy';

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

/** The part of `browser.alarms` the engine uses. */
export interface AlarmScheduler {
  create(name: string, info: { when?: number; periodInMinutes?: number; delayInMinutes?: number }): Promise<void>;
  get(name: string): Promise<{ periodInMinutes?: number } | undefined>;
  clear(name: string): Promise<boolean>;
}

export interface EngineOptions {
  db: DealchatDb;
  policy: SenderPolicy;
  alarms: AlarmScheduler;
  /** Content scripts cannot open the settings page themselves. */
  openSettingsPage: () => Promise<void>;
  /** Overrides for the Twilio client (tests pass a fetch and a sleep that does not wait). */
  twilioClient?: Omit<TwilioClientOptions, 'auth' | 'onServerDate'>;
  now?: () => number;
}

interface Environment {
  settings: StoredSettings;
  client: TwilioClient;
}

export class Engine {
  readonly db: DealchatDb;
  readonly hub: LiveHub;
  private offset = 0;
  private current: { key: string; environment: Environment } | null = null;
  private fastPollTimer: ReturnType<typeof setTimeout> | null = null;
  private outboxTimer: ReturnType<typeof setTimeout> | undefined;
  private catchUpTimer: ReturnType<typeof setTimeout> | undefined;
  /** Settles once the clock offset an earlier worker measured is loaded. */
  private storedOffsetLoaded: Promise<unknown> = Promise.resolve();
  private readonly nowFn: () => number;
  private readonly processOutbox = createOutboxRunner();
  private readonly tasks = new Set<Promise<unknown>>();

  constructor(private readonly options: EngineOptions) {
    this.db = options.db;
    this.nowFn = options.now ?? Date.now;
    this.hub = new LiveHub(options.policy, () => this.watchersChanged());
  }

  now(): number {
    return this.nowFn();
  }

  clockOffset(): number {
    return this.offset;
  }

  twilioNow(): number {
    return this.now() + this.offset;
  }

  /** A client for these settings; every answer's `Date` header keeps our clock offset fresh. */
  clientFor(settings: StoredSettings): TwilioClient {
    return createTwilioClient({
      ...this.options.twilioClient,
      auth: twilioAuthOf(settings),
      onServerDate: (serverMs, localMs) => this.updateOffset(estimateOffset(serverMs, localMs)),
    });
  }

  async environment(): Promise<Environment | null> {
    // Nothing may talk to Twilio or read its clock before the offset is known.
    const [settings] = await Promise.all([storedSettings.get(this.db), this.storedOffsetLoaded]);
    if (!settings) return null;
    const key = JSON.stringify(settings);
    if (this.current?.key !== key) this.current = { key, environment: { settings, client: this.clientFor(settings) } };
    return this.current.environment;
  }

  private syncEnvironment(environment: Environment): SyncEnvironment {
    return {
      db: this.db,
      ...environment,
      now: () => this.now(),
      clockOffset: () => this.offset,
      onChange: (contact) => this.conversationChanged(contact),
    };
  }

  private updateOffset(offset: number): void {
    if (Math.abs(offset - this.offset) < 1_000) return;
    this.offset = offset;
    this.inBackground(() => clockOffsetSlot.set(this.db, offset));
  }

  /** Work that nobody awaits: tracked so that it can be awaited (tests, shutdown), never unhandled. */
  private inBackground(task: () => Promise<unknown>): void {
    const running = task()
      .catch((error: unknown) => console.error('Dealchat background task failed:', describeTwilioFailure(error)))
      .finally(() => this.tasks.delete(running));
    this.tasks.add(running);
  }

  /** Resolves once no background work is left. */
  async idle(): Promise<void> {
    while (this.tasks.size > 0) await Promise.all([...this.tasks]);
  }

  conversationChanged(contact: string): void {
    this.hub.broadcast({ type: 'conversation-changed', contact });
  }

  // ---- Outbox --------------------------------------------------------------------------------

  kickOutbox(): void {
    this.inBackground(() => this.runOutbox());
  }

  private async runOutbox(): Promise<void> {
    const environment = await this.environment();
    if (!environment) return;
    const { nextWakeAt } = await this.processOutbox(this.syncEnvironment(environment));
    if (nextWakeAt === null) {
      clearTimeout(this.outboxTimer);
      await this.options.alarms.clear(ALARMS.outbox);
      return;
    }
    // The alarm wakes a stopped worker; Chrome delays alarms to at least 30 s, so a live worker
    // also keeps a timer for sooner retries.
    await this.options.alarms.create(ALARMS.outbox, { when: Math.max(nextWakeAt, this.now() + 1_000) });
    // Cleared only now: two runs finishing together must not each leave a timer behind.
    clearTimeout(this.outboxTimer);
    this.outboxTimer = setTimeout(() => this.kickOutbox(), Math.max(0, nextWakeAt - this.now()));
  }

  // ---- Sync ----------------------------------------------------------------------------------

  async syncStatus(): Promise<SyncStatus> {
    const state = await syncState.get(this.db);
    return {
      configured: (await storedSettings.get(this.db)) !== null,
      lastMessagesSyncAt: state.lastMessagesSyncAt,
      lastTemplatesSyncAt: state.lastTemplatesSyncAt,
      messagesError: state.messagesError,
      templatesError: state.templatesError,
    };
  }

  /**
   * Runs a sync step; a failure becomes the sync status the UIs show instead of vanishing, and only
   * the next success of the same kind clears it.
   */
  private async guarded(kind: SyncKind, step: (environment: Environment) => Promise<unknown>): Promise<void> {
    const environment = await this.environment();
    if (!environment) return;
    let error: string | null = null;
    try {
      await step(environment);
    } catch (failure) {
      error = describeTwilioFailure(failure);
    }
    await syncState.update(this.db, (current) => ({ ...current, [ERROR_FIELD[kind]]: error }));
    this.hub.broadcast({ type: 'sync-status', status: await this.syncStatus() });
  }

  async syncNow(what: 'all' | 'messages' | 'templates'): Promise<SyncStatus> {
    if (what !== 'messages') await this.syncTemplatesStep();
    if (what !== 'templates') {
      await this.guarded('messages', async (environment) => {
        const sync = this.syncEnvironment(environment);
        await syncRecent(sync, { includeOutbound: true });
        await refreshStatuses(sync, STATUS_CADENCE.background);
      });
    }
    return this.syncStatus();
  }

  private async syncTemplatesStep(): Promise<void> {
    await this.guarded('templates', async ({ client }) => {
      if (await syncTemplates(this.db, client, this.now())) this.hub.broadcast({ type: 'templates-changed' });
    });
  }

  private watchersChanged(): void {
    if (this.hub.watchedContacts().size > 0 && this.fastPollTimer === null) this.scheduleFastPoll(0);
  }

  private scheduleFastPoll(delay: number): void {
    this.fastPollTimer = setTimeout(() => this.inBackground(() => this.fastPoll()), delay);
  }

  private async fastPoll(): Promise<void> {
    const contacts = this.hub.watchedContacts();
    if (contacts.size === 0) {
      this.fastPollTimer = null;
      return;
    }
    await this.guarded('messages', async (environment) => {
      const sync = this.syncEnvironment(environment);
      for (const contact of contacts) {
        await syncContact(sync, contact);
        await refreshStatuses(sync, STATUS_CADENCE.watched, contact);
      }
    });
    this.scheduleFastPoll(SCHEDULE.fastPollMs);
  }

  onAlarm(name: string): void {
    this.inBackground(() => this.handleAlarm(name));
  }

  private async handleAlarm(name: string): Promise<void> {
    if (name === ALARMS.outbox) await this.runOutbox();
    if (name === ALARMS.templates) await this.syncTemplatesStep();
    if (name === ALARMS.sync) {
      await this.guarded('messages', async (environment) => {
        const sync = this.syncEnvironment(environment);
        await syncRecent(sync, { includeOutbound: false });
        await refreshStatuses(sync, STATUS_CADENCE.background);
      });
      await this.runOutbox();
    }
  }

  /** Stops in-memory timers (the worker's own end does this too). */
  stop(): void {
    if (this.fastPollTimer !== null) clearTimeout(this.fastPollTimer);
    this.fastPollTimer = null;
    clearTimeout(this.outboxTimer);
    clearTimeout(this.catchUpTimer);
  }

  settingsChanged(): void {
    this.current = null;
    this.inBackground(() => this.catchUp());
  }

  /**
   * On every worker start. The clock offset is read at once, which also opens the database for the
   * requests on their way; the catch-up waits, so that they are answered first.
   */
  start(): void {
    const load = clockOffsetSlot.get(this.db).then((stored) => {
      this.offset = stored;
    });
    this.inBackground(() => load);
    // A failed read is reported by inBackground; the worker then goes on as if no offset were known.
    this.storedOffsetLoaded = load.catch(() => undefined);
    this.catchUpTimer = setTimeout(() => this.inBackground(() => this.catchUp()), SCHEDULE.startupCatchUpDelayMs);
  }

  /** Resumes an interrupted outbox, makes sure the schedules exist, and syncs stale templates. */
  private async catchUp(): Promise<void> {
    await this.ensureAlarm(ALARMS.sync, SCHEDULE.syncPeriodMinutes);
    await this.ensureAlarm(ALARMS.templates, SCHEDULE.templatesPeriodMinutes);
    await this.runOutbox();
    const { lastTemplatesSyncAt } = await syncState.get(this.db);
    if (lastTemplatesSyncAt === null || this.now() - lastTemplatesSyncAt > SCHEDULE.templatesPeriodMinutes * 60_000) {
      await this.syncTemplatesStep();
    }
  }

  private async ensureAlarm(name: string, periodInMinutes: number): Promise<void> {
    const existing = await this.options.alarms.get(name);
    if (existing?.periodInMinutes !== periodInMinutes) await this.options.alarms.create(name, { periodInMinutes, delayInMinutes: periodInMinutes });
  }

  // ---- Requests and ports ---------------------------------------------------------------------

  async handleMessage(raw: unknown, sender: Browser.runtime.MessageSender | undefined): Promise<ResponseEnvelope> {
    const kind = classifySender(sender, this.options.policy);
    if (kind === null) return { ok: false, error: { code: 'refused', message: 'Request refused: it did not come from Dealchat.' } };
    const parsed = parseRequest(raw);
    if (!parsed.ok) return { ok: false, error: { code: 'invalid', message: parsed.reason } };
    if (EXTENSION_PAGE_ONLY.has(parsed.request.type) && kind !== 'extension-page') {
      return { ok: false, error: { code: 'refused', message: 'Request refused: only Dealchat’s settings page may do that.' } };
    }
    try {
      // Windows and message times are on Twilio's clock.
      await this.storedOffsetLoaded;
      // Chrome keeps `sender.url` at the address the document loaded with; after a single-page app's
      // pushState, only the tab's address says which deal the top frame shows.
      const url = (sender?.frameId === 0 ? sender.tab?.url : undefined) ?? sender?.url ?? '';
      return { ok: true, data: await this.dispatch(parsed.request, { kind, url }) };
    } catch (error) {
      if (error instanceof RequestError) return { ok: false, error: { code: error.code, message: error.message } };
      return { ok: false, error: { code: 'failed', message: describeTwilioFailure(error) } };
    }
  }

  private dispatch(request: ParsedEnvelope, origin: Origin): Promise<ResponseMap[RequestType]> {
    // The union of handlers cannot be called with the union of payloads; parseRequest paired them.
    const handler = handlers[request.type] as (engine: Engine, payload: unknown, origin: Origin) => Promise<ResponseMap[RequestType]>;
    return handler(this, request.payload, origin);
  }

  openSettingsPage(): Promise<void> {
    return this.options.openSettingsPage();
  }

  onConnect(port: Browser.runtime.Port): void {
    this.hub.accept(port);
  }
}
