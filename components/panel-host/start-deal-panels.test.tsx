// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://acme.pipedrive.com/deals/list" }
import '@testing-library/jest-dom/vitest';
import { waitFor, within } from '@testing-library/dom';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { conversation, deal, deferred, message } from '@/tests/support/panel';
import { pipedrivePage } from '@/utils/crm/pipedrive/page';
import type { RequestEnvelope, RequestType } from '@/utils/messaging/contract';
import type { ConversationView, DealContext } from '@/utils/messaging/views';
import { startDealPanels } from './start-deal-panels';

const ANNA = '+46701234567';
const JONAS = '+46731112233';
function dealWith(dealId: string, name: string, e164: string, raw: string): DealContext {
  const [firstName = null, lastName = null] = name.split(' ');
  return { ...deal, dealId, person: { name, firstName, lastName }, phones: [{ raw, e164, display: raw, label: 'mobile', primary: true }] };
}
/** What the background reads of each deal: 101 is Anna's, 202 Jonas's. */
const deals: Record<string, DealContext> = {
  '101': dealWith('101', 'Anna Svensson', ANNA, '070-123 45 67'),
  '202': dealWith('202', 'Jonas Berg', JONAS, '073-111 22 33'),
};

type Answer = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

/**
 * The background, answering each request of the panel from the deals and threads above; `hold`
 * keeps a kind of request waiting until the test lets it through.
 */
function fakeBackground() {
  const threads: Record<string, ConversationView> = {
    [ANNA]: conversation({ contact: ANNA, messages: [message({ body: 'Anna here: is the offer still valid?' })] }),
    [JONAS]: conversation({ contact: JONAS, messages: [message({ body: 'Jonas here.' })] }),
  };
  const held = new Map<RequestType, ReturnType<typeof deferred>>();
  const asked: RequestEnvelope[] = [];
  fakeBrowser.runtime.onMessage.addListener(async (message: unknown): Promise<Answer> => {
    const envelope = message as RequestEnvelope;
    asked.push(envelope);
    await held.get(envelope.type)?.promise;
    const payload = envelope.payload as { dealId?: string; contact?: string };
    switch (envelope.type) {
      case 'getDealContext':
        return { ok: true, data: deals[payload.dealId ?? ''] };
      case 'getConversation':
        return { ok: true, data: threads[payload.contact ?? ''] };
      case 'listTemplates':
        return { ok: true, data: [] };
      case 'getVariableMappings':
        return { ok: true, data: {} };
      default:
        return { ok: false, error: { code: 'invalid', message: `No ${envelope.type} here.` } };
    }
  });
  return {
    threads,
    asked: (type: RequestType) => asked.filter((envelope) => envelope.type === type).length,
    hold(type: RequestType) {
      const gate = deferred<unknown>();
      held.set(type, gate);
      return () => {
        held.delete(type);
        gate.resolve(undefined);
      };
    },
  };
}

/** The fake Pipedrive app's views, rendered as its single-page app does: URL first, then the view. */
const navigation = new EventTarget();
const app = {
  go(path: string) {
    history.pushState({}, '', path);
    navigation.dispatchEvent(new Event('currententrychange'));
    const deal = /^\/deal\/(\d+)$/.exec(path)?.[1];
    document.body.replaceChildren(deal === undefined ? listView() : dealView());
  },
  /** The app renders the deal's side column anew, as Pipedrive does now and then. */
  rerenderSideColumn() {
    document.querySelector('[data-testid="deal-details-sidebar"]')?.replaceWith(sideColumn());
  },
};

function listView(): HTMLElement {
  const list = document.createElement('div');
  list.dataset.testid = 'deals-list';
  return list;
}

function sideColumn(): HTMLElement {
  const column = document.createElement('aside');
  column.dataset.testid = 'deal-details-sidebar';
  return column;
}

function dealView(): HTMLElement {
  const view = document.createElement('div');
  view.append(sideColumn());
  return view;
}

