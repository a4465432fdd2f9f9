import { MatchPattern } from 'wxt/utils/match-patterns';
import type { CrmAdapter } from './adapter';
import { pipedrive } from './pipedrive';

export const CRM_ADAPTERS: readonly CrmAdapter[] = [pipedrive];

const PAGE_PATTERNS = CRM_ADAPTERS.flatMap((adapter) => adapter.pagePatterns.map((pattern) => new MatchPattern(pattern)));

export function isCrmPage(url: string): boolean {
  try {
    return PAGE_PATTERNS.some((pattern) => pattern.includes(url));
  } catch {
    return false;
  }
}
