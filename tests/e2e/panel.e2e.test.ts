/**
 * The deal-page panel of the production build in real Chromium, on the fake Pipedrive's deal pages,
 * with the rep's Twilio account faked over HTTPS: what a rep sees, clicks and sends.
 */
import { expect } from 'vitest';
import { explainTwilioError } from '../../utils/background/twilio/error-explanations';
import type { FakePipedrive } from '../fakes/pipedrive';
import { OUTSIDE_WINDOW } from '../fakes/twilio';
import { panelTest as test } from './support/fixtures';
import { countPanelHosts, PANEL_HOST, tallyPanelHosts, whatsAppPanel } from './support/panel';
import { openPopupOver, templatesPopup } from './support/popup';
import { formValue } from './support/twilio';

const HOUR = 60 * 60 * 1000;
const SENDER = 'whatsapp:+14155238886';
/** The deal people's numbers as E.164: the company writes them the Swedish way, and Sweden is the rep's default country. */
const ANNA = '+46701234567';
const JONAS = '+46709876543';
const OLA = '+46705551234';

/** The template's sample values say what its placeholders are: a first name, then what the deal is about. */
const FOLLOW_UP = {
  friendlyName: 'quote_follow_up',
  body: 'Hi {{1}}, about {{2}}: shall we go through the quote this week?',
  variables: { '1': 'John', '2': 'your project' },
};

function seedCompany(fake: FakePipedrive) {
  const ownerId = fake.addUser({ name: 'Maria Lind' });
  const acme = fake.addOrganization({ name: 'Acme AB' });
  const anna = fake.addPerson({
    name: 'Anna Svensson',
    phones: [{ value: '070-123 45 67', label: 'mobile', primary: true }, { value: '08-123 456 78', label: 'work' }],
    orgId: acme,
  });
  const jonas = fake.addPerson({ name: 'Jonas Berg', phones: [{ value: '+46 70 987 65 43', label: 'mobile' }] });
  const ola = fake.addPerson({ name: 'Ola Nordmann', phones: [{ value: '555-12', label: 'work' }] });
  const acmeDeal = fake.addDeal({ title: 'Acme expansion', value: 12000, currency: 'SEK', personId: anna, orgId: acme, ownerId });
  // Reached from the app's deal list, by its title.
  fake.addDeal({ title: 'Globex renewal', value: 500, currency: 'EUR', personId: jonas, ownerId });
  return { acmeDeal, nordicDeal: fake.addDeal({ title: 'Nordic pilot', personId: ola, ownerId }) };
}

test('the contact wrote recently: a free-form reply goes out once, to the deal person’s mobile', async ({
  twilio,
  pipedrive,
  connect,
  openDeal,
}) => {
  const { acmeDeal } = seedCompany(pipedrive.fake);
  twilio.fake.receiveInbound({ from: ANNA, body: 'Hi! Could you send the updated quote?' });
  await connect();
  const panel = whatsAppPanel(await openDeal(acmeDeal));

  await panel.thread.getByText('Hi! Could you send the updated quote?').waitFor();
  await panel.status.filter({ hasText: /^Window open · 2[34] h/ }).waitFor();
  await panel.message.fill('Sure, it is on its way.');
  await panel.send.click();

  await panel.thread.getByText('Sure, it is on its way.').waitFor();
  expect(await panel.message.inputValue()).toBe('');
  twilio.fake.advanceStatuses();
  twilio.fake.advanceStatuses();
  // Delivered is known only after the send was confirmed: by then a second send would have happened.
  await panel.thread.getByText('Delivered', { exact: true }).waitFor();
  expect(twilio.sendRequests().map((sent) => sent.form)).toEqual([{ From: SENDER, To: `whatsapp:${ANNA}`, Body: 'Sure, it is on its way.' }]);
});

test('the window is closed: free text is off, and a template filled from the deal goes out in three clicks', async ({
  twilio,
  pipedrive,
  connect,
  openDeal,
}) => {
  const { acmeDeal } = seedCompany(pipedrive.fake);
  twilio.fake.receiveInbound({ from: ANNA, body: 'Let me think about it.', at: Date.now() - 25 * HOUR });
  const template = twilio.fake.addTemplate(FOLLOW_UP);
  await connect();
  const panel = whatsAppPanel(await openDeal(acmeDeal));

  await panel.thread.getByText('Let me think about it.').waitFor();
  await panel.status.filter({ hasText: 'Window closed' }).waitFor();
  expect(await panel.message.isDisabled()).toBe(true);
  expect(await panel.send.isDisabled()).toBe(true);

  await panel.templates.click();
  await panel.region.getByRole('option', { name: 'quote_follow_up', exact: true }).click();
  expect(await panel.region.getByRole('textbox', { name: '{{1}}', exact: true }).inputValue()).toBe('Anna');
  expect(await panel.region.getByRole('textbox', { name: '{{2}}', exact: true }).inputValue()).toBe('Acme expansion');
  await panel.region.getByRole('button', { name: 'Send template', exact: true }).click();

  await panel.thread.getByText('Hi Anna, about Acme expansion: shall we go through the quote this week?').waitFor();
  await expect.poll(() => twilio.sendRequests().length).toBe(1);
  const [sent] = twilio.sendRequests();
  expect(sent?.form).toMatchObject({ From: SENDER, To: `whatsapp:${ANNA}`, ContentSid: template.sid });
  expect(sent?.form).not.toHaveProperty('Body');
  expect(JSON.parse(formValue(sent, 'ContentVariables'))).toEqual({ '1': 'Anna', '2': 'Acme expansion' });
});

