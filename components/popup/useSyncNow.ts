import { useState } from 'react';
import { backgroundErrorMessage } from '@/components/shared/backgroundErrorMessage';
import type { SyncStatus } from '@/utils/messaging/views';
import type { PopupBackend } from './backend';

/** "Sync now": runs a template sync and hands the resulting status on; a request that fails says why. */
export function useSyncNow(backend: PopupBackend, onStatus: (status: SyncStatus) => void) {
  const [syncing, setSyncing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const syncNow = async () => {
    setSyncing(true);
    setError(null);
    try {
      onStatus(await backend.syncTemplates());
    } catch (failure) {
      setError(backgroundErrorMessage(failure, 'The sync could not be started. Try again in a moment.'));
    } finally {
      setSyncing(false);
    }
  };

  return { syncing, error, syncNow };
}
