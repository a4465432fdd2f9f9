/**
 * The background worker's cold start as a rep meets it: Chrome has stopped the idle worker, and the
 * next request from one of the extension's pages waits for it to start and answer.
 */
import type { Page } from 'playwright-core';
import type { Browser } from 'wxt/browser';
import { CHANNEL } from '../utils/messaging/constants';
import type { RequestEnvelope, RequestPayload, RequestType } from '../utils/messaging/contract';
import { MESSAGES_PER_THREAD, connectWithOneDeal, withBenchBrowser, type BenchBrowser } from './browser-session';
import { percentile, type Figure, type Measurement } from './figures';

// The extension page's global; the timed function runs there, not in Node.
declare const chrome: typeof Browser;

const STARTS = 20;

/** Milliseconds from `sendMessage` to the answer, timed in the page so no Playwright round trip counts. */
function timeRequest<T extends RequestType>(page: Page, type: T, payload: RequestPayload<T>): Promise<{ ms: number; ok: boolean }> {
  const envelope: RequestEnvelope<T> = { channel: CHANNEL, type, payload };
  return page.evaluate(async (message) => {
    const start = performance.now();
    const answer = await chrome.runtime.sendMessage<typeof message, { ok: boolean }>(message);
    return { ms: performance.now() - start, ok: answer.ok };
  }, envelope);
}

/** Stops the worker, then times `type` waking it; fails unless the worker did start again for it. */
async function timeColdRequests<T extends RequestType>({ extension, options }: BenchBrowser, type: T, payload: RequestPayload<T>): Promise<number[]> {
  const samples: number[] = [];
  for (let start = 0; start < STARTS; start++) {
    await extension.background.stop();
    const startsBefore = extension.background.starts;
    const { ms, ok } = await timeRequest(options, type, payload);
    if (!ok) throw new Error(`${type} was refused after a cold start.`);
    await extension.background.waitForStart(startsBefore + 1);
    samples.push(ms);
  }
  return samples;
}

function startFigures(id: string, label: string, samples: readonly number[], detail: string): Figure[] {
  return [
    { id: `${id}.p50`, label: `${label} p50`, value: percentile(samples, 0.5), unit: 'ms', detail },
    { id: `${id}.p95`, label: `${label} p95`, value: percentile(samples, 0.95), unit: 'ms', target: { max: 150 }, detail },
  ];
}

export const workerStart: Measurement = {
  name: 'Worker cold start',
  run: () =>
    withBenchBrowser(async (bench) => {
      const deal = await connectWithOneDeal(bench);
      const cheap = await timeColdRequests(bench, 'getSettings', {});
      const stored = await timeColdRequests(bench, 'getConversation', { contact: deal.contact });
      const how = `${STARTS} stops (CDP) then sendMessage from the options page, connected`;
      return [
        ...startFigures('workerStart.getSettings', 'Worker cold start to getSettings answer', cheap, `${how}; one small read`),
        ...startFigures('workerStart.getConversation', 'Worker cold start to getConversation answer', stored, `${how}; a ${MESSAGES_PER_THREAD}-message thread`),
      ];
    }),
};
