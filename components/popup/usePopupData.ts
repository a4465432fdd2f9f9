import { useCallback, useEffect } from 'react';
import { useLoad } from '@/components/shared/useLoad';
import type { SyncStatus, TemplateView } from '@/utils/messaging/views';
import type { PopupBackend } from './backend';

export interface PopupData {
  templates: TemplateView[];
  sync: SyncStatus;
}

/** A failed refresh keeps the list on screen: it is only as old as the last change. */
const keepTheList = (last: PopupData | null) => last;

/** The synced templates and the sync status, kept current while the popup is open. */
export function usePopupData(backend: PopupBackend) {
  const load = useCallback(async (): Promise<PopupData> => {
    const [templates, sync] = await Promise.all([backend.listTemplates(), backend.getSyncStatus()]);
    return { templates, sync };
  }, [backend]);
  const { state, reload, retry, update } = useLoad(load, 'Your templates could not be loaded.', keepTheList);
  const setSync = useCallback((sync: SyncStatus) => update((data) => ({ ...data, sync })), [update]);

  useEffect(
    () =>
      backend.subscribe((event) => {
        if (event.type === 'templates-changed') reload();
        if (event.type === 'sync-status') setSync(event.status);
      }),
    [backend, reload, setSync],
  );

  return { data: state, retry, setSync };
}
