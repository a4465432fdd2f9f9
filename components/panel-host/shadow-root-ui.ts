/**
 * The panel's own element on the CRM's page, with an open shadow root so the page's styles stay out
 * and ours stay in. WXT's createShadowRootUi does this too, but brings auto-mounting, positioning
 * and an element factory the panel never uses: about 3 KB gzip in a module that has to stay small.
 */

/**
 * Rules in a shadow root lose to the page's rules on the host element unless they are important:
 * this keeps every property of the page's off the host. The panel's own host rules are important too.
 */
const HOST_RESET = ':host{all:initial !important}';

export interface ShadowRootUiOptions<Mounted> {
  /** The host element's tag: a valid custom element name, which may carry a shadow root. */
  name: string;
  /** The shadow root's stylesheet; `:root` rules apply to the host. */
  css: string;
  /** Where the host goes; looked up on each `attach`, since the page re-renders. */
  anchor: () => Element | null;
  append: 'first' | 'last';
  /** Renders into the container the first time the host is attached. */
  onMount: (container: HTMLElement, host: HTMLElement) => Mounted;
  onRemove: (mounted: Mounted) => void;
}

export interface ShadowRootUi {
  readonly host: HTMLElement;
  /**
   * Puts the host into its anchor; the first call also renders into it. A later call moves it, with
   * whatever the rep was doing in it intact. False when the anchor is not on the page.
   */
  attach(): boolean;
  /** Unmounts what was rendered and takes the host off the page, for good. */
  remove(): void;
}

export function createShadowRootUi<Mounted>(options: ShadowRootUiOptions<Mounted>): ShadowRootUi {
  const host = document.createElement(options.name);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `${HOST_RESET}\n${options.css.replaceAll(':root', ':host')}`;
  const container = document.createElement('div');
  shadow.append(style, container);
  let mounted: { value: Mounted } | null = null;
  let removed = false;

  return {
    host,
    attach() {
      const anchor = options.anchor();
      if (removed || anchor === null) return false;
      if (options.append === 'first') anchor.prepend(host);
      else anchor.append(host);
      mounted ??= { value: options.onMount(container, host) };
      return true;
    },
    remove() {
      removed = true;
      if (mounted !== null) options.onRemove(mounted.value);
      mounted = null;
      host.remove();
    },
  };
}

/**
 * The content script's stylesheet, which WXT emits as a file of its own for a shadow root
 * (cssInjectionMode 'ui'): fetched once for the page, however many panels it shows. A failed fetch
 * is tried again for the next panel, which meanwhile shows unstyled rather than not at all.
 */
export function stylesheetFetchedOnce(url: string, fetchText = fetchTextOf) {
  let loading: Promise<string> | null = null;
  return (): Promise<string> => {
    loading ??= fetchText(url).catch((error: unknown) => {
      loading = null;
      console.warn(`Dealchat could not load its panel's styles from ${url}.`, error);
      return '';
    });
    return loading;
  };
}

async function fetchTextOf(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${String(response.status)}`);
  return response.text();
}