function contentScriptContext() {
  const invalidated: (() => void)[] = [];
  const ctx = { isValid: true, onInvalidated: (callback: () => void) => invalidated.push(callback) };
  return {
    ctx: ctx as unknown as ContentScriptContext,
    invalidate: () => {
      ctx.isValid = false;
      for (const callback of invalidated) callback();
    },
  };
}

const panelHost = () => document.querySelector('dealchat-panel');

/** The panel's shadow root, where the rep's screen reader finds it. */
function panel() {
  const root = panelHost()?.shadowRoot;
  if (!root) throw new Error('No panel on the page.');
  return within(root as unknown as HTMLElement);
}

const threadShows = (text: string) => waitFor(() => expect(panel().getByRole('log', { name: 'Conversation' })).toHaveTextContent(text));

let stylesheetFetches: ReturnType<typeof vi.fn>;
let invalidate: () => void;

beforeEach(() => {
  // The panel renders as it does on the page, from the page's events, not inside act().
  vi.stubGlobal('IS_REACT_ACT_ENVIRONMENT', false);
  Object.assign(window, { navigation });
  stylesheetFetches = vi.fn(() => Promise.resolve(new Response('.dc-panel{display:flex}')));
  vi.stubGlobal('fetch', stylesheetFetches);
  history.replaceState({}, '', '/deals/list');
  document.body.replaceChildren(listView());
});

afterEach(() => {
  invalidate();
});

function start() {
  const context = contentScriptContext();
  invalidate = context.invalidate;
  startDealPanels(context.ctx, pipedrivePage);
}

describe('startDealPanels', () => {
  it('shows a deal seen before on the page with its thread at once, then reads both again', async () => {
    const background = fakeBackground();
    start();
    app.go('/deal/101');
    await threadShows('Anna here: is the offer still valid?');
    app.go('/deals/list');
    expect(panelHost()).toBeNull();

    const releaseDeal = background.hold('getDealContext');
    const releaseThread = background.hold('getConversation');
    background.threads[ANNA] = conversation({
      contact: ANNA,
      messages: [message({ body: 'Anna here: is the offer still valid?' }), message({ body: 'Any news?' })],
    });
    app.go('/deal/101');
    await threadShows('Anna here: is the offer still valid?');
    expect(panel().getByText('Anna Svensson', { exact: true })).toBeInTheDocument();
    expect(panel().queryByText('Any news?')).not.toBeInTheDocument();

    releaseDeal();
    releaseThread();
    await threadShows('Any news?');
    expect(background.asked('getDealContext')).toBe(2);
    expect(stylesheetFetches).toHaveBeenCalledOnce();
    expect(panelHost()?.shadowRoot?.querySelector('style')?.textContent).toContain('.dc-panel{display:flex}');
  });

  it('never shows one deal’s thread on another deal', async () => {
    const background = fakeBackground();
    start();
    app.go('/deal/101');
    await threadShows('Anna here');

    background.hold('getDealContext');
    app.go('/deal/202');
    await waitFor(() => expect(panel().getByText('Loading the deal…')).toBeInTheDocument());
    expect(panel().queryByRole('log')).not.toBeInTheDocument();
    expect(document.querySelectorAll('dealchat-panel')).toHaveLength(1);
  });

  it('puts the panel back, as the rep left it, when the app renders the side column anew', async () => {
    fakeBackground();
    start();
    app.go('/deal/101');
    await threadShows('Anna here');
    const typed = panel().getByRole('textbox', { name: 'Message' });
    (typed as HTMLTextAreaElement).value = 'The quote is on its way';

    app.rerenderSideColumn();
    await waitFor(() => expect(document.querySelector('[data-testid="deal-details-sidebar"] > dealchat-panel')).not.toBeNull());
    expect(panel().getByRole('textbox', { name: 'Message' })).toBe(typed);
    expect(typed).toHaveValue('The quote is on its way');
  });

  it('leaves the page when the extension is reloaded or removed', async () => {
    fakeBackground();
    start();
    app.go('/deal/101');
    await threadShows('Anna here');
    invalidate();
    expect(panelHost()).toBeNull();
    app.go('/deal/202');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(panelHost()).toBeNull();
  });
});
