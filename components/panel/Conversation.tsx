import type { DealContext } from '@/utils/messaging/views';
import type { PanelBackend } from './backend';
import { ChatView } from './ChatView';
import { NotConfigured } from './NotConfigured';
import type { TemplateRequests } from './templates/templateRequests';
import { useConversation } from './useConversation';

interface ConversationProps {
  backend: PanelBackend;
  deal: DealContext;
  contact: string;
  contactName: string;
  locale: string | undefined;
  requests: TemplateRequests | undefined;
}

/** Loads the conversation with one number and shows it, or why it cannot be shown. */
export function Conversation({ backend, deal, contact, contactName, locale, requests }: ConversationProps) {
  const { state, reload, syncError } = useConversation(backend, contact);

  if (state.status === 'loading') {
    return (
      <p className="dc-loading" role="status">
        <span className="dc-spinner" aria-hidden="true" />
        Loading conversation…
      </p>
    );
  }
  if (state.status === 'failed') {
    return (
      <div className="dc-empty" role="alert">
        <p className="dc-empty__title">The conversation could not be loaded</p>
        <p className="dc-empty__text">{state.message}</p>
        <button type="button" className="dc-button dc-button--secondary" onClick={reload}>
          Try again
        </button>
      </div>
    );
  }
  if (!state.value.configured) return <NotConfigured onOpenSettings={() => backend.openSettings()} />;
  return (
    <ChatView
      backend={backend}
      deal={deal}
      contact={contact}
      contactName={contactName}
      conversation={state.value}
      refreshError={state.refreshError}
      syncError={syncError}
      locale={locale}
      requests={requests}
      onRefresh={reload}
    />
  );
}
