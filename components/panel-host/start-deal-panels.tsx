/**
 * The panel's life on a CRM that is a single-page app: one panel for the deal on screen, replaced
 * when the rep moves to another deal, removed on any other page, never two at once.
 */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CrmPageAdapter } from '@/utils/crm/adapter';
import { watchLocation } from '@/utils/crm/navigation';
import { request } from '@/utils/messaging/client';
import { connectLive } from '@/utils/messaging/live';
import { createDealContextCache } from './deal-context-cache';
import { PANEL_HOST_NAME, PANEL_STYLESHEET_PATH } from './deal-panel-module';
import { DealPanelApp } from './DealPanelApp';
import { DockedFrame } from './DockedFrame';
import { createPanelBackend } from './panel-backend';
import { createPanelCommandChannel, listenForPanelCommands } from './panel-command-channel';
import { createShadowRootUi, stylesheetFetchedOnce } from './shadow-root-ui';

/** How long a deal page may take to render its side column before the panel floats instead. */
const SIDE_COLUMN_WAIT_MS = 1_500;

function waitForMountPoint(adapter: CrmPageAdapter, timeoutMs: number): Promise<Element | null> {
  const found = adapter.findMountPoint(document);
  if (found) return Promise.resolve(found);
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const element = adapter.findMountPoint(document);
      if (!element) return;
      finish(element);
    });
    const timer = setTimeout(() => finish(null), timeoutMs);
    const finish = (element: Element | null) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(element);
    };
    observer.observe(document.body, { childList: true, subtree: true });
  });
}

export function startDealPanels(ctx: ContentScriptContext, adapter: CrmPageAdapter): void {
  const host = createPanelBackend(() => connectLive((event) => host.dispatch(event)));
  // One for the whole page: at most one panel is mounted at a time to serve it.
  const commands = createPanelCommandChannel(host.backend);
  const stopAnswering = listenForPanelCommands(browser.runtime, commands.answer);
  const deals = createDealContextCache((dealId) => request('getDealContext', { dealId, page: adapter.readDealFromPage(document) }));
  const stylesheet = stylesheetFetchedOnce(browser.runtime.getURL(`/${PANEL_STYLESHEET_PATH}`));
  // Under way while the first deal page renders.
  void stylesheet();
  let shown: { dealId: string; remove: () => void } | null = null;

  const show = async (url: string) => {
    const dealId = adapter.dealIdFromUrl(url);
    if (dealId !== null && dealId === shown?.dealId) return;
    shown?.remove();
    shown = null;
    if (dealId === null) return;
    const mine: { dealId: string; remove: () => void } = { dealId, remove: () => undefined };
    shown = mine;

    const sideColumn = await waitForMountPoint(adapter, SIDE_COLUMN_WAIT_MS);
    if (shown !== mine) return;
    // The page is there to be read: the deal is on its way while the panel mounts, which shows any failure.
    deals.read(dealId).catch(() => undefined);
    const css = await stylesheet();
    if (shown !== mine) return;
    const docked = sideColumn === null;
    const ui = createShadowRootUi({
      name: PANEL_HOST_NAME,
      css,
      // Looked up on each attach: the app re-renders its side column now and then.
      anchor: docked ? () => document.body : () => adapter.findMountPoint(document),
      append: docked ? 'last' : 'first',
      onMount(container, shadowHost) {
        if (docked) shadowHost.setAttribute('data-docked', '');
        const root = createRoot(container);
        const panel = <DealPanelApp dealId={dealId} deals={deals} backend={host.backend} requests={commands.requests} />;
        // Now rather than in a task of React's: a panel whose deal and thread this page has seen is ready to paint.
        flushSync(() => root.render(docked ? <DockedFrame commands={commands}>{panel}</DockedFrame> : panel));
        return root;
      },
      onRemove(root) {
        root.unmount();
      },
    });
    // The app may re-render the side column and drop the panel with it: put it back, as it was.
    const reattach = new MutationObserver(() => {
      if (!ui.host.isConnected) ui.attach();
    });
    if (!docked) reattach.observe(document.body, { childList: true, subtree: true });
    mine.remove = () => {
      reattach.disconnect();
      ui.remove();
    };
    ui.attach();
  };

  const stopWatching = watchLocation(window, (url) => void show(url));
  ctx.onInvalidated(() => {
    stopWatching();
    stopAnswering();
    shown?.remove();
    host.close();
  });
  void show(location.href);
}
