import { seededRandom } from '@/tests/support/random';
import { CONTACT, setUpTwilioHarness } from '@/tests/support/twilio';
import type { OutboxRow } from '@/utils/background/store/db';
import { createOutboxRunner, enqueueSend, OUTBOX_POLICY, recordedSend, retrySend, SendIdTakenError, type NewSend } from './outbox';

const h = setUpTwilioHarness();

const text = (body: string): NewSend => ({ contact: CONTACT, content: { kind: 'text', body }, displayBody: body, templateName: null });

/** The worker dies after the request left: Twilio gets it, the answer is never read. */
const diesAfterTwilioAnswered: typeof fetch = (input, init) => fetch(input, init).then(() => new Promise<Response>(() => undefined));
/** The worker dies before the request leaves. */
const diesBeforeRequest: typeof fetch = () => new Promise<Response>(() => undefined);

async function outboxRow(id: string): Promise<OutboxRow> {
  const row = await h.db.outbox.get(id);
  if (!row) throw new Error(`no outbox row ${id}`);
  return row;
}

beforeEach(() => {
  h.fake.receiveInbound({ from: CONTACT, body: 'Hi!', at: h.clock.now - 60_000 });
});

describe('a send', () => {
  it('is recorded before it is made, then sent once with Twilio’s sid', async () => {
    const row = await enqueueSend(h.db, text('Hello Anna'), h.clock.now);
    expect(await outboxRow(row.id)).toMatchObject({ state: 'queued', attempts: 0 });
    expect(h.fake.sentMessages()).toHaveLength(0);
    const env = h.environment();
    await createOutboxRunner()(env);
    const [sent] = h.fake.sentMessages();
    expect(sent).toMatchObject({ body: 'Hello Anna', to: `whatsapp:${CONTACT}`, from: 'whatsapp:+14155238886' });
    expect(await outboxRow(row.id)).toMatchObject({ state: 'sent', messageSid: sent?.sid });
    expect(await h.db.messages.get(sent?.sid ?? '')).toMatchObject({ outboxId: row.id, direction: 'outbound' });
    expect(env.changes).toContain(CONTACT);
  });

  it('fails visibly with a plain-language reason when Twilio refuses it', async () => {
    const row = await enqueueSend(h.db, { ...text('Hi'), contact: '+999' }, h.clock.now);
    await createOutboxRunner()(h.environment());
    const failed = await outboxRow(row.id);
    expect(failed.state).toBe('failed');
    expect(failed.error?.code).toBe(21211);
    expect(failed.error?.summary).toMatch(/number/i);
    expect(h.fake.sentMessages()).toHaveLength(0);
  });

  it('waits and tries again after 429 (Twilio never processed it)', async () => {
    h.fake.failNext(5, { status: 429, when: (r) => r.method === 'POST' });
    const row = await enqueueSend(h.db, text('busy'), h.clock.now);
    const run = await createOutboxRunner()(h.environment());
    expect(await outboxRow(row.id)).toMatchObject({ state: 'queued', attempts: 1 });
    expect(run.nextWakeAt).toBeGreaterThan(h.clock.now);
    h.clock.now = run.nextWakeAt ?? 0;
    h.fake.failNext(0, { status: 429 });
    await createOutboxRunner()(h.environment());
    expect(await outboxRow(row.id)).toMatchObject({ state: 'sent' });
    expect(h.fake.sentMessages()).toHaveLength(1);
  });

  it('is reconciled, not resent, after a 5xx whose outcome is unknown', async () => {
    h.fake.failNext(1, { status: 503, when: (r) => r.method === 'POST' });
    const row = await enqueueSend(h.db, text('maybe'), h.clock.now);
    const runner = createOutboxRunner();
    const first = await runner(h.environment());
    expect(await outboxRow(row.id)).toMatchObject({ state: 'unknown' });
    expect(first.nextWakeAt).toBe(h.clock.now + OUTBOX_POLICY.reconcileAfterMs);
    h.clock.now += OUTBOX_POLICY.reconcileAfterMs;
    await runner(h.environment());
    // The 503 was not processed, so nothing was found and the send was made once.
    expect(h.fake.sentMessages()).toHaveLength(1);
    expect(await outboxRow(row.id)).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('can be retried by the rep after it failed, and then goes out once', async () => {
    const row = await enqueueSend(h.db, { ...text('Hi'), contact: '+999' }, h.clock.now);
    await createOutboxRunner()(h.environment());
    await h.db.outbox.update(row.id, { contact: CONTACT });
    expect(await retrySend(h.db, row.id, h.clock.now)).toMatchObject({ id: row.id, state: 'queued' });
    await createOutboxRunner()(h.environment());
    expect(await outboxRow(row.id)).toMatchObject({ state: 'sent', error: null });
    expect(await retrySend(h.db, row.id, h.clock.now)).toBeNull();
  });

  it('sends an accepted-then-undelivered message again as a new message, once', async () => {
    const row = await enqueueSend(h.db, text('lost'), h.clock.now);
    await createOutboxRunner()(h.environment());
    const sid = (await outboxRow(row.id)).messageSid ?? '';
    await h.db.messages.update(sid, { status: 'undelivered', errorCode: 30008 });
    const copy = await retrySend(h.db, row.id, h.clock.now);
    expect(copy?.id).not.toBe(row.id);
    expect(await outboxRow(row.id)).toMatchObject({ retriedAs: copy?.id });
    expect(await retrySend(h.db, row.id, h.clock.now)).toBeNull();
  });
});

describe('a send recorded under the page’s request id', () => {
  it('is recorded once however often it is asked for, and made once', async () => {
    const id = crypto.randomUUID();
    const first = await enqueueSend(h.db, { ...text('Only once'), id }, h.clock.now);
    h.clock.now += 1_000;
    expect(await enqueueSend(h.db, { ...text('Only once'), id }, h.clock.now)).toEqual(first);
    await createOutboxRunner()(h.environment());
    // Asked for again once it went out: the send as it now stands, not a new one.
    expect(await enqueueSend(h.db, { ...text('Only once'), id }, h.clock.now)).toMatchObject({ id, state: 'sent' });
    await createOutboxRunner()(h.environment());

    expect(await h.db.outbox.count()).toBe(1);
    expect(h.fake.sentMessages().map((message) => message.body)).toEqual(['Only once']);
  });

  it('refuses the id for another message, and keeps the one it names', async () => {
    const id = crypto.randomUUID();
    const recorded = await enqueueSend(h.db, { ...text('One thing'), id }, h.clock.now);
    await expect(enqueueSend(h.db, { ...text('Another thing'), id }, h.clock.now)).rejects.toBeInstanceOf(SendIdTakenError);
    await expect(enqueueSend(h.db, { ...text('One thing'), contact: '+46709876543', id }, h.clock.now)).rejects.toBeInstanceOf(SendIdTakenError);
    expect(await h.db.outbox.toArray()).toEqual([recorded]);
  });

  it('knows a template by its values, in whatever order they come', async () => {
    const id = crypto.randomUUID();
    const template = (contentVariables: Record<string, string>): NewSend => ({
      contact: CONTACT,
      content: { kind: 'template', contentSid: `HX${'a'.repeat(32)}`, contentVariables },
      displayBody: 'Hi Anna, about Acme.',
      templateName: 'follow_up',
    });
    const recorded = await enqueueSend(h.db, { ...template({ name: 'Anna', company: 'Acme' }), id }, h.clock.now);
    expect(await recordedSend(h.db, id, template({ company: 'Acme', name: 'Anna' }))).toEqual(recorded);
    await expect(recordedSend(h.db, id, template({ name: 'Anna', company: 'Acme AB' }))).rejects.toBeInstanceOf(SendIdTakenError);
  });
});

describe('a worker killed between "recorded" and "answered"', () => {
  it('finds the message Twilio did create and never sends it twice', async () => {
    const row = await enqueueSend(h.db, text('exactly once'), h.clock.now);
    void createOutboxRunner()(h.environment({ client: h.client(diesAfterTwilioAnswered) }));
    await vi.waitFor(() => expect(h.fake.sentMessages()).toHaveLength(1));
    expect(await outboxRow(row.id)).toMatchObject({ state: 'sending' });

    const restarted = createOutboxRunner();
    const early = await restarted(h.environment());
    expect(early.nextWakeAt).toBe(h.clock.now + OUTBOX_POLICY.reconcileAfterMs);
    h.clock.now += OUTBOX_POLICY.reconcileAfterMs;
    await restarted(h.environment());
    expect(h.fake.sentMessages()).toHaveLength(1);
    expect(await outboxRow(row.id)).toMatchObject({ state: 'sent', messageSid: h.fake.sentMessages()[0]?.sid });
  });

  it('sends it after making sure Twilio never got it', async () => {
    const row = await enqueueSend(h.db, text('never left'), h.clock.now);
    void createOutboxRunner()(h.environment({ client: h.client(diesBeforeRequest) }));
    await vi.waitFor(async () => expect((await outboxRow(row.id)).state).toBe('sending'));
    h.clock.now += OUTBOX_POLICY.reconcileAfterMs;
    await createOutboxRunner()(h.environment());
    expect(h.fake.sentMessages().map((m) => m.body)).toEqual(['never left']);
    expect(await outboxRow(row.id)).toMatchObject({ state: 'sent' });
  });

  it('does not claim a twin message another send already owns', async () => {
    const first = await enqueueSend(h.db, text('same words'), h.clock.now);
    await createOutboxRunner()(h.environment());
    const second = await enqueueSend(h.db, text('same words'), h.clock.now);
    void createOutboxRunner()(h.environment({ client: h.client(diesBeforeRequest) }));
    await vi.waitFor(async () => expect((await outboxRow(second.id)).state).toBe('sending'));
    h.clock.now += OUTBOX_POLICY.reconcileAfterMs;
    await createOutboxRunner()(h.environment());
    expect(h.fake.sentMessages()).toHaveLength(2);
    expect((await outboxRow(second.id)).messageSid).not.toBe((await outboxRow(first.id)).messageSid);
  });

  it('ends every send sent exactly once or visibly failed, over many random kills and faults', async () => {
    const random = seededRandom(7);
    const modes = ['ok', 'dies-after', 'dies-before', '503', 'drop', '429'] as const;
    const rows: OutboxRow[] = [];
    for (let round = 0; round < 40; round += 1) {
      rows.push(await enqueueSend(h.db, text(`message ${round}`), h.clock.now));
      const mode = modes[random.int(0, modes.length - 1)] ?? 'ok';
      if (mode === '503') h.fake.failNext(1, { status: 503, when: (r) => r.method === 'POST' });
      if (mode === '429') h.fake.failNext(1, { status: 429, when: (r) => r.method === 'POST' });
      if (mode === 'drop') h.fake.dropNextConnections(1, (r) => r.method === 'POST');
      const dies = mode === 'dies-after' ? diesAfterTwilioAnswered : mode === 'dies-before' ? diesBeforeRequest : undefined;
      // The worker dies at its first request, whichever it is (a send or a reconciliation);
      // a run with nothing to ask Twilio simply ends.
      let died: () => void = () => undefined;
      const firstRequest = new Promise<void>((resolve) => (died = resolve));
      const dying: typeof fetch | undefined = dies && ((input, init) => (died(), dies(input, init)));
      const run = createOutboxRunner()(h.environment(dying ? { client: h.client(dying) } : {}));
      await Promise.race([run, firstRequest]);
      h.clock.now += OUTBOX_POLICY.reconcileAfterMs + OUTBOX_POLICY.retryMaxMs;
    }
    for (let settle = 0; settle < 5; settle += 1) {
      await createOutboxRunner()(h.environment());
      h.clock.now += OUTBOX_POLICY.reconcileAfterMs + OUTBOX_POLICY.retryMaxMs;
    }
    const atTwilio = h.fake.sentMessages();
    let sent = 0;
    for (const row of rows) {
      const final = await outboxRow(row.id);
      const copies = atTwilio.filter((message) => message.body === row.displayBody);
      if (final.state === 'sent') {
        sent += 1;
        expect(copies.map((message) => message.sid)).toEqual([final.messageSid]);
      } else {
        expect(final.state).toBe('failed');
        expect(final.error?.summary).toBeTruthy();
        expect(copies).toEqual([]);
      }
    }
    expect(atTwilio).toHaveLength(sent);
    expect(sent).toBeGreaterThan(30);
  });
});

describe('a send whose outcome is unknown while Twilio stays unreachable', () => {
  it('is still found at Twilio when it answers again, however long the outage lasted', async () => {
    const row = await enqueueSend(h.db, text('sent before the outage'), h.clock.now);
    void createOutboxRunner()(h.environment({ client: h.client(diesAfterTwilioAnswered) }));
    await vi.waitFor(() => expect(h.fake.sentMessages()).toHaveLength(1));

    const restarted = createOutboxRunner();
    h.fake.dropNextConnections(Number.MAX_SAFE_INTEGER);
    // Longer than the margin reconciliation looks back by, one failed look every interval.
    for (let waited = 0; waited <= OUTBOX_POLICY.reconcileMarginMs; waited += OUTBOX_POLICY.reconcileAfterMs) {
      h.clock.now += OUTBOX_POLICY.reconcileAfterMs;
      await restarted(h.environment());
      expect(await outboxRow(row.id)).toMatchObject({ state: 'unknown' });
    }
    h.fake.clearFaults();
    h.clock.now += OUTBOX_POLICY.reconcileAfterMs;
    await restarted(h.environment());

    const [sent] = h.fake.sentMessages();
    expect(h.fake.sentMessages()).toHaveLength(1);
    expect(await outboxRow(row.id)).toMatchObject({ state: 'sent', messageSid: sent?.sid });
  });
});
