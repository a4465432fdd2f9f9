import Dexie from 'dexie';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Engine, type EngineOptions } from '../../utils/background/engine';
import { isCrmPage } from '../../utils/crm/registry';
import { CHANNEL, type RequestPayload, type RequestType } from '../../utils/messaging/contract';
import { openDatabase } from '../../utils/store/db';

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
    engine.stop();
    await engine.idle();
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
