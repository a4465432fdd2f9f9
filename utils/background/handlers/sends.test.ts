import { connectToTwilio, createTestEngine, envelope, fromDealPage, requestFrom } from '@/tests/support/engine';
import { CONTACT, setUpTwilioHarness } from '@/tests/support/twilio';
import type { RequestPayload } from '@/utils/messaging/contract';

const h = setUpTwilioHarness();
let setup: ReturnType<typeof createTestEngine>;

beforeEach(async () => {
  setup = createTestEngine({ now: () => h.clock.now, twilioClient: { sleep: () => Promise.resolve() } });
  await connectToTwilio(setup.engine, h.fake);
  h.fake.receiveInbound({ from: CONTACT, body: 'Can you send the quote?', at: h.clock.now - 60_000 });
  await requestFrom(setup.engine, 'syncNow', { what: 'all' });
});
afterEach(() => setup.dispose());

/** A send asked for twice: the page asks again when the worker died before answering the first time. */
async function askedTwice<T extends 'sendText' | 'sendTemplate'>(type: T, payload: RequestPayload<T>) {
  const first = await requestFrom(setup.engine, type, payload);
  await setup.engine.idle();
  const again = await requestFrom(setup.engine, type, payload);
  await setup.engine.idle();
  return { first, again };
}

async function approvedTemplate(body = 'Hi {{1}}, your quote for {{2}} is ready.') {
  const template = h.fake.addTemplate({ friendlyName: 'quote_ready', body });
  await requestFrom(setup.engine, 'syncNow', { what: 'templates' });
  return template;
}

describe('a send asked for again with its request id', () => {
  it('is the send recorded the first time, made once at Twilio', async () => {
    const requestId = crypto.randomUUID();
    const { first, again } = await askedTwice('sendText', { requestId, to: CONTACT, body: 'The quote is attached.' });

    expect(again).toEqual(first);
    expect(await setup.db.outbox.toArray()).toEqual([expect.objectContaining({ id: first.outboxId, state: 'sent' })]);
    expect(h.fake.sentMessages().map((message) => message.body)).toEqual(['The quote is attached.']);
  });

  it('is one template message, too', async () => {
    const template = await approvedTemplate();
    const variables = { '1': 'Anna', '2': 'the new office' };
    const { first, again } = await askedTwice('sendTemplate', { requestId: crypto.randomUUID(), to: CONTACT, contentSid: template.sid, variables });

    expect(again).toEqual(first);
    expect(await setup.db.outbox.count()).toBe(1);
    expect(h.fake.sentMessages().map((message) => message.body)).toEqual(['Hi Anna, your quote for the new office is ready.']);
  });

  it('is answered even when it could no longer be sent, since it was recorded while it could', async () => {
    const template = await approvedTemplate();
    const payload = { requestId: crypto.randomUUID(), to: CONTACT, contentSid: template.sid, variables: { '1': 'Anna', '2': 'Acme' } };
    const { outboxId } = await requestFrom(setup.engine, 'sendTemplate', payload);
    h.fake.setTemplateApproval(template.sid, { status: 'paused' });
    await requestFrom(setup.engine, 'syncNow', { what: 'templates' });

    expect(await requestFrom(setup.engine, 'sendTemplate', payload)).toEqual({ outboxId });
    await setup.engine.idle();
    expect(h.fake.sentMessages()).toHaveLength(1);
  });

  it.each<[string, (requestId: string, contentSid: string) => [unknown, unknown]]>([
    [
      'other words',
      (requestId) => [
        envelope('sendText', { requestId, to: CONTACT, body: 'See you at 3.' }),
        envelope('sendText', { requestId, to: CONTACT, body: 'See you at 4.' }),
      ],
    ],
    [
      'another contact',
      (requestId) => [
        envelope('sendText', { requestId, to: CONTACT, body: 'See you at 3.' }),
        envelope('sendText', { requestId, to: '+46709876543', body: 'See you at 3.' }),
      ],
    ],
    [
      'other template values',
      (requestId, contentSid) => [
        envelope('sendTemplate', { requestId, to: CONTACT, contentSid, variables: { '1': 'Anna', '2': 'Acme' } }),
        envelope('sendTemplate', { requestId, to: CONTACT, contentSid, variables: { '1': 'Anna', '2': 'Acme AB' } }),
      ],
    ],
  ])('is refused when it carries %s, and nothing more is sent', async (_, requests) => {
    const template = await approvedTemplate();
    const [original, other] = requests(crypto.randomUUID(), template.sid);
    expect(await setup.engine.handleMessage(original, fromDealPage)).toMatchObject({ ok: true });
    await setup.engine.idle();
    const recorded = await setup.db.outbox.toArray();

    expect(await setup.engine.handleMessage(other, fromDealPage)).toEqual({
      ok: false,
      error: { code: 'invalid', message: expect.stringContaining('already used for a different message') as string },
    });
    await setup.engine.idle();
    expect(await setup.db.outbox.toArray()).toEqual(recorded);
    expect(h.fake.sentMessages()).toHaveLength(1);
  });
});

it('records each new request id as a message of its own, the same words included', async () => {
  const body = 'Thanks!';
  const first = await requestFrom(setup.engine, 'sendText', { requestId: crypto.randomUUID(), to: CONTACT, body });
  const second = await requestFrom(setup.engine, 'sendText', { requestId: crypto.randomUUID(), to: CONTACT, body });
  await setup.engine.idle();
  expect(second.outboxId).not.toBe(first.outboxId);
  expect(h.fake.sentMessages().map((message) => message.body)).toEqual([body, body]);
});
