import type { PanelCommand } from '@/utils/messaging/panel-commands';
import type { LiveEvent, SyncStatus, TemplateView } from '@/utils/messaging/views';

/** Everything the popup asks of the extension and the browser; a prop so tests and previews can stand in for it. */
export interface PopupBackend {
  listTemplates(): Promise<TemplateView[]>;
  getSyncStatus(): Promise<SyncStatus>;
  /** Fetches the templates from Twilio now and answers the resulting status. */
  syncTemplates(): Promise<SyncStatus>;
  /** Live updates while the popup is open; returns the unsubscribe function. */
  subscribe(onEvent: (event: LiveEvent) => void): () => void;
  openSettings(): void;
  /** Asks the content script of the tab the popup was opened over; rejects when nothing there answers. */
  sendToActiveTab(command: PanelCommand): Promise<unknown>;
  closePopup(): void;
}
