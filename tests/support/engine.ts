import Dexie from 'dexie';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Engine, type EngineOptions } from '../../utils/background/engine';
import { openDatabase } from '../../utils/background/store/db';
import { isCrmPage } from '../../utils/crm/registry';
import { CHANNEL } from '../../utils/messaging/constants';
import type { RequestPayload, RequestType } from '../../utils/messaging/contract';
import type { ResponseMap } from '../../utils/messaging/views';
import type { FakeTwilio } from '../fakes/twilio';

export const EXTENSION_ID = 'dealchatextensionid';
export const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}/`;

export const fromOptionsPage: Browser.runtime.MessageSender = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}options.html` };
export const fromDealPage: Browser.runtime.MessageSender = {
  id: EXTENSION_ID,
  url: 'https://acme.pipedrive.com/deal/42',
  tab: { id: 7 } as Browser.tabs.Tab,
};

export function envelope<T extends RequestType>(type: T, payload: RequestPayload<T>) {
  return { channel: CHANNEL, type, payload };
}

/** The answer's data, asked as a deal page asks; a refusal or failure fails the test with the background's words. */
export async function requestFrom<T extends RequestType>(
  engine: Engine,
  type: T,
  payload: RequestPayload<T>,
  sender: Browser.runtime.MessageSender = fromDealPage,
): Promise<ResponseMap[T]> {
  const response = await engine.handleMessage(envelope(type, payload), sender);
  if (!response.ok) throw new Error(`${type} was answered ${response.error.code}: ${response.error.message}`);
  return response.data as ResponseMap[T];
}

/** Saves the fake account's API key as the options page would, and waits for the start it triggers. */
export async function connectToTwilio(engine: Engine, fake: FakeTwilio): Promise<void> {
  const saved = await requestFrom(
    engine,
    'saveSettings',
    {
      accountSid: fake.accountSid,
      authMethod: 'apiKey',
      apiKeySid: fake.apiKeySid,
      apiKeySecret: fake.apiKeySecret,
      whatsappSender: '+14155238886',
      defaultCountry: 'SE',
    },
    fromOptionsPage,
  );
  if (!saved.ok) throw new Error(`The settings were refused: ${JSON.stringify(saved.fieldErrors)}`);
  await engine.idle();
}

/** A background engine on a fresh database, with the browser's alarms faked. */
export function createTestEngine(options: Partial<EngineOptions> = {}) {
  const name = `engine-${crypto.randomUUID()}`;
  const db = openDatabase(name);
  const engineOptions = {
    db,
    alarms: fakeBrowser.alarms,
    openSettingsPage: vi.fn(() => Promise.resolve()),
    policy: { extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN, isCrmPage },
    ...options,
  };
  const engine = new Engine(engineOptions);
  const dispose = async () => {
    // Work still running may set timers of its own: they are cleared once nothing runs any more.
    await engine.idle();
    engine.stop();
    db.close();
    await Dexie.delete(name);
  };
  return { engine, db, dispose, options: engineOptions };
}

export const SETTINGS = {
  accountSid: `AC${'1'.repeat(32)}`,
  authMethod: 'apiKey' as const,
  apiKeySid: `SK${'2'.repeat(32)}`,
  apiKeySecret: 'super-secret-key-value-0123456789',
  authToken: '',
  whatsappSender: '+1 415 555 0100',
  messagingServiceSid: '',
  defaultCountry: 'se',
  pipedriveApiToken: '0123456789abcdef0123456789abcdef01234567',
};
