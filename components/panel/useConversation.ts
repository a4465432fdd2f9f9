import { useEffect, useState } from 'react';
import { backgroundErrorMessage } from '@/components/shared/backgroundErrorMessage';
import type { ConversationView } from '@/utils/messaging/views';
import type { PanelBackend } from './backend';

export type ConversationState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  /** `refreshError` is set when a later refresh failed: the last good copy stays on screen. */
  | { status: 'ready'; conversation: ConversationView; refreshError: string | null };

interface Loaded {
  contact: string;
  conversation: ConversationView | null;
  error: string | null;
}

/**
 * The conversation with `contact`, fetched again whenever the background says it changed, and why
 * it may be out of date: the background's last failure to check Twilio for messages, if any. A
 * conversation seen before on this page shows at once, until its fetch answers.
 */
export function useConversation(backend: PanelBackend, contact: string) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [revision, setRevision] = useState(0);
  const [syncError, setSyncError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    backend.getConversation(contact).then(
      (conversation) => {
        if (current) setLoaded({ contact, conversation, error: null });
      },
      (error: unknown) => {
        const message = backgroundErrorMessage(error, 'The conversation could not be loaded.');
        if (current) {
          setLoaded((previous) => ({
            contact,
            conversation: sameContact(previous, contact)?.conversation ?? backend.lastConversation(contact),
            error: message,
          }));
        }
      },
    );
    return () => {
      current = false;
    };
  }, [backend, contact, revision]);

  useEffect(
    () =>
      backend.subscribe(contact, (event) => {
        if (event.type === 'conversation-changed' && event.contact === contact) setRevision((n) => n + 1);
        // The background reports after every check, so a problem shows within one poll and clears with the first success.
        if (event.type === 'sync-status') setSyncError(event.status.messagesError);
      }),
    [backend, contact],
  );

  const refresh = () => setRevision((n) => n + 1);
  return { state: toState(sameContact(loaded, contact) ?? seenBefore(backend, contact)), refresh, syncError };
}

function seenBefore(backend: PanelBackend, contact: string): Loaded | null {
  const conversation = backend.lastConversation(contact);
  return conversation === null ? null : { contact, conversation, error: null };
}

// What was loaded for another number (the rep just switched) must not show for this one.
function sameContact(loaded: Loaded | null, contact: string): Loaded | null {
  return loaded?.contact === contact ? loaded : null;
}

function toState(loaded: Loaded | null): ConversationState {
  if (loaded === null) return { status: 'loading' };
  if (loaded.conversation === null) return { status: 'failed', message: loaded.error ?? '' };
  return { status: 'ready', conversation: loaded.conversation, refreshError: loaded.error };
}
