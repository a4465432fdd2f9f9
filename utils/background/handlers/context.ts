/**
 * What request handlers may use of the background, and nothing more: each handler file narrows it
 * further to what its own requests need (`Pick<HandlerContext, …>`), so that a handler says what it
 * depends on and no handler reaches into the engine that wires them (engine.ts).
 */
import type { StoredSettings } from '@/utils/background/credentials/settings';
import type { SenderKind } from '@/utils/background/sender-policy';
import type { DealchatDb } from '@/utils/background/store/db';
import type { TwilioConnection } from '@/utils/background/twilio-connection';
import type { TwilioClient } from '@/utils/background/twilio/types';
import type { ParsedRequest, RequestType } from '@/utils/messaging/contract';
import type { ResponseMap, SyncStatus } from '@/utils/messaging/views';

export interface HandlerContext {
  readonly db: DealchatDb;
  /** The local clock. */
  now(): number;
  /** Milliseconds to add to the local clock to get Twilio's. */
  clockOffset(): number;
  /** Twilio's clock, which windows are on. */
  twilioNow(): number;
  /** The saved settings and a client for them; null until Twilio is configured. */
  connection(): Promise<TwilioConnection | null>;
  /** A client for settings not saved yet, to test them. */
  clientFor(settings: StoredSettings): TwilioClient;
  settingsChanged(): void;
  /** Tells open panels to read the contact's conversation again. */
  conversationChanged(contact: string): void;
  /** Sends what the outbox holds now rather than at the next alarm. */
  kickOutbox(): void;
  syncNow(what: 'all' | 'messages' | 'templates'): Promise<SyncStatus>;
  syncStatus(): Promise<SyncStatus>;
  /** Content scripts cannot open the settings page themselves. */
  openSettingsPage(): Promise<void>;
}

/** Who asked, as established from the sender (never from the payload). */
export interface Origin {
  kind: SenderKind;
  url: string;
}

/** The handlers of some requests, each given only the part of the context `Context` names. */
export type HandlersOf<Type extends RequestType, Context> = {
  [T in Type]: (context: Context, payload: ParsedRequest<T>, origin: Origin) => Promise<ResponseMap[T]>;
};
