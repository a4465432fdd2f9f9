/**
 * Finding templates as fast as a rep types, even among the 6,000 a WhatsApp account may have:
 * everything a keystroke would otherwise recompute (folding, status grouping, ordering) is done
 * once, when the index is built for a template list, and a keystroke that narrows the query looks
 * only among what the one before found.
 */
import type { TemplateView } from '@/utils/messaging/views';
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

const FILTER_KEYS = ['status', 'category', 'language', 'type'] as const satisfies readonly (keyof TemplateFilters)[];

/** A search as the index last answered it. */
interface Answer {
  words: string[];
  filters: Required<TemplateFilters>;
  found: Entry[];
}

export function createTemplateIndex(templates: readonly TemplateView[]): TemplateIndex {
  const entries: Entry[] = sortTemplates(templates).map((template) => ({
    template,
    status: templateStatus(template.approvalStatus),
    text: foldText(`${template.friendlyName} ${template.body}`),
  }));
  let last: Answer | null = null;

  return {
    size: entries.length,
    facets: facetsOf(entries),
    search(query, filters = {}) {
      const words = foldText(query).split(' ').filter(Boolean);
      const wanted: Required<TemplateFilters> = {
        status: filters.status ?? null,
        category: filters.category ?? null,
        language: filters.language ?? null,
        type: filters.type ?? null,
      };
      // A rep types a query a letter at a time: each keystroke's matches are among the last one's.
      const candidates = last !== null && narrows(last, words, wanted) ? last.found : entries;
      const { status, category, language, type } = wanted;
      const found: Entry[] = [];
      const results: TemplateView[] = [];
      // Indexed loops, here and in containsAll: a popup's first keystrokes run them before the JIT
      // has compiled them, and there for…of's iterator made them several times slower.
      for (let index = 0; index < candidates.length; index++) {
        const entry = candidates[index];
        if (!entry) continue;
        const { template } = entry;
        if (status && entry.status !== status) continue;
        if (category && template.category !== category) continue;
        if (language && template.language !== language) continue;
        if (type && !template.types.includes(type)) continue;
        if (!containsAll(entry.text, words)) continue;
        found.push(entry);
        results.push(template);
      }
      last = { words, filters: wanted, found };
      return results;
    },
  };
}

function containsAll(text: string, words: readonly string[]): boolean {
  for (let index = 0; index < words.length; index++) {
    const word = words[index];
    if (word !== undefined && !text.includes(word)) return false;
  }
  return true;
}

/**
 * Whether everything the search for `words` finds is among what `previous` found: under the same
 * filters, a text that contains every new word contains each old word some new word contains.
 */
function narrows(previous: Answer, words: readonly string[], filters: Required<TemplateFilters>): boolean {
  const sameFilters = FILTER_KEYS.every((key) => previous.filters[key] === filters[key]);
  return sameFilters && previous.words.every((old) => words.some((word) => word.includes(old)));
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
