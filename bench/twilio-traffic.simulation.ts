/**
 * The simulated hour behind bench/twilio-traffic.ts, which runs this file with the unit tests'
 * Vitest config (see there why). The real background Engine talks through msw to FakeTwilio while
 * one fake clock moves setTimeout, setInterval, Date, the alarms and the fake's own dates from one
 * event to the next; after each event the simulation waits for every piece of work it started, so
 * simulated time never passes while the background is busy and the figures do not depend on how
 * fast this machine is. Not a `*.test.ts`: `npx vitest run` leaves it alone.
 */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPanelBackend } from '../components/panel-host/panel-backend';
import { FakeTwilio, twilioHandlers } from '../tests/fakes/twilio';
import { createFiringAlarms } from '../tests/support/alarms';
import { createTestEngine, envelope, fromDealPage, fromOptionsPage } from '../tests/support/engine';
import { portRuntime } from '../tests/support/ports';
import { seededRandom } from '../tests/support/random';
import { T0 } from '../tests/support/twilio';
import { createTwilioClient } from '../utils/background/twilio/rest-client';
import { connectLive } from '../utils/messaging/live';
import type { LiveEvent } from '../utils/messaging/views';
import { percentile, type Figure } from './figures';
import { ACCOUNT_SHAPE, describeRequests, planAccount, type AccountPlan } from './twilio-account';

const MINUTE = 60_000;
const HOUR_START = T0;
const HOUR_END = HOUR_START + 60 * MINUTE;
/** The worker starts this long before the hour, so the hour sees the background in its steady state. */
const WARM_UP_MS = 15 * MINUTE;
/** Replies near the end of the hour still get to the panel after it. */
const GRACE_MS = 5 * MINUTE;
const SENDER = '+14155238886';
const SEED = 20_261_120;
/** Real time for one simulated hour: the background's work is real, only the waiting is simulated. */
const TIMEOUT_MS = 10 * MINUTE;

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

/** A month of WhatsApp on Twilio, before the extension's worker starts. */
async function playHistory(fake: FakeTwilio, plan: AccountPlan): Promise<string> {
  const client = createTwilioClient({
    auth: { kind: 'apiKey', accountSid: fake.accountSid, apiKeySid: fake.apiKeySid, apiKeySecret: fake.apiKeySecret },
  });
  const templateSids = plan.templates.map(
    ({ friendlyName, body, approval }) =>
      fake.addTemplate({ friendlyName, body, approval: { status: approval, ...(approval === 'rejected' && { rejection_reason: 'Promotional content in a utility template' }) } }).sid,
  );
  const approvedSid = templateSids[plan.templates.findIndex((template) => template.approval === 'approved')] ?? '';
  for (const message of plan.history) {
    vi.setSystemTime(message.at);
    if (message.direction === 'inbound') {
      fake.receiveInbound({ from: message.contact, body: 'Hi, is my order on its way?' });
      continue;
    }
    const content = message.template
      ? { kind: 'template' as const, contentSid: approvedSid, contentVariables: { 1: 'Anna' } }
      : { kind: 'text' as const, body: 'It ships tomorrow, I will send the tracking link.' };
    const sent = await client.sendMessage({ to: message.contact, sender: { from: SENDER }, content });
    fake.setMessageStatus(sent.sid, 'read');
  }
  return approvedSid;
}

/** The background as Chrome runs it (alarms, messages, live ports) and a deal page's panel backend. */
async function startWorld(plan: AccountPlan) {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'], now: plan.history[0]?.at ?? HOUR_START });
  const fake = new FakeTwilio({ now: () => Date.now(), whatsappSenders: [SENDER] });
  server.resetHandlers(...twilioHandlers(fake));
  const approvedTemplate = await playHistory(fake, plan);

  vi.setSystemTime(HOUR_START - WARM_UP_MS);
  const alarms = createFiringAlarms();
  const { engine, dispose } = createTestEngine({ alarms });
  alarms.onAlarm.addListener((alarm) => engine.onAlarm(alarm.name));
  // Chrome tells the background which page sent a message; the fake browser does not, so it is said here.
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => engine.handleMessage(message, fromDealPage));
  const runtime = portRuntime(fromDealPage, (port) => engine.onConnect(port));
  const panelHost = createPanelBackend(() => connectLive((event) => panelHost.dispatch(event), runtime));

  const panelWork = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    panelWork.add(work);
    void work.finally(() => panelWork.delete(work));
  };
  const settle = async () => {
    await engine.idle();
    while (panelWork.size > 0) {
      await Promise.all([...panelWork]);
      await engine.idle();
    }
  };
  /** Fires every timer due before `at`, one at a time, letting the work each one starts finish first. */
  const runUntil = async (at: number) => {
    const end = setTimeout(() => undefined, at - Date.now());
    while (Date.now() < at) {
      await vi.advanceTimersToNextTimerAsync();
      await settle();
    }
    clearTimeout(end);
  };

  const saved = await engine.handleMessage(
    envelope('saveSettings', {
      accountSid: fake.accountSid,
      authMethod: 'apiKey',
      apiKeySid: fake.apiKeySid,
      apiKeySecret: fake.apiKeySecret,
      whatsappSender: SENDER,
      defaultCountry: 'SE',
    }),
    fromOptionsPage,
  );
  if (!saved.ok) throw new Error(`Settings were refused: ${saved.error.message}`);
  await settle();
  await runUntil(plan.sendsAt);

  // The rep answers a few contacts and closes the deal page; the reports come in during the hour.
  const sentBefore = fake.sentMessages().length;
  for (const send of plan.sends) {
    if (send.template) await panelHost.backend.sendTemplate(send.contact, approvedTemplate, { 1: 'Anna' }, crypto.randomUUID());
    else await panelHost.backend.sendText(send.contact, 'Here is the quote we talked about.', [], crypto.randomUUID());
  }
  await settle();
  const sent = fake.sentMessages().slice(sentBefore);
  if (sent.length !== plan.sends.length) throw new Error(`${sent.length} of ${plan.sends.length} sends reached Twilio.`);
  sent.forEach(({ sid }, index) => {
    const { sentAfterMs, deliveredAfterMs } = plan.sends[index] ?? { sentAfterMs: 0, deliveredAfterMs: null };
    setTimeout(() => fake.setMessageStatus(sid, 'sent'), sentAfterMs);
    if (deliveredAfterMs !== null) setTimeout(() => fake.setMessageStatus(sid, 'delivered'), deliveredAfterMs);
  });
  await runUntil(HOUR_START);
  for (const { contact, at } of plan.inbound) {
    setTimeout(() => fake.receiveInbound({ from: contact, body: 'Thanks, received it.' }), at - Date.now());
  }

  return {
    fake,
    panelBackend: panelHost.backend,
    track,
    runUntil,
    dispose: async () => {
      panelHost.close();
      await settle();
      await dispose();
      vi.useRealTimers();
    },
  };
}

