/**
 * The real REST client talking, through msw, to the in-process Twilio fake: for tests of the
 * outbox, sync and background that need Twilio's behaviour, not a stub's.
 */
import Dexie from 'dexie';
import { setupServer } from 'msw/node';
import type { StoredSettings } from '../../utils/background/credentials/settings';
import { openDatabase, type DealchatDb } from '../../utils/background/store/db';
import type { SyncEnvironment } from '../../utils/background/sync/environment';
import { createTwilioClient } from '../../utils/background/twilio/rest-client';
import type { TwilioClient } from '../../utils/background/twilio/types';
import { FakeTwilio, twilioHandlers, type FakeTwilioOptions } from '../fakes/twilio';

export const T0 = Date.UTC(2026, 10, 20, 9, 0, 0);
export const CONTACT = '+46701234567';

/** One msw server per test file; each test gets a fresh fake, store and clock. */
export function setUpTwilioHarness(options: FakeTwilioOptions = {}) {
  const server = setupServer();
  const harness = {} as {
    clock: { now: number };
    fake: FakeTwilio;
    settings: StoredSettings;
    db: DealchatDb;
    client: (fetchOverride?: typeof fetch) => TwilioClient;
    environment: (overrides?: Partial<SyncEnvironment>) => SyncEnvironment & { changes: string[] };
  };
  let dbName = '';

  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());
  beforeEach(() => {
    const clock = { now: T0 };
    const fake = new FakeTwilio({ now: () => clock.now, ...options });
    server.resetHandlers(...twilioHandlers(fake));
    dbName = `harness-${crypto.randomUUID()}`;
    const settings: StoredSettings = {
      accountSid: fake.accountSid,
      authMethod: 'apiKey',
      apiKeySid: fake.apiKeySid,
      apiKeySecret: fake.apiKeySecret,
      authToken: '',
      whatsappSender: '+14155238886',
      messagingServiceSid: '',
      defaultCountry: 'SE',
      pipedriveApiToken: '',
    };
    const db = openDatabase(dbName);
    const client = (fetchOverride?: typeof fetch) =>
      createTwilioClient({
        auth: { kind: 'apiKey', accountSid: fake.accountSid, apiKeySid: fake.apiKeySid, apiKeySecret: fake.apiKeySecret },
        sleep: () => Promise.resolve(),
        ...(fetchOverride ? { fetch: fetchOverride } : {}),
      });
    const environment = (overrides: Partial<SyncEnvironment> = {}) => {
      const changes: string[] = [];
      return {
        db,
        client: client(),
        settings,
        now: () => clock.now,
        clockOffset: () => 0,
        onChange: (contact: string) => changes.push(contact),
        changes,
        ...overrides,
      };
    };
    Object.assign(harness, { clock, fake, settings, db, client, environment });
  });
  afterEach(async () => {
    harness.db.close();
    await Dexie.delete(dbName);
  });
  return harness;
}
