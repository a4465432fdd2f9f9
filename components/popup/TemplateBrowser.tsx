import { memo, useCallback, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { BackIcon } from '@/components/shared/icons';
import type { TemplateView } from '@/utils/messaging/views';
import { createTemplateIndex } from '@/utils/templates/search';
import { FilterBar } from './FilterBar';
import { hasFilters, NO_FILTERS, toSearchFilters, type FilterKey, type FilterValues } from './filters';
import { formatCount } from './numbers';
import { OPTION_HEIGHT, PopupTemplateList } from './PopupTemplateList';
import { ResultSummary } from './ResultSummary';
import { SearchBox } from './SearchBox';
import { TemplateDetail } from './TemplateDetail';

/** How far Page Up and Page Down move: about the list's height. */
const PAGE = Math.floor(400 / OPTION_HEIGHT);

const KEY_STEPS: Readonly<Record<string, number>> = { ArrowDown: 1, ArrowUp: -1, PageDown: PAGE, PageUp: -PAGE };

interface TemplateBrowserProps {
  templates: TemplateView[];
  insert: ((contentSid: string) => Promise<boolean>) | null;
}

/**
 * Search, filters, results and one template's detail. Focus stays in the search box: the arrow
 * keys move through the results (or, in the detail, from template to template), Enter opens one,
 * Escape clears the search and then closes the detail. Rendered again only when the templates or
 * the deal panel change, not with every sync status.
 */
export const TemplateBrowser = memo(function TemplateBrowser({ templates, insert }: TemplateBrowserProps) {
  const index = useMemo(() => createTemplateIndex(templates), [templates]);
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<FilterValues>(NO_FILTERS);
  const [activeSid, setActiveSid] = useState<string | null>(null);
  const [detailOpen, setDetailOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const optionPrefix = useId();

  const results = useMemo(() => index.search(query, toSearchFilters(filters)), [index, query, filters]);
  const found = activeSid === null ? -1 : results.findIndex((template) => template.sid === activeSid);
  // Until the rep moves, the first result is the one Enter opens.
  const activeIndex = found >= 0 ? found : results.length > 0 ? 0 : -1;
  const active = results[activeIndex];
  // A template that left the list (a sync removed it) takes its detail with it.
  const detail = detailOpen && found >= 0 ? active : undefined;
  const optionId = useCallback((template: TemplateView) => `${optionPrefix}-${template.sid}`, [optionPrefix]);
  const showList = !detail && results.length > 0;

  const focusSearch = () => searchRef.current?.focus();

  const startOver = useCallback(() => {
    setActiveSid(null);
    setDetailOpen(false);
  }, []);

  // Stable, like the other callbacks the list and filters get, so a keystroke renders only what it changes.
  const openTemplate = useCallback((sid: string) => {
    setActiveSid(sid);
    setDetailOpen(true);
  }, []);

  const closeDetail = () => {
    setDetailOpen(false);
    focusSearch();
  };

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const step = KEY_STEPS[event.key];
    if (step !== undefined) {
      event.preventDefault();
      const target = results[Math.min(Math.max(activeIndex + step, 0), results.length - 1)];
      if (target) setActiveSid(target.sid);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (active) openTemplate(active.sid);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape') return;
    if (query !== '') setQuery('');
    else if (detail) setDetailOpen(false);
    else return; // Nothing to undo: the browser may close the popup.
    event.preventDefault();
    focusSearch();
  };

  const changeFilter = useCallback((key: FilterKey, value: string) => {
    setFilters((current) => ({ ...current, [key]: value }));
    startOver();
  }, [startOver]);

  // The button goes away once clicked, so focus goes back to where the rep types.
  const clearFilters = () => {
    setFilters(NO_FILTERS);
    startOver();
    focusSearch();
  };

  return (
    <div className="browser" onKeyDown={onKeyDown}>
      <div className="browser__controls">
        <SearchBox
          inputRef={searchRef}
          query={query}
          listId={showList ? listId : undefined}
          activeId={showList && active ? optionId(active) : undefined}
          onQueryChange={(next) => {
            setQuery(next);
            startOver();
          }}
          onKeyDown={onSearchKeyDown}
          onClear={() => {
            setQuery('');
            focusSearch();
          }}
        />
        {detail ? (
          <div className="summary">
            <button type="button" className="back" onClick={closeDetail}>
              <BackIcon />
              All templates
            </button>
            <p className="summary__count" role="status">
              <span className="visually-hidden">{detail.friendlyName}, </span>
              {formatCount(activeIndex + 1)} of {formatCount(results.length)}
            </p>
          </div>
        ) : (
          <>
            <FilterBar facets={index.facets} values={filters} onChange={changeFilter} />
            <ResultSummary shown={results.length} total={index.size} onClearFilters={hasFilters(filters) ? clearFilters : null} />
          </>
        )}
      </div>
      {detail ? (
        <TemplateDetail key={detail.sid} template={detail} insert={insert} />
      ) : showList ? (
        <PopupTemplateList id={listId} templates={results} activeIndex={activeIndex} optionId={optionId} onOpen={openTemplate} />
      ) : (
        <div className="empty">
          <p className="empty__title">No templates match{query.trim() === '' ? ' these filters' : ` “${query.trim()}”`}.</p>
          <p className="empty__text">
            {hasFilters(filters) ? 'Try another spelling, or clear the filters.' : 'Try another spelling or fewer words.'}
          </p>
        </div>
      )}
    </div>
  );
});
