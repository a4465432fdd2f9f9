/**
 * When the background works on its own: alarms (which wake a stopped worker), the outbox's retry
 * timer, the fast poll while a panel is open, and the catch-up after the worker starts. What each
 * run does is sync-jobs.ts's business.
 */
import { ALARMS, SCHEDULE } from './schedule';
import type { SyncJobs } from './sync-jobs';
import type { BackgroundTasks } from './tasks';

/** The part of `browser.alarms` the scheduler uses. */
export interface AlarmScheduler {
  create(name: string, info: { when?: number; periodInMinutes?: number; delayInMinutes?: number }): Promise<void>;
  get(name: string): Promise<{ periodInMinutes?: number } | undefined>;
  clear(name: string): Promise<boolean>;
}

export interface SchedulerOptions {
  alarms: AlarmScheduler;
  jobs: SyncJobs;
  tasks: BackgroundTasks;
  /** Contacts with a panel open (live-hub.ts). */
  watchedContacts: () => ReadonlySet<string>;
  /** The local clock. */
  now: () => number;
}

export class Scheduler {
  private fastPollTimer: ReturnType<typeof setTimeout> | null = null;
  private outboxTimer: ReturnType<typeof setTimeout> | undefined;
  private catchUpTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: SchedulerOptions) {}

  /**
   * On every worker start. The catch-up waits, so that the requests that woke the worker are
   * answered first.
   */
  start(): void {
    this.catchUpTimer = setTimeout(() => this.options.tasks.run(() => this.catchUp()), SCHEDULE.startupCatchUpDelayMs);
  }

  /** Stops in-memory timers (the worker's own end does this too). */
  stop(): void {
    if (this.fastPollTimer !== null) clearTimeout(this.fastPollTimer);
    this.fastPollTimer = null;
    clearTimeout(this.outboxTimer);
    clearTimeout(this.catchUpTimer);
  }

  onAlarm(name: string): void {
    this.options.tasks.run(() => this.handleAlarm(name));
  }

  /** A send was recorded or retried: send it now rather than at the next alarm. */
  kickOutbox(): void {
    this.options.tasks.run(() => this.runOutbox());
  }

  /** New settings may make a new account: catch up with it at once. */
  settingsChanged(): void {
    this.options.tasks.run(() => this.catchUp());
  }

  /** A panel opened or closed: the fast poll runs while any contact is watched. */
  watchersChanged(): void {
    if (this.options.watchedContacts().size > 0 && this.fastPollTimer === null) this.scheduleFastPoll(0);
  }

  private async handleAlarm(name: string): Promise<void> {
    const { jobs } = this.options;
    if (name === ALARMS.outbox) await this.runOutbox();
    if (name === ALARMS.templates) await jobs.syncTemplates();
    if (name === ALARMS.sync) {
      await jobs.syncMessages();
      await this.runOutbox();
    }
  }

  private async runOutbox(): Promise<void> {
    const { alarms, jobs, now } = this.options;
    const run = await jobs.sendOutbox();
    if (run === null) return;
    if (run.nextWakeAt === null) {
      clearTimeout(this.outboxTimer);
      await alarms.clear(ALARMS.outbox);
      return;
    }
    const { nextWakeAt } = run;
    // The alarm wakes a stopped worker; Chrome delays alarms to at least 30 s, so a live worker
    // also keeps a timer for sooner retries.
    await alarms.create(ALARMS.outbox, { when: Math.max(nextWakeAt, now() + 1_000) });
    // Cleared only now: two runs finishing together must not each leave a timer behind.
    clearTimeout(this.outboxTimer);
    this.outboxTimer = setTimeout(() => this.kickOutbox(), Math.max(0, nextWakeAt - now()));
  }

  private scheduleFastPoll(delay: number): void {
    this.fastPollTimer = setTimeout(() => this.options.tasks.run(() => this.fastPoll()), delay);
  }

  private async fastPoll(): Promise<void> {
    const contacts = this.options.watchedContacts();
    if (contacts.size === 0) {
      this.fastPollTimer = null;
      return;
    }
    await this.options.jobs.syncWatched(contacts);
    this.scheduleFastPoll(SCHEDULE.fastPollMs);
  }

  /** Resumes an interrupted outbox, makes sure the schedules exist, and syncs stale templates. */
  private async catchUp(): Promise<void> {
    await this.ensureAlarm(ALARMS.sync, SCHEDULE.syncPeriodMinutes);
    await this.ensureAlarm(ALARMS.templates, SCHEDULE.templatesPeriodMinutes);
    await this.runOutbox();
    const { lastTemplatesSyncAt } = await this.options.jobs.syncStatus();
    if (lastTemplatesSyncAt === null || this.options.now() - lastTemplatesSyncAt > SCHEDULE.templatesPeriodMinutes * 60_000) {
      await this.options.jobs.syncTemplates();
    }
  }

  private async ensureAlarm(name: string, periodInMinutes: number): Promise<void> {
    const { alarms } = this.options;
    const existing = await alarms.get(name);
    if (existing?.periodInMinutes !== periodInMinutes) await alarms.create(name, { periodInMinutes, delayInMinutes: periodInMinutes });
  }
}
