/**
 * What the rep gets wrong — a number WhatsApp cannot use, an empty or over-long template variable, a
 * body over WhatsApp's limit, a media link that is not a public https one — refused by the production
 * build in Chromium, in the panel and again at the background, with a reason and nothing sent to Twilio.
 */
import type { Locator } from 'playwright-core';
import { expect } from 'vitest';
import { MAX_BODY_LENGTH, MAX_VARIABLE_LENGTH } from '../../utils/messaging/constants';
import type { ResponseEnvelope } from '../../utils/messaging/views';
import { ask, request } from './support/background';
import { panelTest, test } from './support/fixtures';
import { whatsAppPanel } from './support/panel';

const SENDER = 'whatsapp:+14155238886';
const ANNA = '+46701234567';
const REMINDER = { friendlyName: 'meeting_reminder', body: 'Hi {{1}}, see you on {{2}} for the walkthrough.' };
const VALID_REPLY = 'The quote is on its way.';

/** What the field's own error says: its description while it is marked invalid. */
function fieldError(field: Locator): Promise<string> {
  return field.evaluate((element) => {
    if (element.getAttribute('aria-invalid') !== 'true') return '';
    const root = element.getRootNode() as Document | ShadowRoot;
    const ids = (element.getAttribute('aria-describedby') ?? '').split(/\s+/u);
    return ids.map((id) => root.getElementById(id)?.textContent ?? '').join(' ').trim();
  });
}

/** An error a screen reader hears, either way the panel announces one: an alert, or the field's own. */
async function announcedError(region: Locator, field: Locator): Promise<string> {
  const alerts = (await region.getByRole('alert').allTextContents()).join(' ').trim();
  return alerts === '' ? fieldError(field) : alerts;
}

panelTest('the panel refuses what the rep gets wrong, says why, and sends nothing until it is right', async ({
  twilio,
  pipedrive,
  connect,
  openDeal,
}) => {
  const anna = pipedrive.fake.addPerson({ name: 'Anna Svensson', phones: [{ value: '070-123 45 67', label: 'mobile', primary: true }] });
  const ola = pipedrive.fake.addPerson({ name: 'Ola Nordmann', phones: [{ value: '555-12', label: 'work' }] });
  const acmeDeal = pipedrive.fake.addDeal({ title: 'Acme expansion', personId: anna });
  const nordicDeal = pipedrive.fake.addDeal({ title: 'Nordic pilot', personId: ola });
  twilio.fake.receiveInbound({ from: ANNA, body: 'Send me the quote, please.' });
  twilio.fake.addTemplate(REMINDER);
  await connect();

  const nordic = whatsAppPanel(await openDeal(nordicDeal));
  const number = nordic.region.getByRole('textbox', { name: 'Phone number', exact: true });
  for (const typed of ['12', 'not a number', '+46 70 123', '+999 123 456 789']) {
    await number.fill(typed);
    await nordic.region.getByRole('button', { name: 'Use number', exact: true }).click();
    await expect.poll(() => announcedError(nordic.region, number), { message: typed }).not.toBe('');
    // Still there to correct, with no conversation opened for it.
    expect(await number.isVisible(), typed).toBe(true);
    expect(await nordic.thread.count(), typed).toBe(0);
  }

  const panel = whatsAppPanel(await openDeal(acmeDeal));
  await panel.status.filter({ hasText: 'Window open' }).waitFor();
  await panel.message.fill('x'.repeat(MAX_BODY_LENGTH + 1));
  await expect.poll(() => announcedError(panel.region, panel.message)).not.toBe('');
  expect(await panel.send.isDisabled()).toBe(true);
  await panel.message.press('Enter');

  await panel.message.fill('Here is the brochure.');
  const mediaToggle = panel.region.getByRole('button', { name: 'Add a media link', exact: true });
  await mediaToggle.click();
  const mediaLink = panel.region.getByRole('textbox', { name: 'Media link (optional)', exact: true });
  for (const link of ['javascript:alert(1)', 'http://example.com/brochure.pdf', 'data:application/pdf;base64,JVBERi0=', 'brochure.pdf', 'https://localhost/brochure.pdf']) {
    await mediaLink.fill(link);
    await panel.send.click();
    await expect.poll(() => fieldError(mediaLink), { message: link }).not.toBe('');
  }
  await mediaToggle.click();

  await panel.templates.click();
  await panel.region.getByRole('option', { name: REMINDER.friendlyName, exact: true }).click();
  const empty = panel.region.getByRole('textbox', { name: '{{1}}', exact: true });
  const overLong = panel.region.getByRole('textbox', { name: '{{2}}', exact: true });
  await empty.fill('');
  await overLong.fill('x'.repeat(MAX_VARIABLE_LENGTH + 1));
  await panel.region.getByRole('button', { name: 'Send template', exact: true }).click();
  await expect.poll(() => fieldError(empty)).not.toBe('');
  expect(await fieldError(overLong)).not.toBe('');
  await empty.fill('   ');
  await panel.region.getByRole('button', { name: 'Send template', exact: true }).click();
  await expect.poll(() => fieldError(empty)).not.toBe('');
  await empty.press('Escape');

  // The one right message goes out, and only it: nothing refused was queued behind the rep's back.
  await panel.message.fill(VALID_REPLY);
  await panel.send.click();
  await panel.thread.getByText(VALID_REPLY).waitFor();
  await expect.poll(() => twilio.sendRequests().length).toBe(1);
  expect(twilio.sendRequests().map((sent) => sent.form)).toEqual([{ From: SENDER, To: `whatsapp:${ANNA}`, Body: VALID_REPLY }]);
});

