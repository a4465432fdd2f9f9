// @vitest-environment happy-dom
import { deferred } from '@/tests/support/panel';
import { createShadowRootUi, stylesheetFetchedOnce, type ShadowRootUiOptions } from './shadow-root-ui';

afterEach(() => {
  document.body.replaceChildren();
});

function sideColumn(): HTMLElement {
  const column = document.createElement('aside');
  column.append(document.createElement('section'));
  document.body.append(column);
  return column;
}

function panelUi(overrides: Partial<ShadowRootUiOptions<string>> = {}) {
  const onMount = vi.fn((container: HTMLElement) => {
    const input = document.createElement('input');
    container.append(input);
    return 'mounted';
  });
  const onRemove = vi.fn();
  const column = sideColumn();
  const ui = createShadowRootUi({
    name: 'dealchat-panel',
    css: ':root{--dc-text:#1f2430}.dc-panel{color:var(--dc-text)}',
    anchor: () => column,
    append: 'first',
    onMount,
    onRemove,
    ...overrides,
  });
  return { ui, column, onMount, onRemove };
}

describe('createShadowRootUi', () => {
  it('puts the panel in an open shadow root of its own element, styled there and shielded from the page', () => {
    const { ui, column, onMount } = panelUi();
    expect(ui.attach()).toBe(true);

    expect(column.firstElementChild).toBe(ui.host);
    expect(ui.host.localName).toBe('dealchat-panel');
    const shadow = ui.host.shadowRoot;
    expect(shadow?.mode).toBe('open');
    const css = shadow?.querySelector('style')?.textContent ?? '';
    expect(css.startsWith(':host{all:initial !important}')).toBe(true);
    expect(css).toContain(':host{--dc-text:#1f2430}');
    expect(css).not.toContain(':root');
    const [container] = onMount.mock.calls[0] ?? [];
    expect(container?.getRootNode()).toBe(shadow);
    expect(shadow?.querySelector('input')).not.toBeNull();
  });

  it('goes last in its anchor when asked to', () => {
    const { ui, column } = panelUi({ append: 'last' });
    ui.attach();
    expect(column.lastElementChild).toBe(ui.host);
  });

  it('moves to the anchor found now, with what the rep typed intact, and mounts once', () => {
    let column = sideColumn();
    const { ui, onMount } = panelUi({ anchor: () => column });
    ui.attach();
    const typed = ui.host.shadowRoot?.querySelector('input');
    if (!typed) throw new Error('Nothing was mounted.');
    typed.value = 'Hi Anna, about the quote';

    // The app renders its side column anew and drops the old one, the panel with it.
    column.remove();
    column = sideColumn();
    expect(ui.attach()).toBe(true);

    expect(column.firstElementChild).toBe(ui.host);
    expect(ui.host.shadowRoot?.querySelector('input')).toBe(typed);
    expect(typed.value).toBe('Hi Anna, about the quote');
    expect(onMount).toHaveBeenCalledOnce();
  });

  it('waits, mounting nothing, while its anchor is missing', () => {
    let column: Element | null = null;
    const { ui, onMount } = panelUi({ anchor: () => column });
    expect(ui.attach()).toBe(false);
    expect(ui.host.isConnected).toBe(false);
    expect(onMount).not.toHaveBeenCalled();

    column = sideColumn();
    expect(ui.attach()).toBe(true);
    expect(onMount).toHaveBeenCalledOnce();
  });

  it('unmounts and leaves the page on removal, for good', () => {
    const { ui, column, onRemove } = panelUi();
    ui.attach();
    ui.remove();
    expect(onRemove).toHaveBeenCalledWith('mounted');
    expect(ui.host.isConnected).toBe(false);

    expect(ui.attach()).toBe(false);
    expect(column.contains(ui.host)).toBe(false);
    ui.remove();
    expect(onRemove).toHaveBeenCalledOnce();
  });
});

describe('stylesheetFetchedOnce', () => {
  it('fetches the stylesheet once for every panel of the page', async () => {
    const answer = deferred<string>();
    const fetchText = vi.fn(() => answer.promise);
    const stylesheet = stylesheetFetchedOnce('chrome-extension://id/content-scripts/crm.css', fetchText);
    const first = stylesheet();
    const second = stylesheet();
    answer.resolve('.dc-panel{}');
    expect(await first).toBe('.dc-panel{}');
    expect(await second).toBe('.dc-panel{}');
    expect(await stylesheet()).toBe('.dc-panel{}');
    expect(fetchText).toHaveBeenCalledOnce();
    expect(fetchText).toHaveBeenCalledWith('chrome-extension://id/content-scripts/crm.css');
  });

  it('lets a panel show unstyled when the fetch fails, and fetches again for the next', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const fetchText = vi.fn<(url: string) => Promise<string>>().mockRejectedValueOnce(new Error('HTTP 404')).mockResolvedValue('.dc-panel{}');
    const stylesheet = stylesheetFetchedOnce('chrome-extension://id/content-scripts/crm.css', fetchText);
    expect(await stylesheet()).toBe('');
    expect(await stylesheet()).toBe('.dc-panel{}');
    expect(fetchText).toHaveBeenCalledTimes(2);
  });
});
