/**
 * The WhatsApp panel on the fake Pipedrive's deal pages, found by its accessible roles and names,
 * the way a rep's screen reader finds it (Playwright's role queries pierce its open shadow root).
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { SettingsInput } from '../../../utils/messaging/contract';
import type { LocalPipedrive } from './pipedrive';
import type { LocalTwilio } from './twilio';

/** The element the content script puts its shadow root in: one per page at most. */
export const PANEL_HOST = 'dealchat-panel';

/** What a rep types into the options page to use both fakes, the Pipedrive API token included. */
export function connectedSettings(twilio: LocalTwilio, pipedrive: LocalPipedrive): SettingsInput {
  return { ...twilio.settings, pipedriveApiToken: pipedrive.fake.apiToken };
}

export async function openDealPage(context: BrowserContext, pipedrive: LocalPipedrive, dealId: number): Promise<Page> {
  const page = await context.newPage();
  await page.goto(pipedrive.fake.dealUrl(dealId));
  return page;
}

export interface PanelParts {
  region: Locator;
  /** Whether free-form messages can go out; also shows "Loading conversation…" for a moment. */
  status: Locator;
  thread: Locator;
  message: Locator;
  send: Locator;
  templates: Locator;
}

export function whatsAppPanel(page: Page): PanelParts {
  const region = page.getByRole('region', { name: 'WhatsApp', exact: true });
  return {
    region,
    status: region.getByRole('status'),
    thread: region.getByRole('log'),
    message: region.getByRole('textbox', { name: 'Message', exact: true }),
    send: region.getByRole('button', { name: 'Send', exact: true }),
    templates: region.getByRole('button', { name: 'Templates', exact: true }),
  };
}

export function countPanelHosts(page: Page): Promise<number> {
  return page.locator(PANEL_HOST).count();
}

interface HostTally {
  current: number;
  most: number;
}

/** The page's own global the tally lives in: the content script's isolated world cannot touch it. */
type TallyWindow = Window & { dealchatPanelHosts?: HostTally };

/**
 * From the next document on, follows every panel host added to or removed from the page, in
 * order, so that two hosts at once are seen even if they last less than a task.
 */
export async function tallyPanelHosts(page: Page): Promise<() => Promise<HostTally>> {
  await page.addInitScript((tag) => {
    const tally: HostTally = { current: 0, most: 0 };
    (window as TallyWindow).dealchatPanelHosts = tally;
    const hosts = (nodes: NodeList) =>
      [...nodes].reduce((sum, node) => {
        if (!(node instanceof Element)) return sum;
        return sum + (node.localName === tag ? 1 : 0) + node.getElementsByTagName(tag).length;
      }, 0);
    new MutationObserver((records) => {
      for (const record of records) {
        tally.current += hosts(record.addedNodes) - hosts(record.removedNodes);
        tally.most = Math.max(tally.most, tally.current);
      }
    }).observe(document, { childList: true, subtree: true });
  }, PANEL_HOST);
  return () => page.evaluate(() => (window as TallyWindow).dealchatPanelHosts ?? { current: 0, most: 0 });
}
