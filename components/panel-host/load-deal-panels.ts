/**
 * What every tab of the CRM runs, all day: it waits for a deal page and only then loads the panel
 * (React and all, see modules/lazy-deal-panel.ts), once. From then on the panel module follows the
 * app's navigation itself.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CrmPageAdapter } from '@/utils/crm/adapter';
import { watchLocation } from '@/utils/crm/navigation';
import { DEAL_PANEL_MODULE_PATH, LOADER_BROWSER_GLOBAL, type LoaderGlobal } from './deal-panel-module';

export type DealPanelModule = Pick<typeof import('./start-deal-panels'), 'startDealPanels'>;

function importDealPanelModule(): Promise<DealPanelModule> {
  // The module's `browser` is this one (see loader-browser.ts).
  (globalThis as LoaderGlobal)[LOADER_BROWSER_GLOBAL] = browser;
  return import(/* @vite-ignore */ browser.runtime.getURL(`/${DEAL_PANEL_MODULE_PATH}`)) as Promise<DealPanelModule>;
}

export interface LoadOptions {
  load?: () => Promise<DealPanelModule>;
  window?: Window;
}

/**
 * The CRM is the one whose page half recognises the deal page: a tab stays on one CRM, and the
 * content script needs no match patterns of its own to tell which.
 */
export function loadDealPanelsOnDealPages(
  ctx: ContentScriptContext,
  adapters: readonly CrmPageAdapter[],
  { load = importDealPanelModule, window: win = window }: LoadOptions = {},
): void {
  const dealPageAdapter = (url: string) => adapters.find((adapter) => adapter.dealIdFromUrl(url) !== null);
  const start = (adapter: CrmPageAdapter) =>
    load().then(
      (panels) => {
        if (ctx.isValid) panels.startDealPanels(ctx, adapter);
      },
      (error: unknown) => console.error('Dealchat could not load its panel.', error),
    );
  const onDealPage = dealPageAdapter(win.location.href);
  if (onDealPage !== undefined) {
    void start(onDealPage);
    return;
  }
  const stopWatching = watchLocation(win, (url) => {
    const adapter = dealPageAdapter(url);
    if (adapter === undefined) return;
    stopWatching();
    void start(adapter);
  });
  ctx.onInvalidated(stopWatching);
}
