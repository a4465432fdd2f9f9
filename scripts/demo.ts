/**
 * `npm run demo`: the extension on a Pipedrive deal page, without any account. Twilio and Pipedrive
 * are the test fakes on this machine, full of demo data; Chromium reaches them under their real
 * names, and nothing leaves the machine. With a display a browser window opens until Ctrl+C;
 * without one, screenshots of the panel are saved into demo-screenshots/ (ignored by git) instead.
 *
 *   npm run demo -- --update-readme-screenshots   saves them over the README's, in docs/screenshots/
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import type { FakePipedrive } from '../tests/fakes/pipedrive';
import { API_HOST, API_VERSION } from '../tests/fakes/twilio/wire';
import { request, saveSettings } from '../tests/e2e/support/background';
import { launchExtension, type ExtensionBrowser } from '../tests/e2e/support/browser';
import { connectedSettings, openDealPage, whatsAppPanel } from '../tests/e2e/support/panel';
import { startLocalPipedrive, type LocalPipedrive } from '../tests/e2e/support/pipedrive';
import { startLocalTwilio, type LocalTwilio } from '../tests/e2e/support/twilio';
import { buildExtension } from './production-build';

const ROOT = resolve(import.meta.dirname, '..');
/** Where screenshots go unless asked for the README's: a run must leave the work tree clean. */
const DEMO_SCREENSHOTS = join(ROOT, 'demo-screenshots');
const README_SCREENSHOTS = join(ROOT, 'docs/screenshots');
const UPDATE_README_SCREENSHOTS = '--update-readme-screenshots';
const USAGE = `Usage: npm run demo [-- ${UPDATE_README_SCREENSHOTS}]

Builds the extension and opens it in Chromium on a Pipedrive deal page, against local fakes of
Twilio and Pipedrive with demo data. Without a display (DISPLAY unset) it saves screenshots of the
panel into demo-screenshots/ instead, and exits.

Options:
  ${UPDATE_README_SCREENSHOTS}  save the screenshots over the README's, in docs/screenshots/
                               (headless, with or without a display)
  -h, --help                   print this help
`;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const ANNA = '+46701234567';
const JONAS = '+46709876543';
/** The newest message of each thread: once the panel shows it, the thread is loaded. */
const ANNA_LAST = 'Perfect. Can we also talk about delivery times on Friday?';
const JONAS_LAST = 'Thanks! I will check with our CFO and get back to you.';

interface DemoDeals {
  /** Its contact wrote 35 minutes ago: free-form messages may go out. */
  openDeal: number;
  /** Its contact last wrote 27 hours ago: only templates may. */
  closedDeal: number;
}

const say = (line: string) => process.stdout.write(`${line}\n`);

/** Twilio's clock, set back while the demo's history is written and real time otherwise. */
let twilioTime: number | null = null;

/** Runs `step` at Twilio `ms` ago: how the demo's history gets its dates. */
async function ago<T>(ms: number, step: () => Promise<T> | T): Promise<T> {
  twilioTime = Date.now() - ms;
  try {
    return await step();
  } finally {
    twilioTime = null;
  }
}

async function until(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await sleep(50);
  }
}

function seedPipedrive(fake: FakePipedrive): DemoDeals {
  const ownerId = fake.addUser({ name: 'Maria Lind' });
  const acme = fake.addOrganization({ name: 'Acme AB' });
  const anna = fake.addPerson({
    name: 'Anna Svensson',
    phones: [{ value: '070-123 45 67', label: 'mobile', primary: true }, { value: '08-123 456 78', label: 'work' }],
    emails: [{ value: 'anna.svensson@acme.example' }],
    orgId: acme,
  });
  const globex = fake.addOrganization({ name: 'Globex GmbH' });
  const jonas = fake.addPerson({ name: 'Jonas Berg', phones: [{ value: '+46 70 987 65 43', label: 'mobile' }], orgId: globex });
  return {
    openDeal: fake.addDeal({
      title: 'Acme expansion',
      value: 48_000,
      currency: 'SEK',
      personId: anna,
      orgId: acme,
      ownerId,
      notes: ['Wants the Malmö office in the quote.', 'Decision expected this month.'],
    }),
    closedDeal: fake.addDeal({
      title: 'Globex renewal',
      value: 12_500,
      currency: 'EUR',
      personId: jonas,
      orgId: globex,
      ownerId,
      notes: ['Licence renews on 1 March.'],
    }),
  };
}

