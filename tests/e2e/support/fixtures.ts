/**
 * Vitest fixtures for end-to-end tests: each test gets its own fakes and its own browser with a
 * fresh profile, torn down afterwards whether the test passed or not.
 */
import type { Page } from 'playwright-core';
import { test as base } from 'vitest';
import type { FakeTwilioOptions } from '../../fakes/twilio';
import { saveSettings } from './background';
import { launchExtension } from './browser';
import { connectedSettings, openDealPage } from './panel';
import { startLocalPipedrive } from './pipedrive';
import { startLocalTwilio } from './twilio';

export const test = base
  /** The rep's Twilio account; a suite overrides it (`test.override`) for an account set up otherwise. */
  .extend('twilioOptions', {} as FakeTwilioOptions)
  .extend('twilio', async ({ twilioOptions }, { onCleanup }) => {
    const twilio = await startLocalTwilio(twilioOptions);
    onCleanup(() => twilio.close());
    return twilio;
  })
  /** The hosts the browser reaches, each at its local fake. */
  .extend('hostMap', ({ twilio }) => twilio.hostMap)
  .extend('extension', async ({ hostMap, task }, { onCleanup }) => {
    const extension = await launchExtension({ hostMap });
    onCleanup(async () => {
      try {
        if (task.result?.state === 'fail') {
          const saved = await extension.screenshotPages(task.name);
          console.error(`Screenshots of "${task.name}":\n  ${saved.join('\n  ')}`);
        }
      } finally {
        await extension.close();
      }
    });
    return extension;
  })
  /** The options page, before anything is saved. */
  .extend('optionsPage', async ({ extension }) => extension.openPage('options.html'))
  /** The options page once the fake's account is saved: the background is connected to Twilio. */
  .extend('connectedPage', async ({ optionsPage, twilio }) => {
    await saveSettings(optionsPage, twilio.settings);
    return optionsPage;
  });

/** The panel on a fake Pipedrive company's deal pages, the rep's Twilio account being the fake's. */
export const panelTest = test
  // eslint-disable-next-line no-empty-pattern -- Vitest reads a fixture's dependencies from this pattern.
  .extend('pipedrive', async ({}, { onCleanup }) => {
    const pipedrive = await startLocalPipedrive();
    onCleanup(() => pipedrive.close());
    return pipedrive;
  })
  .extend('hostMap', ({ twilio, pipedrive }) => ({ ...twilio.hostMap, ...pipedrive.hostMap }))
  /**
   * Saves the settings of both fakes, Pipedrive token included. A function, so that a test first
   * puts in the fakes what the rep's accounts already hold, as they would on the day of installing.
   */
  .extend('connect', ({ optionsPage, twilio, pipedrive }) => () => saveSettings(optionsPage, connectedSettings(twilio, pipedrive)))
  .extend('openDeal', ({ extension, pipedrive }) => (dealId: number): Promise<Page> => openDealPage(extension.context, pipedrive, dealId));
