/**
 * The toolbar popup of the production build in real Chromium, opened as the extension's page, over
 * the background synced from FakeTwilio over HTTPS: an account of 6,000 templates searched,
 * filtered, opened and copied, the sync the rep starts, and changes arriving while it is open.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { explainTwilioError } from '../../utils/background/twilio/error-explanations';
import type { TemplateView } from '../../utils/messaging/views';
import type { FakeTwilio } from '../fakes/twilio';
import { generateTemplates, template } from '../support/templates';
import { request, saveSettings, waitForTemplateSync } from './support/background';
import { RESULTS_DIR } from './support/browser';
import { test } from './support/fixtures';
import { isFocused, optionNames, templatesPopup, timeTypedQueries, type FilterName } from './support/popup';
import { addTemplateViews, type LocalTwilio } from './support/twilio';

const MALMO_BODY = 'Hej {{1}}! Välkommen på visning i Malmö den {{2}}.';
/** Findable by a word no generated template has, and a quick-reply template to preview and copy. */
const MALMO_VIEWING = template({
  friendlyName: 'Malmö Möllevången visning',
  language: 'sv',
  category: 'marketing',
  body: MALMO_BODY,
  variables: ['1', '2'],
  sampleValues: { '1': 'Anna', '2': '12 maj' },
  types: ['twilio/text', 'twilio/quick-reply'],
  details: {
    'twilio/text': { body: MALMO_BODY },
    'twilio/quick-reply': { body: MALMO_BODY, actions: [{ title: 'Ja tack', id: 'yes' }, { title: 'Inte nu', id: 'no' }] },
  },
});

const ACCOUNT: readonly TemplateView[] = [MALMO_VIEWING, ...generateTemplates(5_999)];
const BY_NAME = new Map(ACCOUNT.map((view) => [view.friendlyName, view]));

/** How the popup counts, e.g. "6,000". */
const counted = (n: number) => n.toLocaleString('en');

const UNFILTERED: readonly [FilterName, string][] = [
  ['Status', 'All statuses'],
  ['Category', 'All categories'],
  ['Language', 'All languages'],
  ['Type', 'All types'],
];

/** Each rich type, and the lists its detail shows with what every template of it has in them. */
const RICH_TYPES = [
  { type: 'twilio/quick-reply', label: 'Quick reply', lists: { 'Quick replies': ['Yes, please', 'Not now'] } },
  { type: 'twilio/call-to-action', label: 'Call to action', lists: { Buttons: ['View offer', 'https://example.com/offers/{{1}}', 'Call us'] } },
  { type: 'twilio/card', label: 'Card', lists: { Media: ['https://example.com/images/offer.jpg'], Buttons: ['Open'] } },
  { type: 'twilio/media', label: 'Media', lists: { Media: ['https://example.com/brochure-{{1}}.pdf'] } },
  {
    type: 'twilio/list-picker',
    label: 'List picker',
    lists: { 'List items, opened with “Choose a time”': ['Monday morning', '9:00–12:00', 'Tuesday afternoon'] },
  },
] as const;

/** Typed a key at a time, as a rep looks a template up. */
const TIMED_QUERIES = ['grusse', 'malmo', 'invoice remin', 'senor'];

/** Saves the fake's account as the options page does, and waits for the template sync that connecting starts. */
async function connectAndSync(page: Page, twilio: LocalTwilio): Promise<void> {
  await saveSettings(page, twilio.settings);
  await waitForTemplateSync(page);
}

/** Whether the fake holds a request it has not answered yet. */
function answering(fake: FakeTwilio): boolean {
  return fake.requests.some((sent) => sent.status === null);
}

/** Nearest rank: a figure some keystroke actually took. */
function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

test('not connected: the popup asks for the Twilio account and opens the settings', async ({ extension }) => {
  const popup = await extension.openPage('popup.html');
  await popup.getByRole('heading', { name: 'Connect your Twilio account', exact: true }).waitFor();
  const openSettings = popup.getByRole('button', { name: 'Open settings', exact: true });
  expect(await isFocused(openSettings)).toBe(true);
  expect(await templatesPopup(popup).search.count()).toBe(0);

  const opened = extension.context.waitForEvent('page');
  await openSettings.click();
  const settings = await opened;
  await settings.waitForURL(extension.url('options.html'));
  await settings.getByRole('form', { name: 'Twilio settings' }).waitFor();
});

