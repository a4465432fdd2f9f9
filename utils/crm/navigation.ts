/** The Navigation API is in Chromium but not yet in TypeScript's DOM types. */
type NavigatingWindow = Window & { navigation?: EventTarget };

export interface WatchLocationOptions {
  /** How often to compare URLs where the Navigation API is missing. */
  pollMs?: number;
}

/**
 * Calls `onChange` with the new URL after each in-page navigation (pushState, replaceState, back and
 * forward, hash changes). A content script runs in an isolated world, so it cannot wrap the page's
 * `history` methods; events on shared DOM objects do reach it, though.
 */
export function watchLocation(
  win: NavigatingWindow,
  onChange: (url: string) => void,
  { pollMs = 1_000 }: WatchLocationOptions = {},
): () => void {
  let last = win.location.href;
  const check = () => {
    const url = win.location.href;
    if (url === last) return;
    last = url;
    onChange(url);
  };

  const navigation = win.navigation;
  if (navigation) {
    // Fires once the URL has changed, for every same-document navigation, pushState included;
    // `navigate` fires before, and the page may still cancel it.
    navigation.addEventListener('currententrychange', check);
    return () => navigation.removeEventListener('currententrychange', check);
  }

  // pushState and replaceState fire no event the isolated world can see: only comparing URLs finds them.
  win.addEventListener('popstate', check);
  win.addEventListener('hashchange', check);
  const timer = win.setInterval(check, pollMs);
  return () => {
    win.removeEventListener('popstate', check);
    win.removeEventListener('hashchange', check);
    win.clearInterval(timer);
  };
}