test('the background refuses the same input from an extension page, says why, and Twilio hears nothing of it', async ({
  connectedPage: page,
  twilio,
}) => {
  // A minute ago, so the reply sorts after it: Twilio's dates count whole seconds.
  twilio.fake.receiveInbound({ from: ANNA, body: 'Send me the quote, please.', at: Date.now() - 60_000 });
  const template = twilio.fake.addTemplate(REMINDER);
  await request(page, 'syncNow', { what: 'all' });
  const text = (payload: { requestId?: string; to?: string; body?: string; mediaUrls?: string[] }) =>
    ask(page, 'sendText', { requestId: crypto.randomUUID(), to: ANNA, body: 'Here is the brochure.', ...payload });
  const filled = (variables: Record<string, string>, to = ANNA) =>
    ask(page, 'sendTemplate', { requestId: crypto.randomUUID(), to, contentSid: template.sid, variables });
  const refusals: [string, () => Promise<ResponseEnvelope>, RegExp][] = [
    ['a number without its country code', () => text({ to: '070-123 45 67' }), /E\.164/u],
    ['a number too short to be one', () => text({ to: '+4670' }), /E\.164/u],
    ['a WhatsApp address for a number', () => text({ to: `whatsapp:${ANNA}` }), /E\.164/u],
    ['the conversation of a number that is none', () => ask(page, 'getConversation', { contact: '12' }), /E\.164/u],
    ['a template to a number that is none', () => filled({ '1': 'Anna', '2': 'Acme' }, '555-12'), /E\.164/u],
    ['an empty message', () => text({ body: '' }), /text or a media link/u],
    ['a message of blanks', () => text({ body: ' \n\t ' }), /text or a media link/u],
    ['a body over 1,600 characters', () => text({ body: 'x'.repeat(MAX_BODY_LENGTH + 1) }), /1600/u],
    ['a javascript: media link', () => text({ mediaUrls: ['javascript:alert(1)'] }), /URL/u],
    ['an http media link', () => text({ mediaUrls: ['http://example.com/brochure.pdf'] }), /URL/u],
    ['a data: media link', () => text({ mediaUrls: ['data:application/pdf;base64,JVBERi0='] }), /URL/u],
    ['a media link that is no link', () => text({ mediaUrls: ['brochure.pdf'] }), /URL/u],
    ['an empty variable', () => filled({ '1': '', '2': 'Acme' }), /\{\{1\}\}/u],
    ['a variable of blanks', () => filled({ '1': 'Anna', '2': '   ' }), /\{\{2\}\}/u],
    ['a missing variable', () => filled({ '1': 'Anna' }), /\{\{2\}\}/u],
    ['an over-long variable', () => filled({ '1': 'Anna', '2': 'x'.repeat(MAX_VARIABLE_LENGTH + 1) }), /255/u],
    ['a send whose request id is no UUID', () => text({ requestId: 'send-1' }), /request id/u],
  ];

  for (const [what, send, reason] of refusals) {
    expect(await send(), what).toEqual({ ok: false, error: { code: 'invalid', message: expect.stringMatching(reason) as string } });
  }

  const requestId = crypto.randomUUID();
  const { outboxId } = await request(page, 'sendText', { requestId, to: ANNA, body: VALID_REPLY });
  // Asked again, as a panel does when no answer came: the same send, or a refusal if the words differ.
  expect(await request(page, 'sendText', { requestId, to: ANNA, body: VALID_REPLY })).toEqual({ outboxId });
  expect(await text({ requestId, body: `${VALID_REPLY} Call me.` })).toEqual({
    ok: false,
    error: { code: 'invalid', message: expect.stringMatching(/already used for a different message/u) as string },
  });
  await expect.poll(() => twilio.sendRequests().length).toBe(1);
  expect(twilio.sendRequests().map((sent) => sent.form)).toEqual([{ From: SENDER, To: `whatsapp:${ANNA}`, Body: VALID_REPLY }]);
  const { messages } = await request(page, 'getConversation', { contact: ANNA });
  expect(messages.map(({ direction, body }) => [direction, body])).toEqual([
    ['inbound', 'Send me the quote, please.'],
    ['outbound', VALID_REPLY],
  ]);
});
