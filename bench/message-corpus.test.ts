import { describe, expect, it } from 'vitest';
import { contactPhone, seededRandom } from '../tests/support/random';
import { parseTwilioDate } from '../utils/background/twilio/dates';
import { percentile } from './figures';
import { contactMessages, corpusBatches, messageCounts, type CorpusShape } from './message-corpus';

const SENDER = '+14155238886';
const END = Date.UTC(2026, 10, 20, 9);
const DAY = 24 * 60 * 60 * 1000;
const SMALL: CorpusShape = { messages: 3_000, contacts: 200, days: 90, skew: 0.8 };

describe('messageCounts', () => {
  it('gives every contact at least one message and all of them exactly the total', () => {
    const counts = messageCounts(seededRandom(1), { ...SMALL, messages: 100_000, contacts: 5_000 });
    expect(counts).toHaveLength(5_000);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(100_000);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(1);
  });

  it('is heavy-tailed: the busiest contacts have far more than the typical one', () => {
    const counts = messageCounts(seededRandom(1), { ...SMALL, messages: 100_000, contacts: 5_000 });
    expect(Math.max(...counts)).toBeGreaterThan(100 * percentile(counts, 0.5));
    expect(messageCounts(seededRandom(1), { ...SMALL, skew: 0 })).toEqual(Array.from({ length: 200 }, () => 15));
  });

  it('leaves to the seed which contact is the busiest', () => {
    const busiest = (seed: number) => {
      const counts = messageCounts(seededRandom(seed), SMALL);
      return counts.indexOf(Math.max(...counts));
    };
    expect(busiest(1)).toBe(busiest(1));
    expect(new Set([1, 2, 3, 4, 5].map(busiest)).size).toBeGreaterThan(1);
  });

  it('refuses fewer messages than contacts', () => {
    expect(() => messageCounts(seededRandom(1), { ...SMALL, messages: 10 })).toThrow('at least one message');
  });
});

describe('contactMessages', () => {
  const contact = contactPhone(7);
  const messages = contactMessages(seededRandom(2), contact, 400, { sender: SENDER, end: END, days: 90 });
  const at = (message: (typeof messages)[number]) => parseTwilioDate(message.date_created) ?? Number.NaN;

  it('spreads the requested number of messages, oldest first, over the period', () => {
    expect(messages).toHaveLength(400);
    const times = messages.map(at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(END - 90 * DAY - 1_000);
    expect(Math.max(...times)).toBeLessThanOrEqual(END);
  });

  it('writes both ways between the contact and our sender, with outcomes as Twilio reports them', () => {
    const inbound = messages.filter((message) => message.direction === 'inbound');
    const outbound = messages.filter((message) => message.direction === 'outbound-api');
    expect(inbound.length).toBeGreaterThan(100);
    expect(outbound.length).toBeGreaterThan(100);
    for (const message of inbound) expect(message).toMatchObject({ from: `whatsapp:${contact}`, to: `whatsapp:${SENDER}`, status: 'received' });
    for (const message of outbound) expect(message).toMatchObject({ from: `whatsapp:${SENDER}`, to: `whatsapp:${contact}` });
    const statuses = new Set(outbound.map((message) => message.status));
    expect(statuses).toContain('read');
    expect(statuses).toContain('failed');
    for (const message of outbound.filter((m) => m.status === 'failed' || m.status === 'undelivered')) expect(message.error_code).not.toBeNull();
  });

  it('leaves only recent outbound messages awaiting a delivery report, and none in the future', () => {
    const busyDay = contactMessages(seededRandom(3), contact, 2_000, { sender: SENDER, end: END, days: 1 });
    expect(Math.max(...busyDay.map(at))).toBe(END);
    const awaiting = busyDay.filter((message) => message.status === 'queued' || message.status === 'sent');
    expect(awaiting.length).toBeGreaterThan(0);
    for (const message of awaiting) expect(END - at(message)).toBeLessThan(10 * 60 * 1000);
  });

  it('gives every message its own Twilio sid', () => {
    const sids = messages.map((message) => message.sid);
    expect(new Set(sids).size).toBe(sids.length);
    for (const sid of sids) expect(sid).toMatch(/^SM[0-9a-f]{32}$/);
  });
});

describe('corpusBatches', () => {
  const options = { seed: 4, sender: SENDER, end: END, batchSize: 500, shape: SMALL };
  const batches = [...corpusBatches(options)];
  const contactOf = (message: (typeof batches)[number][number]) => (message.direction === 'inbound' ? message.from : message.to);

  it('holds the whole corpus, each contact with the count messageCounts gives it', () => {
    const counts = messageCounts(seededRandom(options.seed), SMALL);
    const perContact = new Map<string | null, number>();
    for (const message of batches.flat()) perContact.set(contactOf(message), (perContact.get(contactOf(message)) ?? 0) + 1);
    expect(batches.flat()).toHaveLength(SMALL.messages);
    expect(perContact.size).toBe(SMALL.contacts);
    counts.forEach((count, index) => expect(perContact.get(`whatsapp:${contactPhone(index)}`)).toBe(count));
  });

  it('comes in batches of at least the batch size (the last one may be smaller), the same for the same seed', () => {
    for (const batch of batches.slice(0, -1)) expect(batch.length).toBeGreaterThanOrEqual(500);
    expect([...corpusBatches(options)].map((batch) => batch.map((message) => message.sid))).toEqual(batches.map((batch) => batch.map((message) => message.sid)));
  });
});
