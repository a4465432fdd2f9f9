/**
 * Finding templates as fast as a rep types, even among the 6,000 a WhatsApp account may have:
 * everything a keystroke would otherwise recompute (folding, status grouping, ordering) is done
 * once, when the index is built for a template list.
 */
import type { TemplateView } from '../messaging/contract';
import { sortTemplates } from './order';
import { TEMPLATE_STATUSES, templateStatus, type TemplateStatus } from './status';

/** Null (or absent) means "any". */
export interface TemplateFilters {
  status?: TemplateStatus | null;
  category?: string | null;
  language?: string | null;
  /** A content type such as `twilio/quick-reply`; matches templates that define it among others. */
  type?: string | null;
}

/** The values present in the list, for offering only filters that can match. */
export interface TemplateFacets {
  statuses: TemplateStatus[];
  categories: string[];
  languages: string[];
  types: string[];
}

export interface TemplateIndex {
  readonly size: number;
  readonly facets: TemplateFacets;
  /**
   * Templates whose name or text contains every word of the query, ignoring case, accents and
   * `_`/`-` (so "order update" finds `order_update`); sendable first, then by name.
   */
  search(query: string, filters?: TemplateFilters): TemplateView[];
}

interface Entry {
  template: TemplateView;
  status: TemplateStatus;
  /** Folded name and body, where the query's words are looked for. */
  text: string;
}

export function createTemplateIndex(templates: readonly TemplateView[]): TemplateIndex {
  const entries: Entry[] = sortTemplates(templates).map((template) => ({
    template,
    status: templateStatus(template.approvalStatus),
    text: foldText(`${template.friendlyName} ${template.body}`),
  }));

  return {
    size: entries.length,
    facets: facetsOf(entries),
    search(query, filters = {}) {
      const words = foldText(query).split(' ').filter(Boolean);
      const { status, category, language, type } = filters;
      const results: TemplateView[] = [];
      for (const { template, status: entryStatus, text } of entries) {
        if (status && entryStatus !== status) continue;
        if (category && template.category !== category) continue;
        if (language && template.language !== language) continue;
        if (type && !template.types.includes(type)) continue;
        if (words.every((word) => text.includes(word))) results.push(template);
      }
      return results;
    },
  };
}

// Letters that are not a base letter plus a mark, so NFD leaves them whole.
const UNDECOMPOSED: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', ł: 'l', đ: 'd' };

/**
 * Text as a search compares it: lower case, without accents ("Malmö" → "malmo", "Grüße" → "grusse"),
 * with runs of spaces, `_` and `-` as one space.
 */
export function foldText(text: string): string {
  // Lower case first: "İ" lowers to "i" plus a dot mark, which the next step removes.
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæøœłđ]/gu, (letter) => UNDECOMPOSED[letter] ?? letter)
    .replace(/[\s_-]+/gu, ' ')
    .trim();
}

function facetsOf(entries: readonly Entry[]): TemplateFacets {
  const statuses = new Set<TemplateStatus>();
  const categories = new Set<string>();
  const languages = new Set<string>();
  const types = new Set<string>();
  for (const { template, status } of entries) {
    statuses.add(status);
    if (template.category) categories.add(template.category);
    if (template.language) languages.add(template.language);
    for (const type of template.types) types.add(type);
  }
  return {
    statuses: TEMPLATE_STATUSES.filter((status) => statuses.has(status)),
    categories: [...categories].sort(),
    languages: [...languages].sort(),
    types: [...types].sort(),
  };
}
