/** The saved settings and a Twilio client for them, made once for as long as the settings stay. */
import { storedSettings, twilioAuthOf, type StoredSettings } from './credentials/settings';
import type { DealchatDb } from './store/db';
import type { TwilioClock } from './twilio-clock';
import { createTwilioClient, type TwilioClientOptions } from './twilio/rest-client';
import type { TwilioClient } from './twilio/types';

export interface TwilioConnection {
  settings: StoredSettings;
  client: TwilioClient;
}

/** Overrides for the Twilio client (tests pass a fetch and a sleep that does not wait). */
export type TwilioClientOverrides = Omit<TwilioClientOptions, 'auth' | 'onServerDate'>;

export class TwilioConnector {
  private current: { key: string; connection: TwilioConnection } | null = null;

  constructor(
    private readonly db: DealchatDb,
    private readonly clock: TwilioClock,
    private readonly overrides: TwilioClientOverrides = {},
  ) {}

  /** A client for these settings; every answer's `Date` header keeps the clock's offset fresh. */
  clientFor(settings: StoredSettings): TwilioClient {
    return createTwilioClient({
      ...this.overrides,
      auth: twilioAuthOf(settings),
      onServerDate: (serverMs, localMs) => this.clock.observeServerDate(serverMs, localMs),
    });
  }

  /** Null until Twilio is configured. */
  async connection(): Promise<TwilioConnection | null> {
    // Nothing may talk to Twilio or read its clock before the offset is known.
    const [settings] = await Promise.all([storedSettings.get(this.db), this.clock.ready()]);
    if (!settings) return null;
    const key = JSON.stringify(settings);
    if (this.current?.key !== key) this.current = { key, connection: { settings, client: this.clientFor(settings) } };
    return this.current.connection;
  }

  settingsChanged(): void {
    this.current = null;
  }
}
