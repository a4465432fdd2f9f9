/**
 * What every tab of the CRM runs, all day: it waits for a deal page and only then loads the panel
 * (React and all, see modules/lazy-deal-panel.ts), once. From then on the panel module follows the
 * app's navigation itself.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CrmPageAdapter } from '@/utils/crm/adapter';
import { watchLocation } from '@/utils/crm/navigation';
import { DEAL_PANEL_MODULE_PATH } from './deal-panel-module';

export type DealPanelModule = Pick<typeof import('./start-deal-panels'), 'startDealPanels'>;

function importDealPanelModule(): Promise<DealPanelModule> {
  return import(/* @vite-ignore */ browser.runtime.getURL(`/${DEAL_PANEL_MODULE_PATH}`)) as Promise<DealPanelModule>;
}

export interface LoadOptions {
  load?: () => Promise<DealPanelModule>;
  window?: Window;
}

export function loadDealPanelsOnDealPages(
  ctx: ContentScriptContext,
  adapter: CrmPageAdapter,
  { load = importDealPanelModule, window: win = window }: LoadOptions = {},
): void {
  const start = () =>
    load().then(
      (panels) => {
        if (ctx.isValid) panels.startDealPanels(ctx, adapter);
      },
      (error: unknown) => console.error('Dealchat could not load its panel.', error),
    );
  if (adapter.dealIdFromUrl(win.location.href) !== null) {
    void start();
    return;
  }
  const stopWatching = watchLocation(win, (url) => {
    if (adapter.dealIdFromUrl(url) === null) return;
    stopWatching();
    void start();
  });
  ctx.onInvalidated(stopWatching);
}
