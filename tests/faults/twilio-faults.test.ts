/**
 * Twilio misbehaving the ways it does: 429 bursts, 5xx, timeouts, dropped connections, random
 * failures, credentials revoked mid-session. For each, through the background as the UIs use it:
 * nothing is silently dropped, the rep is told what is wrong in plain words, and all is well again
 * once Twilio answers normally.
 */
import { ALARMS } from '../../utils/background/schedule';
import { OUTBOX_POLICY } from '../../utils/background/sync/outbox';
import { explainTwilioError } from '../../utils/background/twilio/error-explanations';
import type { MessageView, SyncStatus } from '../../utils/messaging/views';
import { connectToTwilio, createTestEngine, requestFrom } from '../support/engine';
import { announcedSeed, seededRandom } from '../support/random';
import { settlementProblems, type SendRecord } from '../support/settlement';
import { CONTACT, setUpTwilioHarness } from '../support/twilio';

const h = setUpTwilioHarness();
/** Short, so that timeouts cost the suite little real time. */
const TIMEOUT_MS = 150;
/** Sentences the rep can act on, not a developer's: no status lines, no raw Twilio codes. */
const PLAIN_WORDS = /^(?!.*\b(HTTP|20\d{3})\b)[A-Z].*\.$/;

let setup: ReturnType<typeof createTestEngine>;

beforeEach(async () => {
  setup = createTestEngine({ now: () => h.clock.now, twilioClient: { sleep: () => Promise.resolve(), timeoutMs: TIMEOUT_MS } });
  await connectToTwilio(setup.engine, h.fake);
  h.fake.receiveInbound({ from: CONTACT, body: 'Hi, could you send me the offer?' });
  await requestFrom(setup.engine, 'syncNow', { what: 'messages' });
});
afterEach(() => setup.dispose());

const conversation = async (): Promise<MessageView[]> => (await requestFrom(setup.engine, 'getConversation', { contact: CONTACT })).messages;
const syncStatus = (): Promise<SyncStatus> => requestFrom(setup.engine, 'getSyncStatus', {});

/** The rep sends each text from the deal's panel; the background answers once it has recorded it. */
async function send(...bodies: string[]): Promise<SendRecord[]> {
  const sends: SendRecord[] = [];
  for (const body of bodies) sends.push({ body, outboxId: (await requestFrom(setup.engine, 'sendText', { requestId: crypto.randomUUID(), to: CONTACT, body })).outboxId });
  await setup.engine.idle();
  return sends;
}

/** The rep presses Retry on each of these failed messages. */
async function retry(messages: readonly (MessageView | undefined)[]): Promise<void> {
  for (const message of messages) await requestFrom(setup.engine, 'retrySend', { outboxId: message?.outboxId ?? '' });
  await setup.engine.idle();
}

function receive(...bodies: string[]): void {
  for (const body of bodies) h.fake.receiveInbound({ from: CONTACT, body });
}

/** Time passes until the background's periodic alarm, which syncs and then works through the outbox. */
async function alarm(afterMs = OUTBOX_POLICY.reconcileAfterMs): Promise<void> {
  h.clock.now += afterMs;
  setup.engine.onAlarm(ALARMS.sync);
  await setup.engine.idle();
}

/** Alarms until nothing the rep sent is pending any more (with a bound, so a send stuck for good fails the test). */
async function untilNothingPending(): Promise<void> {
  for (let round = 0; round < 40 && (await conversation()).some((message) => message.state === 'pending'); round += 1) await alarm();
}

/** Every send ended sent exactly once (or, with `allowFailed`, failed with a reason and never sent). */
async function expectSettled(sends: readonly SendRecord[], { allowFailed = false } = {}): Promise<MessageView[]> {
  const thread = await conversation();
  const atTwilio = h.fake.sentMessages();
  const problems = sends.flatMap((sent) =>
    settlementProblems(
      sent,
      thread.filter((message) => message.body === sent.body),
      atTwilio.filter((message) => message.body === sent.body),
      'queued',
    ),
  );
  expect(problems).toEqual([]);
  expect(atTwilio).toHaveLength(sends.filter((sent) => thread.some((message) => message.body === sent.body && message.sid !== null)).length);
  const failed = thread.filter((message) => message.state === 'failed');
  if (!allowFailed) expect(failed).toEqual([]);
  return failed;
}