function seedTemplates({ fake }: LocalTwilio): { quoteReady: string } {
  const quoteReady = fake.addTemplate({
    friendlyName: 'quote_ready',
    body: 'Hi {{1}}, your quote for {{2}} is ready. Shall I walk you through it?',
    variables: { '1': 'John', '2': 'the project' },
  });
  fake.addTemplate({
    friendlyName: 'renewal_check_in',
    body: 'Hello {{1}}, your {{2}} agreement is up for renewal. Do you have a moment to talk this week?',
    variables: { '1': 'John', '2': 'order' },
  });
  fake.addTemplate({
    friendlyName: 'meeting_reminder',
    body: 'Hi {{1}}, a reminder of our meeting on {{2}}. Reply here if the time no longer suits you.',
    variables: { '1': 'John', '2': 'Friday at 10:00' },
  });
  fake.addTemplate({
    friendlyName: 'spring_offer',
    body: 'Hi {{1}}, this spring our customers get 15% off extra seats. Interested?',
    approval: { category: 'MARKETING', status: 'pending' },
  });
  fake.addTemplate({
    friendlyName: 'discount_reminder',
    body: 'Last chance, {{1}}: your discount ends tonight!',
    approval: { category: 'UTILITY', status: 'rejected', rejection_reason: 'Promotional content submitted in the Utility category.' },
  });
  return { quoteReady: quoteReady.sid };
}

/** A message sent from the Twilio Console before Dealchat was installed: the extension finds it when it syncs. */
async function sendFromConsole({ fake, settings }: LocalTwilio, to: string, body: string): Promise<void> {
  const response = await fake.handle(
    new Request(`https://${API_HOST}/${API_VERSION}/Accounts/${fake.accountSid}/Messages.json`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${btoa(`${fake.accountSid}:${fake.authToken}`)}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ From: `whatsapp:${settings.whatsappSender}`, To: `whatsapp:${to}`, Body: body }),
    }),
  );
  if (response.status !== 201) throw new Error(`The fake Twilio refused the demo message: ${await response.text()}`);
}

/** Steps every unfinished outbound message: twice takes a new one to delivered, three times to read. */
function advance({ fake }: LocalTwilio, steps: number): void {
  for (let step = 0; step < steps; step += 1) fake.advanceStatuses();
}

/**
 * Two days of WhatsApp, oldest first. Jonas last wrote 27 hours ago, so his window is closed;
 * Anna wrote 35 minutes ago, after a template and a reply sent with Dealchat itself.
 */
async function writeHistory(twilio: LocalTwilio, options: Page, quoteReady: string): Promise<void> {
  const { fake } = twilio;
  await ago(50 * HOUR, () => fake.receiveInbound({ from: JONAS, body: 'Hi Maria, when does our licence come up for renewal?' }));
  await ago(49 * HOUR + 30 * MINUTE, () => sendFromConsole(twilio, JONAS, 'Hi Jonas, on 1 March. I will send you the terms this week.'));
  advance(twilio, 3);
  await ago(27 * HOUR, () => fake.receiveInbound({ from: JONAS, body: JONAS_LAST }));

  await request(options, 'syncNow', { what: 'templates' });
  const sentWithDealchat = async (send: () => Promise<unknown>) => {
    const before = fake.sentMessages().length;
    await send();
    // The outbox sends on its own; Twilio's clock must stay set back until the message reaches it.
    await until(() => fake.sentMessages().length > before, 'the demo message to reach Twilio');
  };
  await ago(5 * HOUR, () =>
    sentWithDealchat(() =>
      request(options, 'sendTemplate', { requestId: crypto.randomUUID(), to: ANNA, contentSid: quoteReady, variables: { '1': 'Anna', '2': 'Acme expansion' } }),
    ),
  );
  advance(twilio, 3);
  await ago(4 * HOUR, () => fake.receiveInbound({ from: ANNA, body: 'Thanks Maria! Could you add the *Malmö office* to the quote as well?' }));
  // Free-form messages need the window open in Dealchat's store, which learns of her reply by syncing.
  await request(options, 'syncNow', { what: 'messages' });
  await ago(3 * HOUR + 50 * MINUTE, () =>
    sentWithDealchat(() =>
      request(options, 'sendText', { requestId: crypto.randomUUID(), to: ANNA, body: 'Of course, Anna. The updated quote will be with you by Friday.' }),
    ),
  );
  advance(twilio, 2);
  await ago(35 * MINUTE, () => fake.receiveInbound({ from: ANNA, body: ANNA_LAST }));
}

