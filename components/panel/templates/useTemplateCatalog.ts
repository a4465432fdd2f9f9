import { useCallback, useEffect } from 'react';
import type { PanelBackend } from '@/components/panel/backend';
import { useLoad } from '@/components/shared/useLoad';
import type { TemplateView } from '@/utils/messaging/views';
import type { VariableMapping } from '@/utils/whatsapp/template-variables';

export interface Catalog {
  templates: TemplateView[];
  mappings: Record<string, VariableMapping>;
}

/** The account's templates and the rep's remembered variable choices, kept current while the picker is open. */
export function useTemplateCatalog(backend: PanelBackend, contact: string) {
  const load = useCallback(
    () => Promise.all([backend.listTemplates(), backend.getVariableMappings()]).then(([templates, mappings]): Catalog => ({ templates, mappings })),
    [backend],
  );
  const { state, reload, retry, update } = useLoad(load, 'Your templates could not be loaded.');

  useEffect(
    () =>
      backend.subscribe(contact, (event) => {
        if (event.type === 'templates-changed') reload();
      }),
    [backend, contact, reload],
  );

  /** Keeps a saved choice for the next time the template is opened. */
  const rememberMapping = (contentSid: string, mapping: VariableMapping) => {
    update((catalog) => ({ ...catalog, mappings: { ...catalog.mappings, [contentSid]: mapping } }));
  };

  return { catalog: state, retry, rememberMapping };
}