async function expectReceived(bodies: readonly string[]): Promise<void> {
  const inbound = (await conversation()).filter((message) => message.direction === 'inbound').map((message) => message.body);
  expect(inbound).toEqual(expect.arrayContaining([...bodies]));
}

/** The send requests Twilio received for this text, answered or not. */
const postsOf = (body: string) => h.fake.requests.filter((r) => r.method === 'POST' && r.form.Body === body);

/** How each send shows in the thread. */
const pending = (messages: MessageView[], sends: readonly SendRecord[]) =>
  sends.map((sent) => messages.find((message) => message.outboxId === sent.outboxId)?.state);

/** The sync status the popup shows and the panel is sent: the problem, named in plain words. */
async function expectToldOf(problem: RegExp): Promise<void> {
  const { messagesError } = await syncStatus();
  expect(messagesError).toMatch(problem);
  expect(messagesError).toMatch(PLAIN_WORDS);
}

/**
 * While the fault lasts the rep sends `bodies` and the contact replies `reply`; after the next alarm
 * the rep has been told of `problem`, and every send waits in the thread, neither lost nor failed.
 */
async function sendWhileFaulty(problem: RegExp, bodies: string[], reply: string): Promise<SendRecord[]> {
  const sends = await send(...bodies);
  receive(reply);
  await alarm();
  await expectToldOf(problem);
  expect(pending(await conversation(), sends)).toEqual(sends.map(() => 'pending'));
  return sends;
}

/**
 * Twilio answers normally again: once the alarms have worked through what waited, every send is
 * settled, every reply stored, and the sync problem gone. Returns the sends that failed for good.
 */
async function expectRecovery(sends: readonly SendRecord[], replies: readonly string[], { allowFailed = false } = {}): Promise<MessageView[]> {
  await untilNothingPending();
  await alarm();
  const failed = await expectSettled(sends, { allowFailed });
  await expectReceived(replies);
  expect(await syncStatus()).toMatchObject({ messagesError: null, lastMessagesSyncAt: h.clock.now });
  return failed;
}

describe('429 bursts', () => {
  it('hold sends back while Twilio throttles, say so, and send each once when the burst is over', async () => {
    h.fake.failNext(20, { status: 429 });
    await alarm();
    await expectToldOf(/limiting how many requests/);

    const sends = await send('The offer is attached.', 'Valid until Friday.', 'Call me with questions.');
    receive('Thanks!');
    expect(pending(await conversation(), sends)).toContain('pending');

    // The burst ends by itself.
    await expectRecovery(sends, ['Thanks!']);
  });

  it('that outlast every retry fail the send with the reason, and the rep’s retry sends it once', async () => {
    h.fake.failNext(1_000, { status: 429, when: (r) => r.method === 'POST' });
    const [sent] = await send('Are you free at 3?');
    await untilNothingPending();
    const [failed] = await expectSettled(sent ? [sent] : [], { allowFailed: true });
    expect(failed).toMatchObject({ state: 'failed', retryable: true, error: explainTwilioError(20429) });
    expect(h.fake.sentMessages()).toEqual([]);

    h.fake.clearFaults();
    await retry([failed]);
    await expectSettled(sent ? [sent] : []);
  });
});

describe('5xx answers', () => {
  it('are never taken as “not sent”: each send is looked for at Twilio before it is made again, and made once', async () => {
    // Twilio created the first message before failing; it turned the second away.
    h.fake.failNext(1, { status: 500, processed: true, when: (r) => r.method === 'POST' });
    h.fake.failNext(1_000, { status: 503 });
    const sends = await sendWhileFaulty(/trouble on its side/, ['Here is the contract.', 'Sign where marked.'], 'Got it.');
    expect(h.fake.sentMessages().map((message) => message.body)).toEqual(['Here is the contract.']);

    h.fake.clearFaults();
    await expectRecovery(sends, ['Got it.']);
    expect(postsOf('Here is the contract.')).toHaveLength(1);
  });
});

