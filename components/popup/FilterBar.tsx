import { memo, useId, useMemo } from 'react';
import { categoryLabel, languageLabel, STATUS_LABELS, typeLabel } from '@/utils/templates/labels';
import type { TemplateFacets } from '@/utils/templates/search';
import { FILTER_KEYS, type FilterKey, type FilterValues } from './filters';

const FILTERS: Record<FilterKey, { label: string; any: string }> = {
  status: { label: 'Status', any: 'All statuses' },
  category: { label: 'Category', any: 'All categories' },
  language: { label: 'Language', any: 'All languages' },
  type: { label: 'Type', any: 'All types' },
};

interface Choice {
  value: string;
  label: string;
}

interface FilterBarProps {
  facets: TemplateFacets;
  values: FilterValues;
  onChange: (key: FilterKey, value: string) => void;
}

/** One select per filter, offering only values some template has; rendered again only when they change, not per keystroke. */
export const FilterBar = memo(function FilterBar({ facets, values, onChange }: FilterBarProps) {
  const idPrefix = useId();
  const choices = useMemo(() => choicesFor(facets), [facets]);
  return (
    <div className="filters">
      {FILTER_KEYS.map((key) => {
        const id = `${idPrefix}-${key}`;
        return (
          <div key={key} className="filters__item">
            <label className="visually-hidden" htmlFor={id}>
              {FILTERS[key].label}
            </label>
            <select
              id={id}
              className={values[key] === '' ? 'filter' : 'filter filter--set'}
              value={values[key]}
              onChange={(event) => onChange(key, event.target.value)}
            >
              <option value="">{FILTERS[key].any}</option>
              {choices[key].map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </div>
  );
});

function choicesFor(facets: TemplateFacets): Record<FilterKey, Choice[]> {
  return {
    // Statuses keep their best-first order; the rest read alphabetically.
    status: facets.statuses.map((value) => ({ value, label: STATUS_LABELS[value] })),
    category: byLabel(facets.categories.map((value) => ({ value, label: categoryLabel(value) }))),
    language: byLabel(facets.languages.map((value) => ({ value, label: languageLabel(value) }))),
    type: byLabel(facets.types.map((value) => ({ value, label: typeLabel(value) }))),
  };
}

function byLabel(choices: Choice[]): Choice[] {
  return choices.sort((a, b) => a.label.localeCompare(b.label, 'en'));
}
