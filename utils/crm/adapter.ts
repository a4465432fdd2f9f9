import type { DealContextData, PageDeal } from './deal-context';

export interface DealContextRequest {
  /** The deal page the request came from: its host decides where the token may go. */
  pageUrl: string;
  dealId: string;
  apiToken: string;
  fetch?: typeof fetch;
}

/**
 * Everything CRM-specific sits behind this interface: supporting another CRM means adding one
 * module that implements it and listing it in registry.ts.
 */
export interface CrmAdapter {
  id: string;
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
  /**
   * Runs in the background, which holds the token: content scripts never see it. Rejects with a
   * `CrmError`, and without sending anything when `pageUrl` is not on the CRM's own domain.
   */
  fetchDealContext(request: DealContextRequest): Promise<DealContextData>;
}
