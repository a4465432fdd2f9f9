/**
 * A big account's message history, from a seed, as Twilio serves it: the store benchmark feeds it
 * through the store's own write path. Uneven like real accounts (a few contacts with thousands of
 * messages, most with a handful), in conversations spread over months, both directions, every kind
 * of outcome, and a few recent messages still awaiting their delivery report.
 */
import { contactPhone, seededRandom, shuffled, type Random } from '../tests/support/random';
import { twilioMessage } from '../tests/support/twilio-message';
import type { TwilioMessage, TwilioMessageStatus } from '../utils/background/twilio/types';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export interface CorpusShape {
  messages: number;
  contacts: number;
  days: number;
  /** How unequal contacts are: the contact of rank r has a share proportional to (r + 1)^-skew. */
  skew: number;
}

export const CORPUS_SHAPE: CorpusShape = { messages: 100_000, contacts: 5_000, days: 180, skew: 0.8 };

/**
 * How many messages each contact has (at least one), summing to exactly `messages`, heavy-tailed
 * like real accounts; which contact is the busiest is left to chance. Contact `i` is `contactPhone(i)`.
 */
export function messageCounts(random: Random, { contacts, messages, skew }: CorpusShape): number[] {
  if (messages < contacts) throw new Error('Every contact needs at least one message.');
  const weights = Array.from({ length: contacts }, (_, rank) => (rank + 1) ** -skew);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const byRank = weights.map((weight) => 1 + Math.floor((weight / total) * (messages - contacts)));
  const remainder = messages - byRank.reduce((sum, count) => sum + count, 0);
  for (let rank = 0; rank < remainder; rank += 1) byRank[rank % contacts] = (byRank[rank % contacts] ?? 0) + 1;
  return shuffled(random, byRank);
}

function sid(random: Random): string {
  let hex = '';
  for (let index = 0; index < 4; index += 1) hex += Math.floor(random.next() * 2 ** 32).toString(16).padStart(8, '0');
  return `SM${hex}`;
}

const WORDS = 'hi thanks order quote price delivery tomorrow friday invoice contract meeting call sure great please send the a to for we you about can when'.split(' ');

function body(random: Random): string {
  return Array.from({ length: random.int(2, 30) }, () => random.pick(WORDS)).join(' ');
}

function outboundOutcome(random: Random, recent: boolean): { status: TwilioMessageStatus; errorCode: number | null } {
  if (recent) return { status: random.pick(['queued', 'sent'] as const), errorCode: null };
  const roll = random.next();
  if (roll < 0.8) return { status: 'read', errorCode: null };
  if (roll < 0.92) return { status: 'delivered', errorCode: null };
  if (roll < 0.97) return { status: 'failed', errorCode: random.chance(0.5) ? 63016 : 63003 };
  return { status: 'undelivered', errorCode: 63024 };
}

/** Instants of `count` messages: conversations of a few messages minutes apart, at random moments over the period. */
function conversationTimes(random: Random, count: number, from: number, to: number): number[] {
  const times: number[] = [];
  while (times.length < count) {
    let at = from + Math.floor(random.next() * (to - from));
    const length = Math.min(random.int(1, 8), count - times.length);
    for (let index = 0; index < length; index += 1) {
      times.push(Math.min(at, to));
      at += random.int(10, 1_800) * 1_000;
    }
  }
  return times.sort((a, b) => a - b);
}

/** One contact's messages, oldest first, over up to `days` before `end`. */
export function contactMessages(random: Random, contact: string, count: number, { sender, end, days }: { sender: string; end: number; days: number }): TwilioMessage[] {
  // Some contacts have been around since the start, some are new.
  const from = end - random.int(1, days) * DAY;
  return conversationTimes(random, count, from, end).map((at) => {
    const inbound = random.chance(0.45);
    const { status, errorCode } = inbound ? { status: 'received' as const, errorCode: null } : outboundOutcome(random, end - at < 10 * MINUTE);
    return twilioMessage({
      sid: sid(random),
      at,
      direction: inbound ? 'inbound' : 'outbound-api',
      from: `whatsapp:${inbound ? contact : sender}`,
      to: `whatsapp:${inbound ? sender : contact}`,
      body: body(random),
      status,
      error_code: errorCode,
      num_media: random.chance(0.03) ? '1' : '0',
    });
  });
}

export interface CorpusOptions {
  seed: number;
  sender: string;
  /** The newest message's instant. */
  end: number;
  batchSize: number;
  shape?: CorpusShape;
}

/**
 * Every contact's messages, in batches of at least `batchSize` (a contact's messages stay
 * together), as successive syncs would bring them. Contact `i` has `messageCounts(seededRandom(seed), shape)[i]`.
 */
export function* corpusBatches({ seed, sender, end, batchSize, shape = CORPUS_SHAPE }: CorpusOptions): Generator<TwilioMessage[]> {
  const random = seededRandom(seed);
  const counts = messageCounts(random, shape);
  let batch: TwilioMessage[] = [];
  for (const [index, count] of counts.entries()) {
    batch.push(...contactMessages(random, contactPhone(index), count, { sender, end, days: shape.days }));
    if (batch.length >= batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
