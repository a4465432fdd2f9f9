import Dexie from 'dexie';
import { twilioMessage } from '@/tests/support/twilio-message';
import { buildConversation } from './conversation-view';
import { openDatabase, type DealchatDb } from './store/db';
import { upsertTwilioMessages } from './store/messages';
import { enqueueSend } from './sync/outbox';
import type { SendMessageContent } from './twilio/types';

const SENDER = '+14155550100';
const CONTACT = '+46701234567';
const T0 = Date.UTC(2026, 10, 20, 9);
let db: DealchatDb;
let name: string;

beforeEach(() => {
  name = `view-${crypto.randomUUID()}`;
  db = openDatabase(name);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(name);
});

async function sentThenFailed(content: SendMessageContent, errorCode: number) {
  const row = await enqueueSend(db, { contact: CONTACT, content, displayBody: 'x', templateName: null }, T0);
  const message = twilioMessage({ direction: 'outbound-api', from: `whatsapp:${SENDER}`, to: `whatsapp:${CONTACT}`, status: 'failed', error_code: errorCode, at: T0 });
  await db.outbox.update(row.id, { state: 'sent', messageSid: message.sid });
  await upsertTwilioMessages(db, [message], SENDER, () => ({ outboxId: row.id }));
  const view = await buildConversation(db, CONTACT, { now: T0, clockOffset: 0 });
  return view.messages.find((message) => message.outboxId === row.id);
}

it('offers Retry for a delivery failure, with its explanation', async () => {
  expect(await sentThenFailed({ kind: 'text', body: 'x' }, 63024)).toMatchObject({ state: 'failed', retryable: true, error: { code: 63024 } });
});

it('offers no Retry for free-form text refused as outside the window, but does for a template', async () => {
  expect(await sentThenFailed({ kind: 'text', body: 'x' }, 63016)).toMatchObject({ state: 'failed', retryable: false, error: { code: 63016 } });
  expect(await sentThenFailed({ kind: 'template', contentSid: `HX${'a'.repeat(32)}`, contentVariables: {} }, 63016)).toMatchObject({ retryable: true });
});

it('shows unsent outbox entries as pending, on the local clock, among Twilio’s messages', async () => {
  await upsertTwilioMessages(db, [twilioMessage({ from: `whatsapp:${CONTACT}`, to: `whatsapp:${SENDER}`, body: 'hi', at: T0 })], SENDER);
  await enqueueSend(db, { contact: CONTACT, content: { kind: 'text', body: 'reply' }, displayBody: 'reply', templateName: null }, T0 + 5_000);
  const view = await buildConversation(db, CONTACT, { now: T0 + 6_000, clockOffset: 2_000 });
  expect(view.messages.map((m) => [m.body, m.state, m.at])).toEqual([
    ['hi', 'received', T0 - 2_000],
    ['reply', 'pending', T0 + 5_000],
  ]);
  expect(view.window).toMatchObject({ open: true, closesAt: T0 + 24 * 3_600_000 - 2_000 });
});
