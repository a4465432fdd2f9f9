/**
 * Chrome stops an extension's service worker whenever it likes. Here it is stopped (over CDP, as
 * Chrome does it) at moments a seeded generator picks, while a page makes 200 sends: each must
 * end sent exactly once or failed with a reason the rep can read, and none may vanish.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { MessageView, ResponseEnvelope } from '../../utils/messaging/contract';
import { OUTBOX_POLICY } from '../../utils/sync/outbox';
import type { RecordedRequest } from '../fakes/twilio';
import { announcedSeed, randomBelow, seededRandom } from '../support/random';
import { settlementProblems } from '../support/settlement';
import { ask, request } from './support/background';
import { test } from './support/fixtures';
import type { LocalTwilio } from './support/twilio';

const CONTACTS = ['+46701234567', '+46709876543', '+46705551234', '+46707654321'];
const SENDS = 200;
const MOST_AT_ONCE = 8;
/** Stops of each kind: before a wave of sends, while one is being answered, and while Twilio holds a send. */
const STOPS_PER_KIND = 5;
/** How long Twilio takes to answer while a stop mid-request is being staged. */
const SLOW_TWILIO_MS = 1_500;

type StopKind = 'between-sends' | 'during-sends' | 'mid-request';

/** What the page that asked was told. */
type Answer = { kind: 'acknowledged'; outboxId: string } | { kind: 'refused'; message: string } | { kind: 'unanswered'; message: string };

interface Send {
  contact: string;
  body: string;
  answer: Answer;
}

/** Asks for one send the way the panel does, and keeps whatever came back, a dead channel included. */
async function sendText(page: Page, contact: string, body: string): Promise<Send> {
  // As utils/messaging/client.ts expects: a channel that closes unanswered may also resolve with nothing.
  const asking: Promise<ResponseEnvelope<'sendText'> | undefined> = ask(page, 'sendText', { to: contact, body });
  const response = await asking.catch((error: unknown) => new Error(error instanceof Error ? error.message : String(error)));
  let answer: Answer;
  if (response === undefined || response instanceof Error) answer = { kind: 'unanswered', message: response?.message ?? 'no answer' };
  else if (response.ok) answer = { kind: 'acknowledged', outboxId: response.data.outboxId };
  else answer = { kind: 'refused', message: response.error.message };
  return { contact, body, answer };
}

/** Wave sizes adding up to SENDS, and which waves get a stop of which kind. */
function planWaves(random: () => number): { size: number; stop: StopKind | null }[] {
  const waves: { size: number; stop: StopKind | null }[] = [];
  for (let planned = 0; planned < SENDS; ) {
    const size = Math.min(SENDS - planned, 1 + randomBelow(random, MOST_AT_ONCE));
    waves.push({ size, stop: null });
    planned += size;
  }
  const kinds: StopKind[] = ['between-sends', 'during-sends', 'mid-request'];
  // The first wave is left alone, so the worker has work in hand before it is first stopped.
  for (const kind of kinds) {
    for (let placed = 0; placed < STOPS_PER_KIND; ) {
      const wave = waves[1 + randomBelow(random, waves.length - 1)];
      if (wave === undefined || wave.stop !== null) continue;
      wave.stop = kind;
      placed += 1;
    }
  }
  return waves;
}

/** Slows Twilio down until a send not `cutOff` yet waits for its answer; the stop comes then. */
async function holdASend(twilio: LocalTwilio, cutOff: ReadonlySet<RecordedRequest>): Promise<void> {
  twilio.fake.setSlowResponses(SLOW_TWILIO_MS);
  await expect.poll(() => twilio.sendRequests().some((sent) => sent.status === null && !cutOff.has(sent))).toBe(true);
}

async function threads(page: Page): Promise<Map<string, MessageView[]>> {
  const entries = await Promise.all(
    CONTACTS.map(async (contact) => [contact, (await request(page, 'getConversation', { contact })).messages] as const),
  );
  return new Map(entries);
}

