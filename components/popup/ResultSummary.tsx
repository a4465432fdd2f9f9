import { formatCount } from './numbers';

interface ResultSummaryProps {
  shown: number;
  total: number;
  /** Offers to clear the filters, in place of the keyboard hint. */
  onClearFilters: (() => void) | null;
}

/** How many templates the search and filters leave, announced as it changes. */
export function ResultSummary({ shown, total, onClearFilters }: ResultSummaryProps) {
  const all = `${formatCount(total)} template${total === 1 ? '' : 's'}`;
  return (
    <div className="summary">
      <p className="summary__count" role="status">
        {shown === total ? all : `${formatCount(shown)} of ${all}`}
      </p>
      {onClearFilters && (
        <button type="button" className="link-button" onClick={onClearFilters}>
          Clear filters
        </button>
      )}
      {!onClearFilters && shown > 0 && (
        <p className="summary__keys" aria-hidden="true">
          <kbd>↑</kbd>
          <kbd>↓</kbd> <kbd>Enter</kbd> open <kbd>Esc</kbd> clear
        </p>
      )}
    </div>
  );
}
