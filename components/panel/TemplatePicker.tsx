import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { TemplateView } from '@/utils/messaging/contract';
import type { DealContext, VariableMapping } from '@/utils/whatsapp/template-variables';
import type { PanelBackend } from './backend';
import { BackIcon, CloseIcon, SearchIcon } from './icons';
import { TemplateForm } from './TemplateForm';
import { TemplateList } from './TemplateList';
import { isSendable, searchTemplates } from './templateSearch';
import { useTemplateCatalog } from './useTemplateCatalog';

interface TemplatePickerProps {
  backend: PanelBackend;
  deal: DealContext;
  contact: string;
  locale: string | undefined;
  onSend: (template: TemplateView, values: Record<string, string>) => Promise<void>;
  onClose: () => void;
}

/** Finds an approved template, fills it from the deal and sends it: three clicks from the Templates button. */
export function TemplatePicker({ backend, deal, contact, locale, onSend, onClose }: TemplatePickerProps) {
  const titleId = useId();
  const { catalog, retry, rememberMapping } = useTemplateCatalog(backend, contact);
  const [query, setQuery] = useState('');
  const [activeSid, setActiveSid] = useState<string | null>(null);
  const [chosen, setChosen] = useState<TemplateView | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const returnToList = useRef(false);

  const matches = catalog.status === 'ready' ? searchTemplates(catalog.templates, query) : [];

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
    <div className="dc-picker" role="dialog" aria-labelledby={titleId} onKeyDown={onKeyDown}>
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

      {chosen && catalog.status === 'ready' ? (
        <TemplateForm
          key={chosen.sid}
          template={chosen}
          deal={deal}
          remembered={catalog.mappings[chosen.sid]}
          locale={locale}
          onSaveMapping={(mapping) => saveMapping(chosen, mapping)}
          onSend={(values) => onSend(chosen, values)}
        />
      ) : (
        <div className="dc-picker__browse">
          <div className="dc-search">
            <SearchIcon />
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
          {catalog.status === 'loading' && (
            <p className="dc-muted dc-picker__message">
              <span className="dc-spinner" aria-hidden="true" />
              Loading templates…
            </p>
          )}
          {catalog.status === 'failed' && (
            <div className="dc-picker__message" role="alert">
              <p className="dc-send-error">{catalog.message}</p>
              <button type="button" className="dc-button dc-button--secondary dc-button--small" onClick={retry}>
                Try again
              </button>
            </div>
          )}
          {catalog.status === 'ready' && catalog.templates.length === 0 && (
            <p className="dc-muted dc-picker__message">
              Your Twilio account has no templates yet. Create one in the Twilio Console’s Content Template Builder and
              submit it for WhatsApp approval.
            </p>
          )}
          {catalog.status === 'ready' && catalog.templates.length > 0 && matches.length === 0 && (
            <p className="dc-muted dc-picker__message">No templates match “{query.trim()}”.</p>
          )}
          <p className="dc-visually-hidden" aria-live="polite">
            {catalog.status === 'ready' && query.trim() !== '' ? resultCount(matches.length) : ''}
          </p>
          {matches.length > 0 && (
            <TemplateList
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

function resultCount(count: number): string {
  if (count === 0) return 'No templates found.';
  return count === 1 ? '1 template found.' : `${count} templates found.`;
}
