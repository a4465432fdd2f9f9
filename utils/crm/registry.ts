/** The CRMs' page halves: small, and safe to import anywhere, the content script included (see adapter.ts). */
import { MatchPattern } from 'wxt/utils/match-patterns';
import type { CrmPageAdapter } from './adapter';
import { pipedrivePage } from './pipedrive/page';

export const CRM_PAGE_ADAPTERS = [pipedrivePage] as const satisfies readonly CrmPageAdapter[];

export type CrmId = (typeof CRM_PAGE_ADAPTERS)[number]['id'];

// Built on first use, so that what imports only the adapters (the content script) leaves the match-pattern parser out.
let matchers: { adapter: CrmPageAdapter<CrmId>; patterns: MatchPattern[] }[] | undefined;

/** The CRM whose pages include this URL, or null. */
export function adapterForUrl(url: string): CrmPageAdapter<CrmId> | null {
  matchers ??= CRM_PAGE_ADAPTERS.map((adapter) => ({ adapter, patterns: adapter.pagePatterns.map((pattern) => new MatchPattern(pattern)) }));
  try {
    return matchers.find(({ patterns }) => patterns.some((pattern) => pattern.includes(url)))?.adapter ?? null;
  } catch {
    return null;
  }
}

export function isCrmPage(url: string): boolean {
  return adapterForUrl(url) !== null;
}
