/**
 * From a rep's click on a deal in Pipedrive's deal list (the app's own in-page navigation) until
 * the panel on that deal shows its thread, down to the newest message: over 50 deals seen for the
 * first time in the tab (cold), then the same 50 again (cached).
 */
import type { Page } from 'playwright-core';
import { PANEL_HOST } from '../tests/e2e/support/panel';
import { connectWithDeals, withBenchBrowser, type SeededDeal } from './browser-session';
import { percentile, type Figure, type Measurement } from './figures';

const DEALS = 50;
/** Between two deals the rep is on the list for a moment: the previous panel's work has settled. */
const PAUSE_ON_LIST_MS = 300;
const THREAD_TIMEOUT_MS = 10_000;

interface NavigationTiming {
  /** Until the newest message is in the panel's DOM. */
  domMs: number;
  /** Until just after the first frame painted with it: what the rep sees. */
  paintedMs: number;
}

/**
 * Runs in the page's main world, so no Playwright round trip is in the figure: clicks the deal's
 * link in the list and watches the panel's open shadow root until its thread holds `newestMessage`.
 * The clock stops in an animation frame's posted message, which runs only after that frame is painted.
 */
function clickDealAndTimeThread(page: Page, deal: SeededDeal): Promise<NavigationTiming> {
  return page.evaluate(
    ({ href, newestMessage, host, timeoutMs }) =>
      new Promise<NavigationTiming>((resolve, reject) => {
        const link = document.querySelector<HTMLAnchorElement>(`a[data-spa][href="${href}"]`);
        if (link === null) throw new Error(`No link to ${href} on ${location.pathname}.`);
        let watchedRoot: ShadowRoot | null = null;
        let found = false;
        const threadShows = () => {
          const root = document.querySelector(host)?.shadowRoot ?? null;
          if (root !== null && root !== watchedRoot) {
            watchedRoot = root;
            insidePanel.observe(root, { childList: true, subtree: true, characterData: true });
          }
          return root?.querySelector('[role="log"]')?.textContent.includes(newestMessage) === true;
        };
        const check = () => {
          if (found || !threadShows()) return;
          found = true;
          const domMs = performance.now() - start;
          onPage.disconnect();
          insidePanel.disconnect();
          clearTimeout(timer);
          requestAnimationFrame(() => {
            const afterPaint = new MessageChannel();
            afterPaint.port1.onmessage = () => resolve({ domMs, paintedMs: performance.now() - start });
            afterPaint.port2.postMessage(null);
          });
        };
        const onPage = new MutationObserver(check);
        const insidePanel = new MutationObserver(check);
        const timer = setTimeout(() => {
          onPage.disconnect();
          insidePanel.disconnect();
          reject(new Error(`The panel did not show “${newestMessage}” within ${timeoutMs} ms of the click.`));
        }, timeoutMs);
        onPage.observe(document.body, { childList: true, subtree: true });
        const start = performance.now();
        link.click();
        check();
      }),
    { href: `/deal/${deal.dealId}`, newestMessage: deal.newestMessage, host: PANEL_HOST, timeoutMs: THREAD_TIMEOUT_MS },
  );
}

/** Back to the deal list through the app's header link, as a rep goes from deal to deal; no panel is left. */
async function backToList(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'List view', exact: true }).click();
  await page.getByTestId('deals-list').waitFor();
  await page.locator(PANEL_HOST).waitFor({ state: 'detached' });
  await page.waitForTimeout(PAUSE_ON_LIST_MS);
}

async function timeRound(page: Page, deals: readonly SeededDeal[]): Promise<NavigationTiming[]> {
  const timings: NavigationTiming[] = [];
  for (const deal of deals) {
    timings.push(await clickDealAndTimeThread(page, deal));
    await backToList(page);
  }
  return timings;
}

function roundFigures(id: string, label: string, timings: readonly NavigationTiming[], p95Target: number): Figure[] {
  const painted = timings.map((timing) => timing.paintedMs);
  const dom = timings.map((timing) => timing.domMs);
  const how = `${timings.length} clicks on a deal in the app's list, back to the list between; to the painted frame`;
  return [
    { id: `${id}.p50`, label: `${label} p50`, value: percentile(painted, 0.5), unit: 'ms', detail: `${how} (in the DOM: ${percentile(dom, 0.5).toFixed(1)} ms)` },
    {
      id: `${id}.p95`,
      label: `${label} p95`,
      value: percentile(painted, 0.95),
      unit: 'ms',
      target: { max: p95Target },
      detail: `${how} (in the DOM: ${percentile(dom, 0.95).toFixed(1)} ms)`,
    },
  ];
}

export const navigation: Measurement = {
  name: 'Navigation to a deal',
  run: () =>
    withBenchBrowser(async (bench) => {
      const deals = await connectWithDeals(bench, DEALS);
      const page = await bench.extension.context.newPage();
      await page.goto(`https://${bench.pipedrive.fake.host}/deals/list`);
      await page.getByTestId('deals-list').waitFor();
      const cold = await timeRound(page, deals);
      const cached = await timeRound(page, deals);
      return [
        ...roundFigures('navigation.cold', 'Deal click to thread, cold', cold, 150),
        ...roundFigures('navigation.cached', 'Deal click to thread, cached', cached, 50),
      ];
    }),
};