test(
  '200 sends with the worker stopped at random moments: each ends sent exactly once or failed with a reason',
  { timeout: 180_000 },
  async ({ connectedPage: page, twilio, extension }) => {
    const random = seededRandom(announcedSeed('DEALCHAT_KILL_SEED', 'worker stops'));
    const { fake } = twilio;
    for (const contact of CONTACTS) fake.receiveInbound({ from: contact, body: `Hi, this is ${contact}` });
    await request(page, 'syncNow', { what: 'messages' });

    const sends: Send[] = [];
    const cutOff = new Set<RecordedRequest>();
    const stopWorker = async () => {
      for (const sent of twilio.sendRequests()) if (sent.status === null) cutOff.add(sent);
      await extension.background.stop();
    };
    for (const wave of planWaves(random)) {
      if (wave.stop === 'between-sends') await stopWorker();
      const first = sends.length;
      const answers = Promise.all(
        Array.from({ length: wave.size }, (_, offset) => {
          const number = first + offset + 1;
          const contact = CONTACTS[randomBelow(random, CONTACTS.length)] ?? '';
          return sendText(page, contact, `Message ${number} of ${SENDS}, about the quote`);
        }),
      );
      if (wave.stop === 'during-sends') {
        await new Promise((resolve) => setTimeout(resolve, randomBelow(random, 100)));
        await stopWorker();
      }
      if (wave.stop === 'mid-request') {
        await holdASend(twilio, cutOff);
        await stopWorker();
        fake.setSlowResponses(0);
      }
      sends.push(...(await answers));
    }

    // Sends interrupted at Twilio settle only once the outbox has looked for them there.
    const ours = (messages: MessageView[]) => messages.filter((message) => message.direction === 'outbound');
    await expect
      .poll(async () => [...(await threads(page)).values()].flatMap(ours).filter((message) => message.state === 'pending').length, {
        timeout: OUTBOX_POLICY.reconcileAfterMs + 45_000,
        interval: 1_000,
      })
      .toBe(0);
    // queued → sent → delivered, followed by the background's status checks.
    fake.advanceStatuses();
    fake.advanceStatuses();
    await expect
      .poll(
        async () => {
          await request(page, 'syncNow', { what: 'messages' });
          return [...(await threads(page)).values()].flatMap(ours).filter((message) => message.sid !== null && message.state !== 'delivered').length;
        },
        { timeout: 30_000, interval: 0 },
      )
      .toBe(0);

    const shown = await threads(page);
    const atTwilio = fake.sentMessages();
    const problems = sends.flatMap((send) =>
      settlementProblems(
        { body: send.body, outboxId: send.answer.kind === 'acknowledged' ? send.answer.outboxId : null },
        (shown.get(send.contact) ?? []).filter((message) => message.body === send.body),
        atTwilio.filter((sent) => sent.body === send.body),
        'delivered',
      ).map((problem) => (send.answer.kind === 'acknowledged' ? problem : `${problem} (the page was told: ${send.answer.message})`)),
    );
    expect(problems).toEqual([]);
    expect(new Set(atTwilio.map((sent) => sent.body)).size).toBe(atTwilio.length);
    expect(atTwilio.every((sent) => sends.some((send) => send.body === sent.body))).toBe(true);

    const unanswered = sends.filter((send) => send.answer.kind !== 'acknowledged');
    const recordedAnyway = unanswered.filter((send) => (shown.get(send.contact) ?? []).some((message) => message.body === send.body));
    console.warn(
      `worker stops: ${STOPS_PER_KIND} of each kind, worker starts ${extension.background.starts}; ` +
        `${sends.length - unanswered.length} sends acknowledged, ${unanswered.length} not (${recordedAnyway.length} of them recorded all the same); ` +
        `${cutOff.size} send requests cut off by a stop; ${atTwilio.length} messages at Twilio from ${twilio.sendRequests().length} send requests`,
    );
    // The worker was really taken down, and sends really were cut off at Twilio: the outbox had to find them there.
    expect(extension.background.starts).toBeGreaterThan(STOPS_PER_KIND);
    expect(cutOff.size).toBeGreaterThanOrEqual(STOPS_PER_KIND);
  },
);
