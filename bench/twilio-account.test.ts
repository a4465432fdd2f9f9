import { describe, expect, it } from 'vitest';
import { seededRandom } from '../tests/support/random';
import { ACCOUNT_SHAPE, describeRequests, planAccount, requestKind, windowOpen, type HistoryMessage } from './twilio-account';

const HOUR_START = Date.UTC(2026, 10, 20, 9);
const HOUR = 60 * 60 * 1000;
const CONTACT = '+46701234567';
const ACCOUNT = `AC${'a'.repeat(32)}`;

describe('windowOpen', () => {
  const history: HistoryMessage[] = [
    { at: HOUR_START - 30 * HOUR, contact: CONTACT, direction: 'inbound', template: false },
    { at: HOUR_START - 2 * HOUR, contact: CONTACT, direction: 'outbound', template: true },
  ];

  it('is open for 24 hours after the contact writes, and only inbound messages open it', () => {
    expect(windowOpen(history, CONTACT, HOUR_START - 30 * HOUR)).toBe(true);
    expect(windowOpen(history, CONTACT, HOUR_START - 7 * HOUR)).toBe(true);
    expect(windowOpen(history, CONTACT, HOUR_START - 6 * HOUR)).toBe(false);
    expect(windowOpen(history, CONTACT, HOUR_START)).toBe(false);
    expect(windowOpen(history, CONTACT, HOUR_START - 31 * HOUR)).toBe(false);
    expect(windowOpen(history, '+46709999999', HOUR_START - 29 * HOUR)).toBe(false);
  });
});

describe('planAccount', () => {
  const plan = planAccount(seededRandom(42), HOUR_START);

  it('is the same account for the same seed', () => {
    expect(planAccount(seededRandom(42), HOUR_START)).toEqual(plan);
    expect(planAccount(seededRandom(43), HOUR_START).history).not.toEqual(plan.history);
  });

  it('keeps a month of chronological history that ends before the worker starts', () => {
    expect(plan.contacts).toHaveLength(ACCOUNT_SHAPE.contacts);
    expect(plan.history.map((message) => message.at)).toEqual(plan.history.map((message) => message.at).sort((a, b) => a - b));
    expect(plan.history[0]?.at).toBeGreaterThanOrEqual(HOUR_START - 30 * 24 * HOUR);
    expect(plan.history.at(-1)?.at).toBeLessThan(HOUR_START - 15 * 60_000);
    expect(new Set(plan.history.map((message) => message.contact)).size).toBe(ACCOUNT_SHAPE.contacts);
  });

  it('sends free-form text only inside the window and templates outside it, as WhatsApp allows', () => {
    const outbound = plan.history.filter((message) => message.direction === 'outbound');
    expect(outbound.some((message) => message.template)).toBe(true);
    expect(outbound.some((message) => !message.template)).toBe(true);
    for (const message of outbound) expect(message.template).toBe(!windowOpen(plan.history, message.contact, message.at));
    for (const send of plan.sends) expect(send.template).toBe(!windowOpen(plan.history, send.contact, plan.sendsAt));
  });

  it('has sends awaiting delivery reports into the hour, and the panel contact’s window open', () => {
    expect(plan.sends).toHaveLength(ACCOUNT_SHAPE.sendsBeforeHour);
    expect(plan.sendsAt).toBeLessThan(HOUR_START);
    for (const send of plan.sends) {
      expect(send.sentAfterMs).toBeGreaterThan(0);
      if (send.deliveredAfterMs !== null) expect(send.deliveredAfterMs).toBeGreaterThan(send.sentAfterMs);
    }
    expect(windowOpen(plan.history, plan.panelContact, HOUR_START)).toBe(true);
  });

  it('has others write during the hour, and the panel contact reply during it', () => {
    expect(plan.inbound).toHaveLength(ACCOUNT_SHAPE.inboundDuringHour);
    expect(plan.replies).toHaveLength(ACCOUNT_SHAPE.repliesDuringHour);
    for (const { contact, at } of plan.inbound) {
      expect(contact).not.toBe(plan.panelContact);
      expect(at).toBeGreaterThanOrEqual(HOUR_START);
      expect(at).toBeLessThan(HOUR_START + HOUR);
    }
    for (const at of plan.replies) expect(at - HOUR_START).toBeGreaterThanOrEqual(0);
    expect(Math.max(...plan.replies)).toBeLessThan(HOUR_START + HOUR);
  });

  it('never has the panel contact among the others who write, whatever the seed', () => {
    for (let seed = 0; seed < 40; seed += 1) {
      const { inbound, panelContact } = planAccount(seededRandom(seed), HOUR_START);
      expect(inbound.map(({ contact }) => contact)).not.toContain(panelContact);
    }
  });
});

describe('requestKind', () => {
  it.each([
    ['GET', `/2010-04-01/Accounts/${ACCOUNT}/Messages.json`, 'message list'],
    ['POST', `/2010-04-01/Accounts/${ACCOUNT}/Messages.json`, 'send'],
    ['GET', `/2010-04-01/Accounts/${ACCOUNT}/Messages/SM123.json`, 'status read'],
    ['GET', `/2010-04-01/Accounts/${ACCOUNT}/Messages/SM123/Media.json`, 'media request'],
    ['GET', `/2010-04-01/Accounts/${ACCOUNT}/Messages/SM123/Media/ME1`, 'media request'],
    ['GET', `/2010-04-01/Accounts/${ACCOUNT}.json`, 'account check'],
    ['GET', '/v1/ContentAndApprovals', 'template list'],
    ['GET', '/v1/Content', 'template list'],
    ['DELETE', `/2010-04-01/Accounts/${ACCOUNT}/Messages/SM123.json`, 'other request'],
  ])('%s %s is a %s', (method, path, kind) => {
    expect(requestKind({ method, path })).toBe(kind);
  });
});

describe('describeRequests', () => {
  it('counts each kind, most frequent first, in plain words', () => {
    const list = { method: 'GET', path: `/2010-04-01/Accounts/${ACCOUNT}/Messages.json` };
    const status = { method: 'GET', path: `/2010-04-01/Accounts/${ACCOUNT}/Messages/SM1.json` };
    const templates = { method: 'GET', path: '/v1/ContentAndApprovals' };
    expect(describeRequests([status, list, templates, list, status, list])).toBe('3 message lists, 2 status reads, 1 template list');
    expect(describeRequests([])).toBe('no requests');
  });
});
