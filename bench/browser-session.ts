/**
 * The production build in headless Chromium against both local fakes, launched as the e2e tests
 * launch it: every measurement that needs a browser gets a fresh profile and fresh fakes, so no
 * measurement warms a cache for the next.
 */
import type { Page } from 'playwright-core';
import { request, saveSettings } from '../tests/e2e/support/background';
import { launchExtension, type ExtensionBrowser } from '../tests/e2e/support/browser';
import { connectedSettings } from '../tests/e2e/support/panel';
import { startLocalPipedrive, type LocalPipedrive } from '../tests/e2e/support/pipedrive';
import { startLocalTwilio, type LocalTwilio } from '../tests/e2e/support/twilio';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Each seeded contact's WhatsApp history. */
export const MESSAGES_PER_THREAD = 12;

export interface BenchBrowser {
  twilio: LocalTwilio;
  pipedrive: LocalPipedrive;
  extension: ExtensionBrowser;
  /** The options page, from which requests reach the background as the extension's own UIs send them. */
  options: Page;
  /** Saves both fakes' settings, the Pipedrive token included: a rep who has finished setting up. */
  connect(): Promise<void>;
}

export async function withBenchBrowser<T>(measure: (bench: BenchBrowser) => Promise<T>): Promise<T> {
  const twilio = await startLocalTwilio();
  const pipedrive = await startLocalPipedrive();
  try {
    const extension = await launchExtension({ hostMap: { ...twilio.hostMap, ...pipedrive.hostMap } });
    try {
      const options = await extension.openPage('options.html');
      const connect = () => saveSettings(options, connectedSettings(twilio, pipedrive));
      return await measure({ twilio, pipedrive, extension, options, connect });
    } finally {
      await extension.close();
    }
  } finally {
    await Promise.all([twilio.close(), pipedrive.close()]);
  }
}

export interface SeededDeal {
  dealId: number;
  /** The deal person's WhatsApp number, E.164. */
  contact: string;
  /** The text of the thread's newest message, which no other thread contains. */
  newestMessage: string;
}

/**
 * `count` deals, each with its own contact, who wrote `MESSAGES_PER_THREAD` WhatsApp messages over the
 * last two days, the newest within the hour (so the 24-hour window is open).
 */
function seedDealsWithHistories({ twilio, pipedrive }: BenchBrowser, count: number): SeededDeal[] {
  const { fake } = pipedrive;
  const ownerId = fake.addUser({ name: 'Maria Lind' });
  const now = Date.now();
  return Array.from({ length: count }, (_, index) => {
    const number = String(index + 1).padStart(4, '0');
    const contact = `+46701${number}00`;
    const organization = fake.addOrganization({ name: `Customer ${number} AB` });
    const personId = fake.addPerson({
      name: `Contact ${number}`,
      // Written the Swedish way, as reps do; Sweden is the rep's default country.
      phones: [{ value: `070-1${number.slice(0, 2)} ${number.slice(2)} 00`, label: 'mobile', primary: true }],
      orgId: organization,
    });
    const dealId = fake.addDeal({ title: `Deal ${number}`, value: 1_000 * (index + 1), currency: 'SEK', personId, orgId: organization, ownerId });
    const newestMessage = `Deal ${number}: could you send the updated quote before Friday?`;
    for (let message = 0; message < MESSAGES_PER_THREAD - 1; message++) {
      const at = now - 40 * HOUR + message * 3 * HOUR;
      twilio.fake.receiveInbound({ from: contact, body: `Message ${message + 1} about the order, with a few details to read.`, at });
    }
    twilio.fake.receiveInbound({ from: contact, body: newestMessage, at: now - 10 * MINUTE - index * 1_000 });
    return { dealId, contact, newestMessage };
  });
}

/**
 * A rep's state when opening deals: `count` deals seeded, settings saved, and the recent messages in
 * the background's store, as its two-minute sync would have put them there.
 */
export async function connectWithDeals(bench: BenchBrowser, count: number): Promise<SeededDeal[]> {
  const deals = seedDealsWithHistories(bench, count);
  await bench.connect();
  const status = await request(bench.options, 'syncNow', { what: 'messages' });
  if (status.messagesError !== null) throw new Error(`The message sync failed: ${status.messagesError}`);
  return deals;
}

export async function connectWithOneDeal(bench: BenchBrowser): Promise<SeededDeal> {
  const [deal] = await connectWithDeals(bench, 1);
  if (deal === undefined) throw new Error('No deal was seeded.');
  return deal;
}
