import { useEffect, useState } from 'react';
import { backgroundErrorMessage } from '@/components/shared/backgroundErrorMessage';
import type { TemplateView } from '@/utils/messaging/views';
import type { VariableMapping } from '@/utils/whatsapp/template-variables';
import type { PanelBackend } from './backend';

export type Catalog =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; templates: TemplateView[]; mappings: Record<string, VariableMapping> };

/** The account's templates and the rep's remembered variable choices, kept current while the picker is open. */
export function useTemplateCatalog(backend: PanelBackend, contact: string) {
  const [catalog, setCatalog] = useState<Catalog>({ status: 'loading' });
  const [revision, setRevision] = useState(0);

  useEffect(() => {
    let current = true;
    Promise.all([backend.listTemplates(), backend.getVariableMappings()]).then(
      ([templates, mappings]) => {
        if (current) setCatalog({ status: 'ready', templates, mappings });
      },
      (error: unknown) => {
        if (current) setCatalog({ status: 'failed', message: backgroundErrorMessage(error, 'Your templates could not be loaded.') });
      },
    );
    return () => {
      current = false;
    };
  }, [backend, revision]);

  useEffect(
    () =>
      backend.subscribe(contact, (event) => {
        if (event.type === 'templates-changed') setRevision((n) => n + 1);
      }),
    [backend, contact],
  );

  const retry = () => {
    setCatalog({ status: 'loading' });
    setRevision((n) => n + 1);
  };

  /** Keeps a saved choice for the next time the template is opened. */
  const rememberMapping = (contentSid: string, mapping: VariableMapping) => {
    setCatalog((state) =>
      state.status === 'ready' ? { ...state, mappings: { ...state.mappings, [contentSid]: mapping } } : state,
    );
  };

  return { catalog, retry, rememberMapping };
}
