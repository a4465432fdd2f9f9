import { useCallback, useEffect, useState } from 'react';
import { useLoad } from '@/components/shared/useLoad';
import type { ConversationView } from '@/utils/messaging/views';
import type { PanelBackend } from './backend';

/**
 * The conversation with `contact`, fetched again whenever the background says it changed, and why
 * it may be out of date: the background's last failure to check Twilio for messages, if any. A
 * conversation seen before on this page shows at once, until its fetch answers; a failed fetch
 * keeps the last copy on screen (`refreshError`).
 */
export function useConversation(backend: PanelBackend, contact: string) {
  const [syncError, setSyncError] = useState<string | null>(null);
  const load = useCallback(() => backend.getConversation(contact), [backend, contact]);
  const keep = useCallback((last: ConversationView | null) => last ?? backend.lastConversation(contact), [backend, contact]);
  const { state, reload } = useLoad(load, 'The conversation could not be loaded.', keep);

  useEffect(
    () =>
      backend.subscribe(contact, (event) => {
        if (event.type === 'conversation-changed' && event.contact === contact) reload();
        // The background reports after every check, so a problem shows within one poll and clears with the first success.
        if (event.type === 'sync-status') setSyncError(event.status.messagesError);
      }),
    [backend, contact, reload],
  );

  return { state, reload, syncError };
}