test('6,000 templates: a virtualized list, found without accents, narrowed by filters, opened from the keyboard and copied', async ({
  extension,
  optionsPage,
  twilio,
}) => {
  addTemplateViews(twilio.fake, ACCOUNT);
  await connectAndSync(optionsPage, twilio);
  const popup = await extension.openPage('popup.html');
  const ui = templatesPopup(popup);

  await ui.count.filter({ hasText: /^6,000 templates$/ }).waitFor();
  expect(await isFocused(ui.search)).toBe(true);
  const rendered = await ui.options.count();
  expect(rendered).toBeGreaterThan(0);
  expect(rendered).toBeLessThan(200);
  expect(await ui.options.first().getAttribute('aria-setsize')).toBe('6000');
  for (const [name, all] of UNFILTERED) {
    expect(await ui.filter(name).evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.text)).toBe(all);
  }

  await ui.search.pressSequentially('malmo');
  const inMalmo = new Set(ACCOUNT.filter((view) => `${view.friendlyName} ${view.body}`.includes('Malmö')).map((view) => view.friendlyName));
  await expect.poll(() => ui.count.textContent()).toBe(`${counted(inMalmo.size)} of 6,000 templates`);
  const malmoNames = await optionNames(ui.list);
  expect(malmoNames).toContain(MALMO_VIEWING.friendlyName);
  expect(malmoNames.filter((name) => !inMalmo.has(name))).toEqual([]);
  await popup.keyboard.press('Escape');

  await ui.filter('Status').selectOption({ label: 'Rejected' });
  const rejected = ACCOUNT.filter((view) => view.approvalStatus === 'rejected');
  await expect.poll(() => ui.count.textContent()).toBe(`${counted(rejected.length)} of 6,000 templates`);
  expect((await optionNames(ui.list)).filter((name) => BY_NAME.get(name)?.approvalStatus !== 'rejected')).toEqual([]);
  await ui.filter('Language').selectOption({ label: 'German' });
  const rejectedGerman = rejected.filter((view) => view.language === 'de');
  await expect.poll(() => ui.count.textContent()).toBe(`${counted(rejectedGerman.length)} of 6,000 templates`);
  const [firstRejected = ''] = await optionNames(ui.list);
  expect(BY_NAME.get(firstRejected)).toMatchObject({ approvalStatus: 'rejected', language: 'de' });
  await ui.options.first().click();
  await ui.detail(firstRejected).getByText(`Reason: ${BY_NAME.get(firstRejected)?.rejectionReason ?? ''}`, { exact: true }).waitFor();
  await ui.back.click();
  await ui.clearFilters.click();
  await expect.poll(() => ui.count.textContent()).toBe('6,000 templates');
  expect(await isFocused(ui.search)).toBe(true);

  for (const { type, label, lists } of RICH_TYPES) {
    await ui.filter('Type').selectOption({ label });
    const ofType = ACCOUNT.filter((view) => view.types.includes(type));
    await expect.poll(() => ui.count.textContent()).toBe(`${counted(ofType.length)} of 6,000 templates`);
    const [name = ''] = await optionNames(ui.list);
    expect(BY_NAME.get(name)?.types).toContain(type);
    await ui.options.first().click();
    const detail = ui.detail(name);
    for (const [list, items] of Object.entries(lists)) {
      const shown = await detail.getByRole('list', { name: list, exact: true }).textContent();
      for (const item of items) expect(shown).toContain(item);
    }
    await ui.back.click();
  }
  await ui.clearFilters.click();

  await ui.search.pressSequentially('senor');
  const withSenor = ACCOUNT.filter((view) => `${view.friendlyName} ${view.body}`.includes('Señor'));
  await expect.poll(() => ui.count.textContent()).toBe(`${counted(withSenor.length)} of 6,000 templates`);
  const [, second = ''] = await optionNames(ui.list);
  await popup.keyboard.press('ArrowDown');
  await expect.poll(() => ui.options.nth(1).getAttribute('aria-selected')).toBe('true');
  await popup.keyboard.press('Enter');
  const opened = ui.detail(second);
  await opened.getByRole('heading', { level: 2, name: second, exact: true }).waitFor();
  await ui.back.waitFor();
  await popup.keyboard.press('Escape');
  await expect.poll(() => ui.search.inputValue()).toBe('');
  expect(await opened.isVisible()).toBe(true);
  await popup.keyboard.press('Escape');
  await ui.list.waitFor();
  expect(await opened.count()).toBe(0);
  await expect.poll(() => ui.count.textContent()).toBe('6,000 templates');

  await ui.search.pressSequentially('mollevangen');
  await expect.poll(() => ui.count.textContent()).toBe('1 of 6,000 templates');
  await popup.keyboard.press('Enter');
  const detail = ui.detail(MALMO_VIEWING.friendlyName);
  expect(await detail.getByRole('figure', { name: 'Message' }).locator('mark').allTextContents()).toEqual(['{{1}}', '{{2}}']);
  const replies = await detail.getByRole('list', { name: 'Quick replies', exact: true }).textContent();
  expect(replies).toContain('Ja tack');
  expect(replies).toContain('Inte nu');
  // For every origin: Chromium counts chrome-extension:// as opaque and refuses a grant naming it.
  await extension.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await detail.getByRole('button', { name: 'Copy', exact: true }).click();
  await detail.getByRole('button', { name: 'Copied', exact: true }).waitFor();
  expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe(MALMO_BODY);
});