type World = Awaited<ReturnType<typeof startWorld>>;

/** The seeded account's hour, from the worker's start to its end; `during` returns the figures. */
async function simulateHour(during: (world: World, plan: AccountPlan) => Promise<Figure[]>): Promise<Figure[]> {
  const plan = planAccount(seededRandom(SEED), HOUR_START);
  const world = await startWorld(plan);
  try {
    return await during(world, plan);
  } finally {
    await world.dispose();
  }
}

function accountDetail(plan: AccountPlan): string {
  return `${plan.contacts.length} contacts, ${plan.history.length} messages of history, ${plan.sends.length} sends awaiting delivery at the start, ${plan.inbound.length} inbound`;
}

test(
  'an hour with no panel open',
  async ({ task }) => {
    task.meta.figures = await simulateHour(async (world, plan) => {
      const first = world.fake.requests.length;
      await world.runUntil(HOUR_END);
      const hour = world.fake.requests.slice(first);
      return [
        {
          id: 'twilio.requestsPerHour.noPanel',
          label: 'Twilio requests in an hour, no panel open',
          value: hour.length,
          unit: 'requests',
          target: { max: 60 },
          detail: `${describeRequests(hour)}; ${accountDetail(plan)} (simulated hour)`,
        },
      ];
    });
  },
  TIMEOUT_MS,
);

test(
  'an hour with a panel open while its contact replies',
  async ({ task }) => {
    task.meta.figures = await simulateHour(async (world, plan) => {
      const contact = plan.panelContact;
      /** Replies Twilio has that the panel has not shown yet, by sid: when each reached Twilio. */
      const waiting = new Map<string, number>();
      const delays: number[] = [];
      // What the panel does: load the thread when it opens and again whenever the background says it
      // changed. Simulated time stands still while it loads, so `seenAt` is when the port was told.
      const load = (seenAt: number) =>
        world.track(
          world.panelBackend.getConversation(contact).then((view) => {
            for (const { sid } of view.messages) {
              const arrivedAt = sid === null ? undefined : waiting.get(sid);
              if (sid === null || arrivedAt === undefined) continue;
              delays.push(seenAt - arrivedAt);
              waiting.delete(sid);
            }
          }),
        );
      world.panelBackend.subscribe(contact, (event: LiveEvent) => {
        if (event.type === 'conversation-changed') load(Date.now());
      });
      load(Date.now());
      for (const at of plan.replies) {
        setTimeout(() => waiting.set(world.fake.receiveInbound({ from: contact, body: 'Sounds good, send it over.' }).sid, Date.now()), at - Date.now());
      }

      const first = world.fake.requests.length;
      await world.runUntil(HOUR_END);
      const hour = world.fake.requests.slice(first);
      await world.runUntil(HOUR_END + GRACE_MS);
      if (delays.length !== plan.replies.length) throw new Error(`${plan.replies.length - delays.length} replies never reached the panel.`);

      const seconds = (ms: number) => ms / 1_000;
      const delayDetail = `${delays.length} replies at random moments of a simulated hour, from reaching Twilio to the panel's thread`;
      return [
        {
          id: 'twilio.replyToPanel.p50',
          label: 'Inbound reply shown in an open panel, median',
          value: seconds(percentile(delays, 0.5)),
          unit: 's',
          target: { max: 10 },
          detail: delayDetail,
        },
        { id: 'twilio.replyToPanel.p95', label: 'Inbound reply shown in an open panel, p95', value: seconds(percentile(delays, 0.95)), unit: 's', detail: delayDetail },
        { id: 'twilio.replyToPanel.max', label: 'Inbound reply shown in an open panel, max', value: seconds(Math.max(...delays)), unit: 's', detail: delayDetail },
        {
          id: 'twilio.requestsPerHour.panelOpen',
          label: 'Twilio requests in an hour, one panel open',
          value: hour.length,
          unit: 'requests',
          detail: `${describeRequests(hour)}; ${accountDetail(plan)}, ${ACCOUNT_SHAPE.repliesDuringHour} replies to the panel`,
        },
      ];
    });
  },
  TIMEOUT_MS,
);
