import { Window } from 'happy-dom';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CrmPageAdapter } from '@/utils/crm/adapter';
import { pipedrivePage } from '@/utils/crm/pipedrive/page';
import { loadDealPanelsOnDealPages, type DealPanelModule } from './load-deal-panels';

const windows: Window[] = [];

afterEach(async () => {
  await Promise.all(windows.splice(0).map((window) => window.happyDOM.close()));
});

/** A CRM tab at `url`, with a stand-in for Chromium's Navigation API, which happy-dom lacks. */
function tab(url: string) {
  const window = new Window({ url });
  windows.push(window);
  const navigation = new window.EventTarget() as unknown as EventTarget;
  Object.assign(window, { navigation });
  return {
    window: window as unknown as globalThis.Window,
    navigate(path: string) {
      window.history.pushState({}, '', path);
      navigation.dispatchEvent(new window.Event('currententrychange') as unknown as Event);
    },
  };
}

function contentScriptContext() {
  const invalidated: (() => void)[] = [];
  const ctx = {
    isValid: true,
    onInvalidated: (callback: () => void) => invalidated.push(callback),
  };
  return {
    ctx: ctx as unknown as ContentScriptContext,
    invalidate: () => {
      ctx.isValid = false;
      for (const callback of invalidated) callback();
    },
  };
}

function panelModule() {
  const startDealPanels = vi.fn<DealPanelModule['startDealPanels']>();
  const load = vi.fn(() => Promise.resolve({ startDealPanels }));
  return { load, startDealPanels };
}

describe('loadDealPanelsOnDealPages', () => {
  it('loads the panel at once on a deal page, and hands it the page', async () => {
    const { window } = tab('https://acme.pipedrive.com/deal/42');
    const { ctx } = contentScriptContext();
    const { load, startDealPanels } = panelModule();

    loadDealPanelsOnDealPages(ctx, [pipedrivePage], { load, window });

    await vi.waitFor(() => expect(startDealPanels).toHaveBeenCalledWith(ctx, pipedrivePage));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('hands the panel the CRM whose deal page the tab shows', async () => {
    const otherCrm: CrmPageAdapter = {
      ...pipedrivePage,
      id: 'othercrm',
      dealIdFromUrl: (url) => /^https:\/\/app\.othercrm\.example\/deals\/(\d+)$/.exec(url)?.[1] ?? null,
    };
    const page = tab('https://acme.pipedrive.com/pipeline');
    const { ctx } = contentScriptContext();
    const { load, startDealPanels } = panelModule();

    loadDealPanelsOnDealPages(ctx, [otherCrm, pipedrivePage], { load, window: page.window });
    page.navigate('/deal/7');
    await vi.waitFor(() => expect(startDealPanels).toHaveBeenCalledWith(ctx, pipedrivePage));
  });

  it('loads nothing on other pages until the app navigates to a deal, then loads once', async () => {
    const page = tab('https://acme.pipedrive.com/pipeline');
    const { ctx } = contentScriptContext();
    const { load, startDealPanels } = panelModule();

    loadDealPanelsOnDealPages(ctx, [pipedrivePage], { load, window: page.window });
    page.navigate('/persons/list');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(load).not.toHaveBeenCalled();

    page.navigate('/deal/7');
    page.navigate('/pipeline');
    page.navigate('/deal/8');
    await vi.waitFor(() => expect(startDealPanels).toHaveBeenCalledTimes(1));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('stops watching once the extension is reloaded or removed', async () => {
    const page = tab('https://acme.pipedrive.com/pipeline');
    const { ctx, invalidate } = contentScriptContext();
    const { load } = panelModule();

    loadDealPanelsOnDealPages(ctx, [pipedrivePage], { load, window: page.window });
    invalidate();
    page.navigate('/deal/7');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(load).not.toHaveBeenCalled();
  });

  it('starts no panel for a context invalidated while the module loaded, and reports a module that fails to load', async () => {
    const { window } = tab('https://acme.pipedrive.com/deal/42');
    const late = contentScriptContext();
    const { load, startDealPanels } = panelModule();
    loadDealPanelsOnDealPages(late.ctx, [pipedrivePage], { load, window });
    late.invalidate();
    await Promise.resolve();
    await Promise.resolve();
    expect(load).toHaveBeenCalledTimes(1);
    expect(startDealPanels).not.toHaveBeenCalled();

    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failure = new Error('net::ERR_BLOCKED_BY_CLIENT');
    loadDealPanelsOnDealPages(contentScriptContext().ctx, [pipedrivePage], { load: () => Promise.reject(failure), window });
    await vi.waitFor(() => expect(error).toHaveBeenCalledWith('Dealchat could not load its panel.', failure));
  });
});
