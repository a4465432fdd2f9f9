import { isTemplateStatus } from '@/utils/templates/status';
import type { TemplateFilters } from '@/utils/templates/search';

export const FILTER_KEYS = ['status', 'category', 'language', 'type'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** As the filter selects hold them: the empty string means "any". */
export type FilterValues = Record<FilterKey, string>;

export const NO_FILTERS: FilterValues = { status: '', category: '', language: '', type: '' };

export function hasFilters(values: FilterValues): boolean {
  return FILTER_KEYS.some((key) => values[key] !== '');
}

export function toSearchFilters(values: FilterValues): TemplateFilters {
  return {
    status: isTemplateStatus(values.status) ? values.status : null,
    category: values.category || null,
    language: values.language || null,
    type: values.type || null,
  };
}
