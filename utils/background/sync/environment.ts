import type { StoredSettings } from '@/utils/background/credentials/settings';
import type { DealchatDb } from '@/utils/background/store/db';
import type { TwilioClient } from '@/utils/background/twilio/types';

/** What sync and the outbox work with: the store, a client for the saved settings, and clocks. */
export interface SyncEnvironment {
  db: DealchatDb;
  client: TwilioClient;
  settings: StoredSettings;
  /** Local clock. */
  now: () => number;
  /** Milliseconds to add to the local clock to get Twilio's. */
  clockOffset: () => number;
  /** Jitter source for retry delays. */
  random?: () => number;
  onChange: (contact: string) => void;
}
