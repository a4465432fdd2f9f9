/**
 * The toolbar popup, opened as a page of the extension, found by its accessible roles and names the
 * way a rep's screen reader finds it.
 */
import type { CDPSession, Locator, Page } from 'playwright-core';
import type { Browser } from 'wxt/browser';
import type { ExtensionBrowser } from './browser';

// The worker's global; the function that uses it runs there, not in Node.
declare const chrome: typeof Browser;

export type FilterName = 'Status' | 'Category' | 'Language' | 'Type';

export function templatesPopup(page: Page) {
  const list = page.getByRole('listbox', { name: 'Templates', exact: true });
  return {
    search: page.getByRole('combobox', { name: 'Search templates', exact: true }),
    list,
    options: list.getByRole('option'),
    /** "6,000 templates", or "12 of 6,000 templates" while a search or filter narrows the list. */
    count: page.getByRole('status').filter({ hasText: / templates?$/ }),
    filter: (name: FilterName) => page.getByRole('combobox', { name, exact: true }),
    clearFilters: page.getByRole('button', { name: 'Clear filters', exact: true }),
    /** One template's detail, named after it. */
    detail: (name: string) => page.getByRole('region', { name, exact: true }),
    back: page.getByRole('button', { name: 'All templates', exact: true }),
    syncNow: page.getByRole('button', { name: 'Sync now', exact: true }),
  };
}

/**
 * The popup as a rep opens it over `tab`: the page it asks is the tab active in its window.
 *
 * Chrome does open the real one headless (`chrome.action.openPopup()` from the worker), but as a
 * target Playwright does not attach to, so no test can drive it. In a popup-type window its
 * `currentWindow` is that window, whose active tab is the popup itself. So it opens as a background
 * tab beside the deal: `currentWindow` is then the deal's window, whose active tab is the deal,
 * and a message from an extension page in a tab reaches content scripts without `sender.tab`, as
 * from the real popup.
 */
export async function openPopupOver(extension: ExtensionBrowser, tab: Page): Promise<Page> {
  await tab.bringToFront();
  const opened = extension.context.waitForEvent('page');
  await extension.backgroundScope.evaluate(async (url) => {
    await chrome.tabs.create({ url, active: false });
  }, extension.url('popup.html'));
  const popup = await opened;
  await popup.waitForURL(extension.url('popup.html'));
  return popup;
}

/** The names of the options in the page, in order: with a virtualized list, only those in view. */
export function optionNames(list: Locator): Promise<string[]> {
  return list
    .getByRole('option')
    .evaluateAll((options) =>
      options.map((option) => option.ownerDocument.getElementById(option.getAttribute('aria-labelledby') ?? '')?.textContent ?? ''),
    );
}

/** Whether the element has the keyboard focus of its page. */
export function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === element.ownerDocument.activeElement);
}

export interface KeystrokeTiming {
  key: string;
  /** The search box's text in the frame that was measured. */
  query: string;
  ms: number;
  /** Every live status's text in that frame, for checking that it already showed the new results. */
  statuses: string[];
}

type TimedWindow = Window & { dealchatKeystrokes?: KeystrokeTiming[] };

/**
 * Times each keystroke from now on the way a rep feels it: from the key's event timestamp to just
 * after the first frame painted once the page has handled it. The input listener sits on the
 * window, after React's own on the root, so the new results are already in the DOM; the
 * animation frame requested there runs right before that frame is painted, and a message posted
 * from it is delivered only after the paint. What the frame showed is recorded with the figure,
 * so a test can tell a frame that still showed the old results (work deferred past the frame)
 * from one that showed the new.
 *
 * Returns the n-th timing (from 1), waiting for it.
 */
export async function timeKeystrokes(page: Page): Promise<(nth: number) => Promise<KeystrokeTiming>> {
  await page.evaluate(() => {
    const timings: KeystrokeTiming[] = [];
    (window as TimedWindow).dealchatKeystrokes = timings;
    let pressed: { key: string; at: number } | null = null;
    window.addEventListener('keydown', (event) => (pressed = { key: event.key, at: event.timeStamp }), { capture: true });
    window.addEventListener('input', (event) => {
      const keystroke = pressed;
      pressed = null;
      if (keystroke === null || !(event.target instanceof HTMLInputElement)) return;
      const input = event.target;
      requestAnimationFrame(() => {
        const afterPaint = new MessageChannel();
        afterPaint.port1.onmessage = () => {
          timings.push({
            key: keystroke.key,
            query: input.value,
            ms: performance.now() - keystroke.at,
            statuses: [...document.querySelectorAll('[role="status"]')].map((status) => status.textContent),
          });
        };
        afterPaint.port2.postMessage(null);
      });
    });
  });
  return async (nth) => {
    await page.waitForFunction((count) => ((window as TimedWindow).dealchatKeystrokes?.length ?? 0) >= count, nth);
    return page.evaluate((index) => {
      const timing = (window as TimedWindow).dealchatKeystrokes?.[index];
      if (timing === undefined) throw new Error(`No timing for keystroke ${index + 1}.`);
      return timing;
    }, nth - 1);
  };
}

/** Printable ASCII: the characters Playwright's keyboard, which has a US layout, types as real keys. */
const US_LAYOUT_CHARACTER = /^[\x20-\x7e]$/;

/**
 * One key for `character`, a real keydown before its input as a rep's keyboard sends them. Playwright
 * inserts a character its US layout lacks without any key event, which no keystroke timing can see;
 * CDP sends it as the key of a layout that has it (ö on a Swedish keyboard, ñ on a Spanish one).
 */
async function pressCharacter(page: Page, cdp: CDPSession, character: string): Promise<void> {
  if (US_LAYOUT_CHARACTER.test(character)) return page.keyboard.type(character);
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: character, text: character, unmodifiedText: character });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: character });
}

/**
 * Types each query a key at a time into the popup's focused search box, timing every keystroke
 * (see `timeKeystrokes`), and clears it with Escape before the next. Fails when a measured frame
 * did not yet show its own keystroke's results: work put off past the frame must not look fast.
 */
export async function timeTypedQueries(popup: Page, queries: readonly string[]): Promise<KeystrokeTiming[]> {
  const ui = templatesPopup(popup);
  const everything = popup.getByText((await ui.count.textContent()) ?? '', { exact: true });
  const timing = await timeKeystrokes(popup);
  const cdp = await popup.context().newCDPSession(popup);
  const keystrokes: KeystrokeTiming[] = [];
  try {
    for (const query of queries) {
      // What one key types: a character as the reader sees it, however many code points it takes.
      const characters = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(query)].map(({ segment }) => segment);
      for (const [index, character] of characters.entries()) {
        await pressCharacter(popup, cdp, character);
        const keystroke = await timing(keystrokes.length + 1);
        const typed = characters.slice(0, index + 1).join('');
        if (keystroke.query !== typed) throw new Error(`The frame measured for “${typed}” showed “${keystroke.query}” in the search box.`);
        const statuses = await popup.getByRole('status').allTextContents();
        if (JSON.stringify(keystroke.statuses) !== JSON.stringify(statuses)) {
          throw new Error(`The frame measured for “${typed}” showed ${JSON.stringify(keystroke.statuses)}, not its results ${JSON.stringify(statuses)}.`);
        }
        keystrokes.push(keystroke);
      }
      await popup.keyboard.press('Escape');
      await ui.count.and(everything).waitFor();
    }
  } finally {
    await cdp.detach();
  }
  return keystrokes;
}
