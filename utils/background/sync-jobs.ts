/**
 * What the background does with Twilio, whoever asks for it (the schedule or a request): each sync
 * step's failure becomes the sync status the UIs show instead of vanishing, and only the next
 * success of the same kind clears it.
 */
import type { LiveEvent, SyncStatus } from '@/utils/messaging/views';
import { storedSettings } from './credentials/settings';
import { describeTwilioFailure } from './describe-twilio-failure';
import { STATUS_CADENCE } from './schedule';
import type { DealchatDb } from './store/db';
import type { SyncEnvironment } from './sync/environment';
import { refreshStatuses, syncContact, syncRecent } from './sync/message-sync';
import { createOutboxRunner } from './sync/outbox';
import { ERROR_FIELD, syncState, type SyncKind } from './sync/sync-state';
import { syncTemplates } from './sync/template-sync';
import type { TwilioClock } from './twilio-clock';
import type { TwilioConnection, TwilioConnector } from './twilio-connection';

export interface SyncJobsOptions {
  db: DealchatDb;
  clock: TwilioClock;
  connector: TwilioConnector;
  /** Tells the open UIs (live-hub.ts). */
  broadcast: (event: LiveEvent) => void;
}

export class SyncJobs {
  private readonly processOutbox = createOutboxRunner();

  constructor(private readonly options: SyncJobsOptions) {}

  conversationChanged(contact: string): void {
    this.options.broadcast({ type: 'conversation-changed', contact });
  }

  async syncStatus(): Promise<SyncStatus> {
    const { db } = this.options;
    const state = await syncState.get(db);
    return {
      configured: (await storedSettings.get(db)) !== null,
      lastMessagesSyncAt: state.lastMessagesSyncAt,
      lastTemplatesSyncAt: state.lastTemplatesSyncAt,
      messagesError: state.messagesError,
      templatesError: state.templatesError,
    };
  }

  /** What the rep asked for: outbound messages too, since another device may have sent some. */
  async syncNow(what: 'all' | 'messages' | 'templates'): Promise<SyncStatus> {
    if (what !== 'messages') await this.syncTemplates();
    if (what !== 'templates') {
      await this.guarded('messages', async (sync) => {
        await syncRecent(sync, { includeOutbound: true });
        await refreshStatuses(sync, STATUS_CADENCE.background);
      });
    }
    return this.syncStatus();
  }

  /** The periodic sync with nobody looking. */
  async syncMessages(): Promise<void> {
    await this.guarded('messages', async (sync) => {
      await syncRecent(sync, { includeOutbound: false });
      await refreshStatuses(sync, STATUS_CADENCE.background);
    });
  }

  async syncTemplates(): Promise<void> {
    await this.guarded('templates', async ({ db, client, now }) => {
      if (await syncTemplates(db, client, now())) this.options.broadcast({ type: 'templates-changed' });
    });
  }

  /** The threads open panels show, and their delivery ticks. */
  async syncWatched(contacts: ReadonlySet<string>): Promise<void> {
    await this.guarded('messages', async (sync) => {
      for (const contact of contacts) {
        await syncContact(sync, contact);
        await refreshStatuses(sync, STATUS_CADENCE.watched, contact);
      }
    });
  }

  /**
   * Sends what is due in the outbox, and answers when it wants to run again (`nextWakeAt`, null once
   * nothing is left to send); null when Twilio is not configured.
   */
  async sendOutbox(): Promise<{ nextWakeAt: number | null } | null> {
    const connection = await this.options.connector.connection();
    if (!connection) return null;
    return this.processOutbox(this.syncEnvironment(connection));
  }

  private syncEnvironment(connection: TwilioConnection): SyncEnvironment {
    const { db, clock } = this.options;
    return {
      db,
      ...connection,
      now: () => clock.now(),
      clockOffset: () => clock.offset(),
      onChange: (contact) => this.conversationChanged(contact),
    };
  }

  private async guarded(kind: SyncKind, step: (sync: SyncEnvironment) => Promise<unknown>): Promise<void> {
    const connection = await this.options.connector.connection();
    if (!connection) return;
    let error: string | null = null;
    try {
      await step(this.syncEnvironment(connection));
    } catch (failure) {
      error = describeTwilioFailure(failure);
    }
    await syncState.update(this.options.db, (current) => ({ ...current, [ERROR_FIELD[kind]]: error }));
    this.options.broadcast({ type: 'sync-status', status: await this.syncStatus() });
  }
}