/** The deal page once the panel shows the thread, down to its last message. */
async function openPanel(extension: ExtensionBrowser, pipedrive: LocalPipedrive, dealId: number, lastMessage: string): Promise<Page> {
  const page = await openDealPage(extension.context, pipedrive, dealId);
  await whatsAppPanel(page).thread.getByText(lastMessage).waitFor();
  return page;
}

/** The panel and the deal around it: the page's header, the side column and a little of the main one. */
async function screenshot(page: Page, folder: string, name: string): Promise<string> {
  const path = join(folder, name);
  // Finished, not caught halfway: the template picker rises into place.
  await page.screenshot({ path, clip: { x: 0, y: 0, width: 760, height: 800 }, animations: 'disabled' });
  return path;
}

async function saveScreenshots(extension: ExtensionBrowser, pipedrive: LocalPipedrive, deals: DemoDeals, folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  const open = await openPanel(extension, pipedrive, deals.openDeal, ANNA_LAST);
  await open.setViewportSize({ width: 1280, height: 800 });
  // The ticks come with the panel's first status refresh, which may follow the thread by a moment.
  const { thread } = whatsAppPanel(open);
  await thread.getByText('Read', { exact: true }).waitFor();
  await thread.getByText('Delivered', { exact: true }).waitFor();
  say(`Saved ${await screenshot(open, folder, 'panel-open.png')}`);

  const closed = await openPanel(extension, pipedrive, deals.closedDeal, JONAS_LAST);
  await closed.setViewportSize({ width: 1280, height: 800 });
  const panel = whatsAppPanel(closed);
  await panel.status.filter({ hasText: 'Window closed' }).waitFor();
  await panel.templates.click();
  await panel.region.getByRole('option', { name: 'discount_reminder', exact: true }).waitFor();
  say(`Saved ${await screenshot(closed, folder, 'panel-closed.png')}`);
}

async function main(updateReadmeScreenshots: boolean): Promise<void> {
  say('Building the extension…');
  buildExtension();

  const twilio = await startLocalTwilio({ now: () => twilioTime ?? Date.now() });
  const pipedrive = await startLocalPipedrive();
  const headed = !updateReadmeScreenshots && (process.env.DISPLAY ?? '') !== '';
  const extension = await launchExtension({ hostMap: { ...twilio.hostMap, ...pipedrive.hostMap }, headed });
  try {
    const deals = seedPipedrive(pipedrive.fake);
    const { quoteReady } = seedTemplates(twilio);
    const options = await extension.openPage('options.html');
    await saveSettings(options, connectedSettings(twilio, pipedrive));
    await writeHistory(twilio, options, quoteReady);

    if (updateReadmeScreenshots) {
      await saveScreenshots(extension, pipedrive, deals, README_SCREENSHOTS);
      return;
    }
    if (!headed) {
      say('No display (DISPLAY is not set), so no browser window: saving screenshots of the panel instead.');
      await saveScreenshots(extension, pipedrive, deals, DEMO_SCREENSHOTS);
      say(`${UPDATE_README_SCREENSHOTS} would save them over the README's.`);
      return;
    }
    const page = await openPanel(extension, pipedrive, deals.openDeal, ANNA_LAST);
    await page.bringToFront();
    say(`Dealchat is open on ${pipedrive.fake.dealUrl(deals.openDeal)}, whose contact wrote 35 minutes ago: write freely.`);
    say(`On ${pipedrive.fake.dealUrl(deals.closedDeal)} the contact last wrote 27 hours ago: only templates go out.`);
    say('Twilio and Pipedrive are fakes on this machine; nothing is sent anywhere. Press Ctrl+C to stop.');
    await new Promise<void>((done) => {
      process.once('SIGINT', () => done());
      extension.context.once('close', () => done());
    });
  } finally {
    await extension.close();
    await Promise.all([twilio.close(), pipedrive.close()]);
  }
}

const args = process.argv.slice(2);
const unknown = args.filter((arg) => ![UPDATE_README_SCREENSHOTS, '--help', '-h'].includes(arg));
if (unknown.length > 0) {
  process.stderr.write(`Unknown option: ${unknown.join(' ')}\n\n${USAGE}`);
  process.exitCode = 2;
} else if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(USAGE);
} else {
  await main(args.includes(UPDATE_README_SCREENSHOTS));
}