test('a reply that arrives while the deal is open opens the window there and then', async ({ twilio, pipedrive, connect, openDeal }) => {
  const { acmeDeal } = seedCompany(pipedrive.fake);
  twilio.fake.receiveInbound({ from: ANNA, body: 'Let me think about it.', at: Date.now() - 25 * HOUR });
  await connect();
  const page = await openDeal(acmeDeal);
  const panel = whatsAppPanel(page);
  await panel.status.filter({ hasText: 'Window closed' }).waitFor();
  expect(await panel.message.isDisabled()).toBe(true);
  let loads = 0;
  page.on('load', () => (loads += 1));

  twilio.fake.receiveInbound({ from: ANNA, body: 'OK, let’s do it. Call me tomorrow?' });

  await panel.thread.getByText('OK, let’s do it. Call me tomorrow?').waitFor();
  await panel.status.filter({ hasText: 'Window open' }).waitFor();
  expect(await panel.message.isEnabled()).toBe(true);
  expect(loads).toBe(0);
});

test('moving between deals in the app keeps one panel, always the deal on screen’s', async ({
  twilio,
  pipedrive,
  extension,
  connect,
}) => {
  const { acmeDeal } = seedCompany(pipedrive.fake);
  twilio.fake.receiveInbound({ from: ANNA, body: 'Anna here.' });
  twilio.fake.receiveInbound({ from: JONAS, body: 'Jonas here.' });
  await connect();
  const page = await extension.context.newPage();
  const tally = await tallyPanelHosts(page);
  await page.goto(pipedrive.fake.dealUrl(acmeDeal));
  const panel = whatsAppPanel(page);
  await panel.thread.getByText('Anna here.').waitFor();
  expect(await countPanelHosts(page)).toBe(1);

  await page.getByRole('link', { name: 'List view' }).click();
  await expect.poll(() => countPanelHosts(page)).toBe(0);

  await page.getByRole('link', { name: 'Globex renewal' }).click();
  await panel.thread.getByText('Jonas here.').waitFor();
  expect(await panel.region.getByText('Jonas Berg', { exact: true }).count()).toBe(1);
  expect(await panel.thread.getByText('Anna here.').count()).toBe(0);
  expect(await countPanelHosts(page)).toBe(1);

  // Back twice in one step, as from the Back button's history menu: from one deal straight to the other.
  await page.evaluate(() => history.go(-2));
  await panel.thread.getByText('Anna here.').waitFor();
  expect(await panel.thread.getByText('Jonas here.').count()).toBe(0);
  expect(await countPanelHosts(page)).toBe(1);
  expect(new URL(page.url()).pathname).toBe(`/deal/${acmeDeal}`);
  expect(await tally()).toEqual({ current: 1, most: 1 });
});

test('Twilio refusing a message with 63016 closes the window, and the panel says why', async ({ twilio, pipedrive, connect, openDeal }) => {
  const { acmeDeal } = seedCompany(pipedrive.fake);
  twilio.fake.receiveInbound({ from: ANNA, body: 'Ping me when it is ready.' });
  await connect();
  const panel = whatsAppPanel(await openDeal(acmeDeal));
  await panel.status.filter({ hasText: 'Window open' }).waitFor();

  await panel.message.fill('The quote is ready.');
  await panel.send.click();
  await expect.poll(() => twilio.fake.sentMessages().length).toBe(1);
  // WhatsApp keeps its own count of the window (a reply to another of the company's numbers, a
  // clock of its own): Twilio takes the message, and WhatsApp then refuses it.
  twilio.fake.setMessageStatus(twilio.fake.sentMessages()[0]?.sid ?? '', 'failed', OUTSIDE_WINDOW);

  await panel.thread.getByText(explainTwilioError(OUTSIDE_WINDOW.code).summary).waitFor();
  await panel.status.filter({ hasText: 'WhatsApp says the 24-hour window is closed' }).waitFor();
  expect(await panel.message.isDisabled()).toBe(true);
  expect(twilio.sendRequests()).toHaveLength(1);
});

