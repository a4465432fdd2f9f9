import type { KeyboardEvent, Ref } from 'react';
import { CloseIcon, SearchIcon } from '@/components/shared/icons';

interface SearchBoxProps {
  inputRef: Ref<HTMLInputElement>;
  query: string;
  /** The listbox it controls and the option active in it; both undefined while no list is shown. */
  listId: string | undefined;
  activeId: string | undefined;
  onQueryChange: (query: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  onClear: () => void;
}

/** The search box, a combobox for the result list: focus stays here while the arrow keys move through the list. */
export function SearchBox({ inputRef, query, listId, activeId, onQueryChange, onKeyDown, onClear }: SearchBoxProps) {
  return (
    <div className="search">
      <SearchIcon />
      <input
        ref={inputRef}
        type="text"
        role="combobox"
        className="input search__input"
        aria-label="Search templates"
        placeholder="Search by name or text"
        autoComplete="off"
        spellCheck={false}
        // The popup is opened to find a template: typing should start at once.
        autoFocus
        aria-autocomplete="list"
        aria-expanded={listId !== undefined}
        aria-controls={listId}
        aria-activedescendant={activeId}
        value={query}
        onChange={(event) => onQueryChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {query !== '' && (
        // Escape does the same from the keyboard, so the button stays out of the tab order.
        <button type="button" className="search__clear" tabIndex={-1} aria-label="Clear search" onClick={onClear}>
          <CloseIcon size={14} />
        </button>
      )}
    </div>
  );
}
