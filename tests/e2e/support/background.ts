/**
 * Requests to the real background, made the way the extension's UIs make them: from inside one of
 * its pages, with `chrome.runtime.sendMessage` and the contract's envelope.
 */
import type { Page } from 'playwright-core';
import type { Browser } from 'wxt/browser';
import { CHANNEL } from '../../../utils/messaging/constants';
import type { RequestEnvelope, RequestPayload, RequestType, SettingsInput } from '../../../utils/messaging/contract';
import type { ResponseEnvelope, ResponseMap } from '../../../utils/messaging/views';

// The extension page's global; these functions run there, not in Node.
declare const chrome: typeof Browser;

/** A request as the extension's UIs put it on the wire. */
export function envelope<T extends RequestType>(type: T, payload: RequestPayload<T>): RequestEnvelope<T> {
  return { channel: CHANNEL, type, payload };
}

/** The background's answer as it arrives, refusals included. */
export function ask<T extends RequestType>(page: Page, type: T, payload: RequestPayload<T>): Promise<ResponseEnvelope<T>> {
  return page.evaluate((message) => chrome.runtime.sendMessage<typeof message, ResponseEnvelope<T>>(message), envelope(type, payload));
}

/** The answer's data; a refusal or failure fails the test with the background's own message. */
export async function request<T extends RequestType>(page: Page, type: T, payload: RequestPayload<T>): Promise<ResponseMap[T]> {
  const response = await ask(page, type, payload);
  if (!response.ok) throw new Error(`${type} was answered ${response.error.code}: ${response.error.message}`);
  return response.data;
}

/** Saves settings as the options page does; refused fields fail the caller with the background's reasons. */
export async function saveSettings(page: Page, settings: SettingsInput): Promise<void> {
  const saved = await request(page, 'saveSettings', settings);
  if (!saved.ok) throw new Error(`The settings were refused: ${JSON.stringify(saved.fieldErrors)}`);
}

/**
 * Waits for the template sync that saving settings starts, however long 6,000 templates take; a
 * sync Twilio refused fails the caller with the reason the UIs would show.
 */
export async function waitForTemplateSync(page: Page, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await request(page, 'getSyncStatus', {});
    if (status.templatesError !== null) throw new Error(`The template sync failed: ${status.templatesError}`);
    if (status.lastTemplatesSyncAt !== null) return;
    if (Date.now() > deadline) throw new Error(`No template sync finished within ${timeoutMs} ms.`);
    await page.waitForTimeout(100);
  }
}

/** Everything `chrome.storage` holds for the extension, or null when the manifest does not grant it. */
export function extensionStorage(page: Page): Promise<Record<string, unknown> | null> {
  return page.evaluate(async () => {
    // Without the "storage" permission the namespace does not exist in the extension's pages.
    const storage = chrome.storage as typeof chrome.storage | undefined;
    if (storage === undefined) return null;
    return { local: await storage.local.get(null), session: await storage.session.get(null), sync: await storage.sync.get(null) };
  });
}

/** One of the extension's alarms, read from its page: alarms are how the worker is woken later. */
export function scheduledAlarm(page: Page, name: string): Promise<{ scheduledTime: number } | null> {
  return page.evaluate(async (alarmName) => {
    const alarm = await chrome.alarms.get(alarmName);
    return alarm === undefined ? null : { scheduledTime: alarm.scheduledTime };
  }, name);
}
