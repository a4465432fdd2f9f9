import type { CrmDeal, PageDeal } from './crm-deal';

/*
 * Everything CRM-specific sits behind these two interfaces. Supporting another CRM means adding one
 * folder, utils/crm/<crm>/, whose page.ts exports the page half and background/api.ts the API half,
 * and listing each half in its registry (registry.ts here, utils/background/crm-api.ts): the
 * compiler asks for the other one.
 *
 * The halves are separate modules because the page half ships in the content script injected into
 * every tab of the CRM, where each kilobyte slows the rep's CRM down; the API half (HTTP, response
 * schemas, the token) runs only in the background and would weigh on every tab for nothing; it sits in
 * a `background` folder, which no code that may run in a page can import (eslint.config.js).
 */

/** What runs in the CRM's tabs: recognising deal pages, and reading them. */
export interface CrmPageAdapter<Id extends string = string> {
  readonly id: Id;
  /** Shown to the rep, e.g. "Pipedrive". */
  label: string;
  /** Match patterns of the CRM's pages, where the panel may run. */
  pagePatterns: readonly string[];
  /** The deal a page shows, or null for any other page (lists, settings, other hosts). */
  dealIdFromUrl(url: string): string | null;
  /** Where the panel docks on a deal page; null when the layout is not recognised (the panel floats). */
  findMountPoint(document: Document): Element | null;
  /** What the deal page shows: the fallback when the rep has not given an API token. */
  readDealFromPage(document: Document): PageDeal;
}

export interface DealContextRequest {
  /** The deal page the request came from: its host decides where the token may go. */
  pageUrl: string;
  dealId: string;
  apiToken: string;
  fetch?: typeof fetch;
}

/** What runs in the background, which holds the token: content scripts never see it. */
export interface CrmApiAdapter {
  /** Rejects with a `CrmError`, and without sending anything when `pageUrl` is not on the CRM's own domain. */
  fetchDealContext(request: DealContextRequest): Promise<CrmDeal>;
}
