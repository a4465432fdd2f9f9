import { useEffect, useRef, useState } from 'react';
import type { ConversationView, TemplateView } from '@/utils/messaging/contract';
import type { DealContext } from '@/utils/whatsapp/template-variables';
import type { PanelBackend } from './backend';
import { Composer } from './Composer';
import { TemplatePicker } from './TemplatePicker';
import { Thread } from './Thread';
import { useLiveWindow } from './useLiveWindow';
import { WindowStatus } from './WindowStatus';

interface ChatViewProps {
  backend: PanelBackend;
  deal: DealContext;
  contact: string;
  contactName: string;
  conversation: ConversationView;
  refreshError: string | null;
  locale: string | undefined;
  onRefresh: () => void;
}

/** The window's state, the thread, and the two ways to write: free text and templates. */
export function ChatView(props: ChatViewProps) {
  const { backend, deal, contact, contactName, conversation, refreshError, locale, onRefresh } = props;
  const window = useLiveWindow(conversation.window);
  const [pickerOpen, setPickerOpen] = useState(false);
  const templatesButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  // Runs once the picker is gone and the composer is no longer inert, so the button can take focus.
  useEffect(() => {
    if (pickerOpen || !returnFocus.current) return;
    returnFocus.current = false;
    templatesButton.current?.focus();
  }, [pickerOpen]);

  const closePicker = () => {
    returnFocus.current = true;
    setPickerOpen(false);
  };

  const sendText = async (body: string, mediaUrls: string[]) => {
    await backend.sendText(contact, body, mediaUrls);
    onRefresh();
  };

  const sendTemplate = async (template: TemplateView, values: Record<string, string>) => {
    await backend.sendTemplate(contact, template.sid, values);
    onRefresh();
    closePicker();
  };

  const retry = async (outboxId: string) => {
    await backend.retrySend(outboxId);
    onRefresh();
  };

  return (
    <>
      <WindowStatus window={window} />
      {refreshError && (
        <p className="dc-refresh-error" role="alert">
          {refreshError} Showing what was loaded before.
        </p>
      )}
      <div className="dc-body">
        <div className="dc-chat" inert={pickerOpen}>
          <Thread
            messages={conversation.messages}
            contactName={contactName}
            now={window.now}
            locale={locale}
            onRetry={retry}
            loadMedia={(messageSid) => backend.getMedia(messageSid)}
          />
          <Composer
            windowOpen={window.open}
            neverOpened={window.reason === 'never-opened'}
            contactName={contactName}
            onSend={sendText}
            onOpenTemplates={() => setPickerOpen(true)}
            templatesButtonRef={templatesButton}
          />
        </div>
        {pickerOpen && (
          <TemplatePicker
            backend={backend}
            deal={deal}
            contact={contact}
            locale={locale}
            onSend={sendTemplate}
            onClose={closePicker}
          />
        )}
      </div>
    </>
  );
}
