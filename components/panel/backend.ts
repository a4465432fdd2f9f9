import type { DealField } from '@/utils/messaging/constants';
import type { ConversationView, LiveEvent, MediaItem, PhoneCheck, TemplateView } from '@/utils/messaging/views';

/** Everything the deal-page panel asks of the background; a prop so tests and previews can stand in for it. */
export interface PanelBackend {
  getConversation(contact: string): Promise<ConversationView>;
  /** The conversation as `getConversation` last answered on this page, to show while it is asked again; null if never. */
  lastConversation(contact: string): ConversationView | null;
  /** Reads a number the rep typed; the background holds the phone metadata and the default country. */
  checkPhone(number: string): Promise<PhoneCheck>;
  /** `requestId` names the send: asking again with it never sends twice (see useSendOnce). */
  sendText(to: string, body: string, mediaUrls: string[], requestId: string): Promise<void>;
  sendTemplate(to: string, contentSid: string, variables: Record<string, string>, requestId: string): Promise<void>;
  retrySend(outboxId: string): Promise<void>;
  /** A message's files at Twilio, which only the background may fetch. */
  getMedia(messageSid: string): Promise<MediaItem[]>;
  listTemplates(): Promise<TemplateView[]>;
  /** contentSid → placeholder → the deal field the rep chose for it. */
  getVariableMappings(): Promise<Record<string, Record<string, DealField>>>;
  saveVariableMapping(contentSid: string, mapping: Record<string, DealField>): Promise<void>;
  /** Live updates while the panel is open; returns the unsubscribe function. */
  subscribe(contact: string, onEvent: (event: LiveEvent) => void): () => void;
  openSettings(): void;
}
