/**
 * What the content script costs a Pipedrive page that is not a deal page, where it has nothing to
 * show: main-thread time from a Chrome trace of a fresh load of the deal list, a few seconds idle,
 * and the rep moving between the app's other pages. A deal page, where the panel mounts, is traced
 * the same way for comparison: it must cost clearly more, or the attribution misses work.
 */
import type { Page } from 'playwright-core';
import { whatsAppPanel } from '../tests/e2e/support/panel';
import { connectWithOneDeal, withBenchBrowser, type BenchBrowser } from './browser-session';
import { percentile, type Figure, type Measurement } from './figures';
import { attributeToExtension, TRACE_CATEGORIES, type Attribution, type TraceEvent, type WorkKind } from './trace-attribution';

const LOADS = 5;
const DEAL_PAGE_LOADS = 3;
const IDLE_MS = 3_000;
/** The app's header links: the pipeline and the list, neither a deal. */
const NON_DEAL_LINKS = ['Deals', 'List view', 'Deals', 'List view'];
const BETWEEN_NAVIGATIONS_MS = 500;

/** Every trace event Chrome records while `during` runs, the whole browser's. */
async function trace(page: Page, during: () => Promise<void>): Promise<TraceEvent[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const events: TraceEvent[] = [];
    // The protocol types the events as string maps; they are Chrome's trace events.
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: TRACE_CATEGORIES }, transferMode: 'ReportEvents' });
    await during();
    await cdp.send('Tracing.end');
    await complete;
    return events;
  } finally {
    await cdp.detach();
  }
}

/** A fresh tab, traced from before its load to its close. */
async function traceFreshPage(bench: BenchBrowser, path: string, visit: (page: Page) => Promise<void>): Promise<Attribution> {
  const page = await bench.extension.context.newPage();
  try {
    const origin = `https://${bench.pipedrive.fake.host}`;
    const events = await trace(page, async () => {
      await page.goto(`${origin}${path}`);
      await visit(page);
    });
    const attribution = attributeToExtension(events, `chrome-extension://${bench.extension.extensionId}`, origin);
    // No evaluation means the content script did not run or the attribution lost it: no figure is better than zero.
    if (attribution.byKind.evaluation === 0) throw new Error(`The trace of ${path} shows no evaluation of the extension's scripts.`);
    return attribution;
  } finally {
    await page.close();
  }
}

async function idleThenMoveAround(page: Page): Promise<void> {
  await page.getByTestId('deals-list').waitFor();
  await page.waitForTimeout(IDLE_MS);
  for (const name of NON_DEAL_LINKS) {
    await page.getByRole('link', { name, exact: true }).click();
    await page.getByTestId('deals-list').waitFor();
    await page.waitForTimeout(BETWEEN_NAVIGATIONS_MS);
  }
}

const KIND_LABELS: Readonly<Record<WorkKind, string>> = {
  evaluation: 'evaluation',
  events: 'event listeners',
  timers: 'timers',
  animationFrames: 'animation frames',
  observersAndMicrotasks: 'observers',
  messages: 'messages',
  other: 'other tasks',
};

/** The median run's total, and the median of each kind of work across runs. */
function summarise(runs: readonly Attribution[]): { medianMs: number; breakdown: string } {
  const kinds = Object.keys(KIND_LABELS) as WorkKind[];
  const parts = kinds
    .map((kind) => ({ kind, ms: percentile(runs.map((run) => run.byKind[kind]), 0.5) }))
    .filter(({ ms }) => ms > 0)
    .map(({ kind, ms }) => `${KIND_LABELS[kind]} ${ms.toFixed(2)}`);
  const calls = percentile(runs.map((run) => run.calls), 0.5);
  const scripts = [...new Set(runs.flatMap((run) => run.scripts.map((url) => new URL(url).pathname)))].join(', ');
  return { medianMs: percentile(runs.map((run) => run.totalMs), 0.5), breakdown: `medians in ms: ${parts.join(', ')}; ${calls} calls; ${scripts}` };
}

export const pageCost: Measurement = {
  name: 'Content script on a page without a deal',
  run: () =>
    withBenchBrowser(async (bench) => {
      const deal = await connectWithOneDeal(bench);

      const nonDeal: Attribution[] = [];
      for (let load = 0; load < LOADS; load++) nonDeal.push(await traceFreshPage(bench, '/deals/list', idleThenMoveAround));
      const dealPage: Attribution[] = [];
      for (let load = 0; load < DEAL_PAGE_LOADS; load++) {
        dealPage.push(
          await traceFreshPage(bench, `/deal/${deal.dealId}`, async (page) => {
            await whatsAppPanel(page).thread.getByText(deal.newestMessage).waitFor();
            await page.waitForTimeout(IDLE_MS);
          }),
        );
      }

      const listed = summarise(nonDeal);
      const compared = summarise(dealPage);
      return [
        {
          id: 'pageCost.nonDealMs',
          label: 'Content script main thread, non-deal page',
          value: listed.medianMs,
          unit: 'ms',
          target: { max: 2 },
          detail: `median of ${LOADS} fresh loads of the deal list, connected, ${IDLE_MS / 1_000} s idle, ${NON_DEAL_LINKS.length} in-app navigations; ${listed.breakdown}`,
        },
        {
          id: 'pageCost.dealPageMs',
          label: 'Content script main thread, deal page',
          value: compared.medianMs,
          unit: 'ms',
          detail: `for comparison: median of ${DEAL_PAGE_LOADS} fresh loads of a deal page until its thread shows, then ${IDLE_MS / 1_000} s idle; ${compared.breakdown}`,
        },
      ] satisfies Figure[];
    }),
};