test('a deal without a number WhatsApp can use lets the rep type one, then shows that conversation', async ({
  twilio,
  pipedrive,
  connect,
  openDeal,
}) => {
  const { nordicDeal } = seedCompany(pipedrive.fake);
  twilio.fake.receiveInbound({ from: OLA, body: 'This is my WhatsApp, by the way.' });
  await connect();
  const panel = whatsAppPanel(await openDeal(nordicDeal));

  await panel.region.getByText('No WhatsApp number on this deal').waitFor();
  expect(await panel.region.getByText('The contact’s number (555-12) could not be read.').count()).toBe(1);
  const number = panel.region.getByRole('textbox', { name: 'Phone number', exact: true });
  expect(await number.inputValue()).toBe('555-12');
  // The background reads the number, with the rep's default country: this one it cannot use.
  await panel.region.getByRole('button', { name: 'Use number', exact: true }).click();
  await panel.region.getByRole('alert').filter({ hasText: 'read as a number in Sweden (+46)' }).waitFor();
  expect(await number.getAttribute('aria-invalid')).toBe('true');
  await number.fill('070-555 12 34');
  await panel.region.getByRole('button', { name: 'Use number', exact: true }).click();

  await panel.thread.getByText('This is my WhatsApp, by the way.').waitFor();
  await panel.region.getByText('+46 70 555 12 34').waitFor();
  await panel.status.filter({ hasText: 'Window open' }).waitFor();
  expect(await panel.message.isEnabled()).toBe(true);
});

test('a deal page laid out in a way the panel does not recognise gets the panel docked in a corner, folded on demand', async ({
  pipedrive,
  connect,
  extension,
}) => {
  const anna = pipedrive.fake.addPerson({ name: 'Anna Svensson', phones: [{ value: '070-123 45 67', label: 'mobile' }] });
  const deal = pipedrive.fake.addDeal({ title: 'Acme redesign', personId: anna, notes: ['Call after lunch.'], layout: 'unrecognised' });
  await connect();
  const page = await extension.context.newPage();
  const panel = whatsAppPanel(page);
  const host = page.locator(PANEL_HOST);
  const hide = page.getByRole('button', { name: 'Hide WhatsApp', exact: true });
  const show = page.getByRole('button', { name: 'Show WhatsApp', exact: true });

  const started = Date.now();
  await page.goto(pipedrive.fake.dealUrl(deal));
  await panel.region.waitFor();
  // Docking is the fallback once the side column had its time to show up.
  expect(Date.now() - started).toBeGreaterThanOrEqual(1_500);
  expect(await host.getAttribute('data-docked')).toBe('');
  // The host's reset must not undo its own layout: it floats over the page.
  expect(await host.evaluate((element) => getComputedStyle(element).position)).toBe('fixed');
  expect(await countPanelHosts(page)).toBe(1);
  await panel.region.getByText('Anna Svensson', { exact: true }).waitFor();
  expect(await hide.getAttribute('aria-expanded')).toBe('true');

  await hide.click();
  await panel.region.waitFor({ state: 'hidden' });
  expect(await show.getAttribute('aria-expanded')).toBe('false');
  expect(await hide.count()).toBe(0);

  await show.click();
  await panel.region.waitFor();
  expect(await hide.getAttribute('aria-expanded')).toBe('true');
  for (const text of ['Acme redesign', 'Anna Svensson', 'Call after lunch.']) {
    expect(await page.locator('#app-main').getByText(text, { exact: true }).isVisible()).toBe(true);
  }
  expect(await countPanelHosts(page)).toBe(1);
});

test('“Insert into panel” in the toolbar popup opens the template in the deal’s panel, filled from the deal, ready to send', async ({
  twilio,
  pipedrive,
  extension,
  connect,
  openDeal,
}) => {
  const { acmeDeal } = seedCompany(pipedrive.fake);
  const template = twilio.fake.addTemplate(FOLLOW_UP);
  await connect();
  const deal = await openDeal(acmeDeal);
  const panel = whatsAppPanel(deal);
  await panel.region.getByText('Anna Svensson', { exact: true }).waitFor();

  const popup = await openPopupOver(extension, deal);
  const ui = templatesPopup(popup);
  await ui.search.fill('quote_follow');
  await ui.list.getByRole('option', { name: FOLLOW_UP.friendlyName, exact: true }).click();
  const closed = popup.waitForEvent('close');
  await ui.detail(FOLLOW_UP.friendlyName).getByRole('button', { name: 'Insert into panel', exact: true }).click();
  // The popup gets out of the way of the panel it filled.
  await closed;

  const first = panel.region.getByRole('textbox', { name: '{{1}}', exact: true });
  await first.waitFor();
  expect(await first.inputValue()).toBe('Anna');
  expect(await panel.region.getByRole('textbox', { name: '{{2}}', exact: true }).inputValue()).toBe('Acme expansion');
  await panel.region.getByRole('button', { name: 'Send template', exact: true }).click();

  await panel.thread.getByText('Hi Anna, about Acme expansion: shall we go through the quote this week?').waitFor();
  await expect.poll(() => twilio.sendRequests().length).toBe(1);
  const [sent] = twilio.sendRequests();
  expect(sent?.form).toMatchObject({ From: SENDER, To: `whatsapp:${ANNA}`, ContentSid: template.sid });
  expect(JSON.parse(formValue(sent, 'ContentVariables'))).toEqual({ '1': 'Anna', '2': 'Acme expansion' });
});
