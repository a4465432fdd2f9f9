/**
 * Vitest fixtures for end-to-end tests: each test gets its own FakeTwilio server and its own
 * browser with a fresh profile, torn down afterwards whether the test passed or not.
 */
import { test as base } from 'vitest';
import { request } from './background';
import { launchExtension } from './browser';
import { startLocalTwilio } from './twilio';

export const test = base
  // eslint-disable-next-line no-empty-pattern -- Vitest reads a fixture's dependencies from this pattern.
  .extend('twilio', async ({}, { onCleanup }) => {
    const twilio = await startLocalTwilio();
    onCleanup(() => twilio.close());
    return twilio;
  })
  .extend('extension', async ({ twilio, task }, { onCleanup }) => {
    const extension = await launchExtension({ hostMap: twilio.hostMap });
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
  .extend('connectedPage', async ({ extension, twilio }) => {
    const page = await extension.openPage('options.html');
    const saved = await request(page, 'saveSettings', twilio.settings);
    if (!saved.ok) throw new Error(`The fake's settings were refused: ${JSON.stringify(saved.fieldErrors)}`);
    return page;
  });