test('reports how long each keystroke takes to show its results among 6,000 templates', async ({ extension, optionsPage, twilio }) => {
  addTemplateViews(twilio.fake, ACCOUNT);
  await connectAndSync(optionsPage, twilio);
  const popup = await extension.openPage('popup.html');
  const ui = templatesPopup(popup);
  await ui.count.filter({ hasText: /^6,000 templates$/ }).waitFor();
  const keystrokes = await timeTypedQueries(popup, TIMED_QUERIES);
  expect(keystrokes).toHaveLength(TIMED_QUERIES.join('').length);

  const sorted = keystrokes.map((keystroke) => keystroke.ms).sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  const figures = {
    keystrokes: sorted.length,
    medianMs: round(percentile(sorted, 0.5)),
    p95Ms: round(percentile(sorted, 0.95)),
    maxMs: round(percentile(sorted, 1)),
  };
  console.warn(
    `Popup search among 6,000 templates, key to painted results over ${figures.keystrokes} keystrokes: ` +
      `median ${figures.medianMs} ms, p95 ${figures.p95Ms} ms, max ${figures.maxMs} ms.`,
  );
  const report = {
    measured: 'From each keydown event’s timestamp to just after the first frame painted with its results (an animation frame, then a posted message).',
    templates: 6_000,
    ...figures,
    perKeystroke: keystrokes.map(({ query, ms, statuses }) => ({ query, ms: round(ms), results: statuses.join(' ') })),
  };
  await mkdir(RESULTS_DIR, { recursive: true });
  await writeFile(join(RESULTS_DIR, 'popup-search-timing.json'), `${JSON.stringify(report, null, 2)}\n`);
});

test('sync: not synced at first, "Sync now" syncs, and a sync Twilio refuses says why', async ({ extension, optionsPage, twilio }) => {
  const { fake } = twilio;
  addTemplateViews(fake, [MALMO_VIEWING]);
  fake.addTemplate({ friendlyName: 'quote_follow_up', body: 'Hi {{1}}, shall we go through the quote?' });
  // Twilio holds the first sync, which connecting starts, long enough to see the popup before it.
  fake.setSlowResponses(3_000);
  await saveSettings(optionsPage, twilio.settings);
  await expect.poll(() => answering(fake)).toBe(true);
  const popup = await extension.openPage('popup.html');
  const ui = templatesPopup(popup);
  await popup.getByText('Not synced yet', { exact: true }).waitFor();
  await popup.getByText('No templates yet', { exact: true }).waitFor();

  // Slow enough for the button to be seen at work.
  fake.setSlowResponses(1_000);
  await ui.syncNow.click();
  await popup.getByRole('button', { name: 'Syncing…', exact: true }).waitFor();
  await popup.getByText('Synced just now', { exact: true }).waitFor();
  await ui.syncNow.waitFor();
  await ui.count.filter({ hasText: /^2 templates$/ }).waitFor();
  expect(await popup.getByText('The last sync failed').count()).toBe(0);

  fake.setSlowResponses(0);
  // The held first sync must not be the one refused.
  await expect.poll(() => answering(fake)).toBe(false);
  fake.revokeCredentials();
  await ui.syncNow.click();
  const refused = explainTwilioError(20003);
  await popup.getByText('The last sync failed', { exact: true }).waitFor();
  await popup.getByText(`${refused.summary} ${refused.action}`, { exact: true }).waitFor();
  // The last good sync still stands, and so does the list it brought.
  expect(await popup.getByText('Synced just now', { exact: true }).count()).toBe(1);
  expect(await ui.options.count()).toBe(2);
});

test('a template created and one approved in Twilio show in the open popup once the background syncs', async ({
  extension,
  optionsPage,
  twilio,
}) => {
  const { fake } = twilio;
  const offer = fake.addTemplate({
    friendlyName: 'spring_offer',
    body: 'Hi {{1}}, our spring offer ends on {{2}}.',
    approval: { status: 'pending', category: 'MARKETING' },
  });
  fake.addTemplate({ friendlyName: 'quote_follow_up', body: 'Hi {{1}}, shall we go through the quote?' });
  await connectAndSync(optionsPage, twilio);
  const popup = await extension.openPage('popup.html');
  let loads = 0;
  popup.on('load', () => (loads += 1));
  const ui = templatesPopup(popup);
  const springOffer = ui.list.getByRole('option', { name: 'spring_offer', exact: true });
  expect(await springOffer.textContent()).toContain('Pending');
  await ui.search.pressSequentially('valkommen');
  await popup.getByText('No templates match “valkommen”.', { exact: true }).waitFor();

  fake.addTemplate({ friendlyName: 'Välkommen tillbaka', language: 'sv', body: 'Hej {{1}}, välkommen tillbaka!' });
  fake.setTemplateApproval(offer.sid, { status: 'approved' });
  await request(optionsPage, 'syncNow', { what: 'templates' });

  await ui.list.getByRole('option', { name: 'Välkommen tillbaka', exact: true }).waitFor();
  expect(await ui.search.inputValue()).toBe('valkommen');
  expect(await ui.count.textContent()).toBe('1 of 3 templates');
  await popup.keyboard.press('Escape');
  await expect.poll(() => springOffer.textContent()).toContain('Approved');
  expect(loads).toBe(0);
});
