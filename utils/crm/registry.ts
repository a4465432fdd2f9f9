import { MatchPattern } from 'wxt/utils/match-patterns';
import type { CrmAdapter } from './adapter';
import { pipedrive } from './pipedrive';

export const CRM_ADAPTERS: readonly CrmAdapter[] = [pipedrive];

const MATCHERS = CRM_ADAPTERS.map((adapter) => ({
  adapter,
  patterns: adapter.pagePatterns.map((pattern) => new MatchPattern(pattern)),
}));

/** The CRM whose pages include this URL, or null. */
export function adapterForUrl(url: string): CrmAdapter | null {
  try {
    return MATCHERS.find(({ patterns }) => patterns.some((pattern) => pattern.includes(url)))?.adapter ?? null;
  } catch {
    return null;
  }
}

export function isCrmPage(url: string): boolean {
  return adapterForUrl(url) !== null;
}
