import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import type { PanelBackend } from '@/components/panel/backend';
import { BackIcon, CloseIcon, SearchIcon } from '@/components/shared/icons';
import type { LoadState } from '@/components/shared/useLoad';
import type { DealContext, TemplateView } from '@/utils/messaging/views';
import { createTemplateIndex } from '@/utils/templates/search';
import { isSendable } from '@/utils/templates/status';
import type { VariableMapping } from '@/utils/whatsapp/template-variables';
import { PanelTemplateList } from './PanelTemplateList';
import { TemplateForm } from './TemplateForm';
import { useTemplateCatalog, type Catalog } from './useTemplateCatalog';

// One list for every render before the catalog is in, so the index is built once for it.
const NO_TEMPLATES: readonly TemplateView[] = [];

interface TemplatePickerProps {
  ref?: Ref<HTMLDivElement>;
  /** Opened on this template rather than on the list. */
  initialTemplate: TemplateView | null;
  backend: PanelBackend;
  deal: DealContext;
  contact: string;
  locale: string | undefined;
  onSend: (template: TemplateView, values: Record<string, string>) => Promise<void>;
  onClose: () => void;
}

/** Finds an approved template, fills it from the deal and sends it: three clicks from the Templates button. */
export function TemplatePicker(props: TemplatePickerProps) {
  const { ref, initialTemplate, backend, deal, contact, locale, onSend, onClose } = props;
  const titleId = useId();
  const { catalog, retry, rememberMapping } = useTemplateCatalog(backend, contact);
  const [query, setQuery] = useState('');
  const [activeSid, setActiveSid] = useState(initialTemplate?.sid ?? null);
  const [chosen, setChosen] = useState(initialTemplate);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const returnToList = useRef(false);

  const templates = catalog.status === 'ready' ? catalog.value.templates : NO_TEMPLATES;
  const index = useMemo(() => createTemplateIndex(templates), [templates]);
  const matches = index.search(query);

  // Coming back from a template, the rep continues where they left the list.
  useEffect(() => {
    if (chosen || !returnToList.current) return;
    returnToList.current = false;
    (listRef.current ?? searchRef.current)?.focus();
  }, [chosen]);

  const back = () => {
    returnToList.current = true;
    setChosen(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    onClose();
  };

  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      listRef.current?.focus();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const first = matches.find(isSendable);
      if (first) choose(first);
    }
  };

  const choose = (template: TemplateView) => {
    setActiveSid(template.sid);
    setChosen(template);
  };

  const saveMapping = async (template: TemplateView, mapping: VariableMapping) => {
    await backend.saveVariableMapping(template.sid, mapping);
    rememberMapping(template.sid, mapping);
  };

  return (
    <div ref={ref} className="dc-picker" role="dialog" aria-labelledby={titleId} onKeyDown={onKeyDown}>
      <div className="dc-picker__header">
        {chosen ? (
          <button type="button" className="dc-back" onClick={back}>
            <BackIcon />
            All templates
          </button>
        ) : null}
        <h2 id={titleId} className="dc-picker__title">
          {chosen ? chosen.friendlyName : 'Templates'}
        </h2>
        <button type="button" className="dc-icon-button" aria-label="Close templates" title="Close (Esc)" onClick={onClose}>
          <CloseIcon />
        </button>
      </div>

      {chosen ? (
        catalog.status === 'ready' ? (
          <TemplateForm
            key={chosen.sid}
            template={chosen}
            deal={deal}
            remembered={catalog.value.mappings[chosen.sid]}
            locale={locale}
            onSaveMapping={(mapping) => saveMapping(chosen, mapping)}
            onSend={(values) => onSend(chosen, values)}
          />
        ) : (
          <CatalogStatus catalog={catalog} onRetry={retry} />
        )
      ) : (
        <div className="dc-picker__browse">
          <div className="dc-search">
            <SearchIcon className="dc-search__icon" />
            <input
              ref={searchRef}
              type="text"
              className="dc-input dc-search__input"
              aria-label="Search templates"
              placeholder="Search templates"
              autoComplete="off"
              spellCheck={false}
              // The picker opens on purpose, so its search box is where the rep expects to type.
              autoFocus
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              onKeyDown={onSearchKeyDown}
            />
          </div>
          <CatalogStatus catalog={catalog} onRetry={retry} />
          {catalog.status === 'ready' && catalog.value.templates.length === 0 && (
            <p className="dc-muted dc-picker__message">
              Your Twilio account has no templates yet. Create one in the Twilio Console’s Content Template Builder and
              submit it for WhatsApp approval.
            </p>
          )}
          {catalog.status === 'ready' && catalog.value.templates.length > 0 && matches.length === 0 && (
            <p className="dc-muted dc-picker__message">No templates match “{query.trim()}”.</p>
          )}
          <p className="dc-visually-hidden" aria-live="polite">
            {catalog.status === 'ready' && query.trim() !== '' ? resultCount(matches.length) : ''}
          </p>
          {matches.length > 0 && (
            <PanelTemplateList
              templates={matches}
              activeSid={activeSid}
              labelledBy={titleId}
              listRef={listRef}
              onActiveChange={setActiveSid}
              onChoose={choose}
            />
          )}
        </div>
      )}
    </div>
  );
}

/** Why there is nothing to pick from yet: the templates are loading, or could not be loaded. */
function CatalogStatus({ catalog, onRetry }: { catalog: LoadState<Catalog>; onRetry: () => void }) {
  if (catalog.status === 'loading') {
    return (
      <p className="dc-muted dc-picker__message">
        <span className="dc-spinner" aria-hidden="true" />
        Loading templates…
      </p>
    );
  }
  if (catalog.status === 'failed') {
    return (
      <div className="dc-picker__message" role="alert">
        <p className="dc-send-error">{catalog.message}</p>
        <button type="button" className="dc-button dc-button--secondary dc-button--small" onClick={onRetry}>
          Try again
        </button>
      </div>
    );
  }
  return null;
}

function resultCount(count: number): string {
  if (count === 0) return 'No templates found.';
  return count === 1 ? '1 template found.' : `${count} templates found.`;
}
