/**
 * The background's composition root: the store, Twilio's clock and connection, the sync jobs, their
 * schedule, live updates and the request router, wired once per worker. The entrypoint only connects
 * browser events to it; each part does one job in its own module and knows the others only through
 * what it is handed here.
 */
import type { Browser } from 'wxt/browser';
import { handlers, type HandlerContext } from './handlers';
import { LiveHub } from './live-hub';
import { createRequestRouter, type RequestRouter } from './router';
import { Scheduler, type AlarmScheduler } from './scheduler';
import type { SenderPolicy } from './sender-policy';
import type { DealchatDb } from './store/db';
import { SyncJobs } from './sync-jobs';
import { BackgroundTasks } from './tasks';
import { TwilioClock } from './twilio-clock';
import { TwilioConnector, type TwilioClientOverrides } from './twilio-connection';

export interface EngineOptions {
  db: DealchatDb;
  policy: SenderPolicy;
  alarms: AlarmScheduler;
  /** Content scripts cannot open the settings page themselves. */
  openSettingsPage: () => Promise<void>;
  twilioClient?: TwilioClientOverrides;
  now?: () => number;
}

export class Engine {
  readonly db: DealchatDb;
  readonly hub: LiveHub;
  /** Answers one runtime message. */
  readonly handleMessage: RequestRouter;
  private readonly tasks = new BackgroundTasks();
  private readonly clock: TwilioClock;
  private readonly scheduler: Scheduler;

  constructor(options: EngineOptions) {
    const { db } = options;
    this.db = db;
    const clock = new TwilioClock(db, this.tasks, options.now ?? Date.now);
    const connector = new TwilioConnector(db, clock, options.twilioClient);
    const hub = new LiveHub(options.policy, () => scheduler.watchersChanged());
    const jobs = new SyncJobs({ db, clock, connector, broadcast: (event) => hub.broadcast(event) });
    const scheduler = new Scheduler({ alarms: options.alarms, jobs, tasks: this.tasks, now: clock.now, watchedContacts: () => hub.watchedContacts() });
    const context: HandlerContext = {
      db,
      now: clock.now,
      clockOffset: () => clock.offset(),
      twilioNow: () => clock.twilioNow(),
      connection: () => connector.connection(),
      clientFor: (settings) => connector.clientFor(settings),
      settingsChanged: () => {
        connector.settingsChanged();
        scheduler.settingsChanged();
      },
      conversationChanged: (contact) => jobs.conversationChanged(contact),
      kickOutbox: () => scheduler.kickOutbox(),
      syncNow: (what) => jobs.syncNow(what),
      syncStatus: () => jobs.syncStatus(),
      openSettingsPage: options.openSettingsPage,
    };
    this.clock = clock;
    this.hub = hub;
    this.scheduler = scheduler;
    this.handleMessage = createRequestRouter({ policy: options.policy, handlers, context, ready: () => clock.ready() });
  }

  /**
   * On every worker start. Twilio's clock offset is read at once, which also opens the database for
   * the requests on their way; the catch-up waits, so that they are answered first.
   */
  start(): void {
    this.clock.load();
    this.scheduler.start();
  }

  /** Stops in-memory timers (the worker's own end does this too). */
  stop(): void {
    this.scheduler.stop();
  }

  onAlarm(name: string): void {
    this.scheduler.onAlarm(name);
  }

  onConnect(port: Browser.runtime.Port): void {
    this.hub.accept(port);
  }

  /** Milliseconds to add to the local clock to get Twilio's. */
  clockOffset(): number {
    return this.clock.offset();
  }

  /** Resolves once no background work is left. */
  idle(): Promise<void> {
    return this.tasks.idle();
  }
}
