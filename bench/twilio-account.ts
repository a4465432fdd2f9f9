/**
 * The Twilio account the traffic benchmark simulates for an hour, planned from a seed: a rep's
 * month of WhatsApp history, their templates, the messages they sent just before the hour (still
 * awaiting delivery reports), and who writes during it. Pure data: the simulation plays it against
 * the fake.
 */
import type { RecordedRequest } from '../tests/fakes/twilio';
import { SESSION_WINDOW_MS } from '../utils/whatsapp/session-window';
import { contactPhone, randomMoments, type Random } from '../tests/support/random';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const ACCOUNT_SHAPE = {
  contacts: 40,
  historyDays: 30,
  templates: 40,
  /** Sent two minutes before the hour, so their delivery reports come in during it. */
  sendsBeforeHour: 8,
  /** Other contacts writing during the hour. */
  inboundDuringHour: 10,
  /** The open panel's contact writing during the hour. */
  repliesDuringHour: 30,
};

export interface HistoryMessage {
  at: number;
  contact: string;
  direction: 'inbound' | 'outbound';
  /** Outbound outside the 24-hour window can only be a template. */
  template: boolean;
}

export interface TemplatePlan {
  friendlyName: string;
  body: string;
  approval: 'approved' | 'pending' | 'rejected';
}

export interface PlannedSend {
  contact: string;
  template: boolean;
  /** After the send, when Twilio reports it sent. */
  sentAfterMs: number;
  /** After the send; null when the report does not come within the hour (the phone is off). */
  deliveredAfterMs: number | null;
}

export interface AccountPlan {
  contacts: string[];
  /** Chronological, all before the worker starts. */
  history: HistoryMessage[];
  templates: TemplatePlan[];
  sends: PlannedSend[];
  sendsAt: number;
  inbound: { contact: string; at: number }[];
  /** Wrote 40 minutes before the hour, so their window is open when the rep opens their panel. */
  panelContact: string;
  replies: number[];
}

/** Whether `contact` wrote within the 24 hours before `at`, by the history. */
export function windowOpen(history: readonly HistoryMessage[], contact: string, at: number): boolean {
  return history.some((message) => message.contact === contact && message.direction === 'inbound' && message.at <= at && at - message.at < SESSION_WINDOW_MS);
}

/** One contact's conversations: each opens with their question or our template, then a short exchange. */
function contactHistory(random: Random, contact: string, from: number, to: number): HistoryMessage[] {
  const timeline: Omit<HistoryMessage, 'template'>[] = [];
  const conversations = random.int(1, 6);
  for (let conversation = 0; conversation < conversations; conversation += 1) {
    let at = from + Math.floor(random.next() * (to - from));
    let direction: HistoryMessage['direction'] = random.chance(0.7) ? 'inbound' : 'outbound';
    const length = random.int(1, 7);
    for (let index = 0; index < length && at < to; index += 1) {
      timeline.push({ at, contact, direction });
      at += random.int(1, 30) * MINUTE;
      if (random.chance(0.7)) direction = direction === 'inbound' ? 'outbound' : 'inbound';
    }
  }
  timeline.sort((a, b) => a.at - b.at);
  const history: HistoryMessage[] = [];
  for (const message of timeline) {
    history.push({ ...message, template: message.direction === 'outbound' && !windowOpen(history, contact, message.at) });
  }
  return history;
}

function plannedSend(random: Random, contact: string, template: boolean): PlannedSend {
  const delivery = random.next();
  // Most phones report within a couple of minutes; some are offline for a while, a few all hour.
  const deliveredAfterMs =
    delivery < 0.6 ? random.int(10, 120) * 1_000 : delivery < 0.85 ? random.int(2, 15) * MINUTE : delivery < 0.95 ? random.int(15, 50) * MINUTE : null;
  return { contact, template, sentAfterMs: random.int(1, 8) * 1_000, deliveredAfterMs };
}

export function planAccount(random: Random, hourStart: number): AccountPlan {
  const contacts = Array.from({ length: ACCOUNT_SHAPE.contacts }, (_, index) => contactPhone(index));
  const [panelContact = '', ...others] = contacts;
  // History ends before the warm-up, so the background's first syncs find it all on Twilio.
  const historyEnd = hourStart - 20 * MINUTE;
  const history = contacts
    .flatMap((contact) => contactHistory(random, contact, hourStart - ACCOUNT_SHAPE.historyDays * DAY, historyEnd))
    .concat({ at: hourStart - 40 * MINUTE, contact: panelContact, direction: 'inbound', template: false })
    .sort((a, b) => a.at - b.at);
  const templates = Array.from({ length: ACCOUNT_SHAPE.templates }, (_, index): TemplatePlan => {
    const approval = index % 10 === 7 ? 'pending' : index % 20 === 9 ? 'rejected' : 'approved';
    return { friendlyName: `template_${index + 1}`, body: `Hi {{1}}, this is update ${index + 1} about your order.`, approval };
  });
  const sendsAt = hourStart - 2 * MINUTE;
  // The rep answers whoever wrote today (free-form) and reaches out to others (templates).
  const wroteToday = others.filter((contact) => windowOpen(history, contact, sendsAt));
  const sends = Array.from({ length: ACCOUNT_SHAPE.sendsBeforeHour }, (_, index) => {
    const contact = index % 2 === 0 && wroteToday.length > 0 ? random.pick(wroteToday) : random.pick(others);
    return plannedSend(random, contact, !windowOpen(history, contact, sendsAt));
  });
  const inbound = randomMoments(random, ACCOUNT_SHAPE.inboundDuringHour, hourStart, hourStart + HOUR).map((at) => ({ contact: random.pick(others), at }));
  const replies = randomMoments(random, ACCOUNT_SHAPE.repliesDuringHour, hourStart, hourStart + HOUR);
  return { contacts, history, templates, sends, sendsAt, inbound, panelContact, replies };
}

export type RequestKind = 'message list' | 'status read' | 'template list' | 'send' | 'media request' | 'account check' | 'other request';

const KIND_PATTERNS: [RequestKind, string, RegExp][] = [
  ['message list', 'GET', /^\/2010-04-01\/Accounts\/[^/]+\/Messages\.json$/],
  ['send', 'POST', /^\/2010-04-01\/Accounts\/[^/]+\/Messages\.json$/],
  ['status read', 'GET', /^\/2010-04-01\/Accounts\/[^/]+\/Messages\/[^/]+\.json$/],
  ['media request', 'GET', /^\/2010-04-01\/Accounts\/[^/]+\/Messages\/[^/]+\/Media/],
  ['account check', 'GET', /^\/2010-04-01\/Accounts\/[^/]+\.json$/],
  ['template list', 'GET', /^\/v1\/(ContentAndApprovals|Content)$/],
];

export function requestKind(request: Pick<RecordedRequest, 'method' | 'path'>): RequestKind {
  return KIND_PATTERNS.find(([, method, path]) => request.method === method && path.test(request.path))?.[0] ?? 'other request';
}

/** E.g. "30 message lists, 12 status reads, 1 template list", most frequent first. */
export function describeRequests(requests: readonly Pick<RecordedRequest, 'method' | 'path'>[]): string {
  const counts = new Map<RequestKind, number>();
  for (const request of requests) {
    const kind = requestKind(request);
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  if (counts.size === 0) return 'no requests';
  return [...counts]
    .sort(([, a], [, b]) => b - a)
    .map(([kind, count]) => `${count} ${kind}${count === 1 ? '' : 's'}`)
    .join(', ');
}
