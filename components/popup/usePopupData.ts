import { useEffect, useState } from 'react';
import { backgroundErrorMessage } from '@/components/shared/backgroundErrorMessage';
import type { SyncStatus, TemplateView } from '@/utils/messaging/views';
import type { PopupBackend } from './backend';

export type PopupData =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; templates: TemplateView[]; sync: SyncStatus };

/** The synced templates and the sync status, kept current while the popup is open. */
export function usePopupData(backend: PopupBackend) {
  const [data, setData] = useState<PopupData>({ status: 'loading' });
  const [revision, setRevision] = useState(0);

  useEffect(() => {
    let current = true;
    Promise.all([backend.listTemplates(), backend.getSyncStatus()]).then(
      ([templates, sync]) => {
        if (current) setData({ status: 'ready', templates, sync });
      },
      (error: unknown) => {
        // A failed refresh keeps the list on screen: it is only as old as the last change.
        if (current) {
          setData((data) =>
            data.status === 'ready' ? data : { status: 'failed', message: backgroundErrorMessage(error, 'Your templates could not be loaded.') },
          );
        }
      },
    );
    return () => {
      current = false;
    };
  }, [backend, revision]);

  useEffect(
    () =>
      backend.subscribe((event) => {
        if (event.type === 'templates-changed') setRevision((n) => n + 1);
        if (event.type === 'sync-status') updateSync(setData, event.status);
      }),
    [backend],
  );

  const retry = () => {
    setData({ status: 'loading' });
    setRevision((n) => n + 1);
  };

  return { data, retry, setSync: (sync: SyncStatus) => updateSync(setData, sync) };
}

function updateSync(setData: (update: (data: PopupData) => PopupData) => void, sync: SyncStatus) {
  setData((data) => (data.status === 'ready' ? { ...data, sync } : data));
}
