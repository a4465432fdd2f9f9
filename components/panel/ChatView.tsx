import { useEffect, useRef, useState } from 'react';
import type { ConversationView, DealContext, TemplateView } from '@/utils/messaging/views';
import type { PanelBackend } from './backend';
import { Composer } from './composer/Composer';
import { useSendOnce } from './composer/useSendOnce';
import { TemplatePicker } from './templates/TemplatePicker';
import type { TemplateRequests } from './templates/templateRequests';
import { Thread } from './thread/Thread';
import { useLiveWindow } from './useLiveWindow';
import { WindowStatus } from './WindowStatus';

interface ChatViewProps {
  backend: PanelBackend;
  deal: DealContext;
  contact: string;
  contactName: string;
  conversation: ConversationView;
  refreshError: string | null;
  /** Why the background cannot check Twilio for new messages right now, in the rep's words. */
  syncError: string | null;
  locale: string | undefined;
  requests: TemplateRequests | undefined;
  onRefresh: () => void;
}

/**
 * The open picker. `template` is one asked for from outside the panel, shown instead of the list;
 * each request gets a fresh picker (`key`), whatever the rep was doing in the last one.
 */
interface OpenPicker {
  template: TemplateView | null;
  key: number;
}

/** The window's state, the thread, and the two ways to write: free text and templates. */
export function ChatView(props: ChatViewProps) {
  const { backend, deal, contact, contactName, conversation, refreshError, syncError, locale, requests, onRefresh } = props;
  const window = useLiveWindow(conversation.window);
  const [picker, setPicker] = useState<OpenPicker | null>(null);
  const pickerOpen = picker !== null;
  const pickerRef = useRef<HTMLDivElement>(null);
  const templatesButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(
    () => requests?.serve((template) => setPicker((current) => ({ template, key: (current?.key ?? 0) + 1 }))),
    [requests],
  );

  // A request comes from elsewhere, typically the toolbar popup, while the panel may be scrolled out of sight.
  useEffect(() => {
    if (picker?.template) pickerRef.current?.scrollIntoView({ block: 'nearest' });
  }, [picker]);

  // Runs once the picker is gone and the composer is no longer inert, so the button can take focus.
  useEffect(() => {
    if (pickerOpen || !returnFocus.current) return;
    returnFocus.current = false;
    templatesButton.current?.focus();
  }, [pickerOpen]);

  const closePicker = () => {
    returnFocus.current = true;
    setPicker(null);
  };

  // Apart, so a template sent meanwhile does not make the composer's unsent draft a new message.
  const sendTextOnce = useSendOnce();
  const sendTemplateOnce = useSendOnce();

  const sendText = async (body: string, mediaUrls: string[]) => {
    await sendTextOnce([contact, body, mediaUrls], (requestId) => backend.sendText(contact, body, mediaUrls, requestId));
    onRefresh();
  };

  const sendTemplate = async (template: TemplateView, values: Record<string, string>) => {
    await sendTemplateOnce([contact, template.sid, values], (requestId) => backend.sendTemplate(contact, template.sid, values, requestId));
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
      {syncError && (
        <p className="dc-refresh-error" role="alert">
          New messages may be missing. {syncError}
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
            onOpenTemplates={() => setPicker({ template: null, key: 0 })}
            templatesButtonRef={templatesButton}
          />
        </div>
        {picker && (
          <TemplatePicker
            key={picker.key}
            ref={pickerRef}
            initialTemplate={picker.template}
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