describe('timeouts', () => {
  it('find the messages Twilio created after all instead of sending them again', { timeout: 20_000 }, async () => {
    h.fake.setSlowResponses(TIMEOUT_MS * 3);
    const sends = await sendWhileFaulty(/did not answer in time/, ['Running late, there in 10.', 'Parking now.'], 'No problem.');
    // Twilio finishes what it was asked, answer or no answer.
    await vi.waitFor(() => expect(h.fake.requests.filter((r) => r.status === null)).toEqual([]), { timeout: TIMEOUT_MS * 20 });
    expect(h.fake.sentMessages()).toHaveLength(2);

    h.fake.clearFaults();
    await expectRecovery(sends, ['No problem.']);
    for (const sent of sends) expect(postsOf(sent.body)).toHaveLength(1);
  });
});

describe('dropped connections', () => {
  it('leave sends pending, not lost, while Twilio cannot be reached, and each goes out once after', async () => {
    h.fake.dropNextConnections(1_000);
    const sends = await sendWhileFaulty(/could not be reached/, ['See you at the office.', 'Bring the signed copy.'], 'Will do.');

    h.fake.clearFaults();
    await expectRecovery(sends, ['Will do.']);
  });
});

describe('a 10 % random failure rate', () => {
  it('ends every send sent exactly once or failed with a reason, loses no reply, and recovers', { timeout: 30_000 }, async () => {
    h.fake.setRandomFailureRate(0.1, seededRandom(announcedSeed('DEALCHAT_FAULT_SEED', 'random Twilio failures')).next);
    const sends: SendRecord[] = [];
    const replies: string[] = [];
    const told = new Set<string>();
    for (let round = 1; round <= 20; round += 1) {
      sends.push(...(await send(`Update ${round}a on the order.`, `Update ${round}b on the order.`)));
      replies.push(`Reply ${round}`);
      receive(`Reply ${round}`);
      await alarm(10_000);
      const { messagesError } = await syncStatus();
      if (messagesError !== null) told.add(messagesError);
    }
    for (const sentence of told) expect(sentence).toMatch(PLAIN_WORDS);

    h.fake.clearFaults();
    const failed = await expectRecovery(sends, replies, { allowFailed: true });

    // What failed for good the rep can send again now, once.
    await retry(failed);
    await expectSettled(sends);
  });
});

describe('credentials revoked mid-session', () => {
  it('fail new sends with what to check, keep an unsettled one pending, and recover once they work again', async () => {
    const before = await send('Morning! The offer is on its way.');
    // This one's answer is lost: it stays unsettled until Twilio can be asked about it.
    h.fake.dropNextConnections(1, (r) => r.method === 'POST');
    const unsettled = await send('Did you get it?');
    h.fake.revokeCredentials();

    const refused = await send('Let me know what you think.', 'I can call at 2.');
    receive('Yes, looks good!');
    await alarm();
    await expectToldOf(/did not accept the saved account details.*check the Account SID/);
    const thread = await conversation();
    expect(pending(thread, unsettled)).toEqual(['pending']);
    for (const sent of refused) {
      expect(thread.find((message) => message.outboxId === sent.outboxId)).toMatchObject({
        state: 'failed',
        retryable: true,
        error: explainTwilioError(20003),
      });
    }
    expect(h.fake.sentMessages().map((message) => message.body)).toEqual(['Morning! The offer is on its way.']);

    h.fake.restoreCredentials();
    const sends = [...before, ...unsettled, ...refused];
    const failed = await expectRecovery(sends, ['Yes, looks good!'], { allowFailed: true });
    expect(failed.map((message) => message.outboxId).sort()).toEqual(refused.map((sent) => sent.outboxId).sort());
    await retry(failed);
    await expectSettled(sends);
  });
});
