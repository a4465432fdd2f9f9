/** The panel's backend in a content script: every call is a request to the background. */
import type { PanelBackend } from '@/components/panel/backend';
import { request } from '@/utils/messaging/client';
import type { LiveEvent } from '@/utils/messaging/contract';
import type { LiveConnection } from '@/utils/messaging/live';

type Listener = { contact: string; onEvent: (event: LiveEvent) => void };

export interface PanelBackendHost {
  backend: PanelBackend;
  /** Routes one live event to the panels that asked for it. */
  dispatch: (event: LiveEvent) => void;
  /** Ends live updates for good (the content script is being unloaded). */
  close: () => void;
}

/**
 * The live connection opens with the first panel and closes with the last, so CRM pages without a
 * panel never wake the background.
 */
export function createPanelBackend(connect: () => LiveConnection): PanelBackendHost {
  const listeners = new Set<Listener>();
  let live: LiveConnection | null = null;
  const rewatch = () => {
    const contacts = [...new Set([...listeners].map((listener) => listener.contact))];
    if (contacts.length === 0) {
      live?.close();
      live = null;
      return;
    }
    live ??= connect();
    live.watch(contacts);
  };
  const backend: PanelBackend = {
    getConversation: (contact) => request('getConversation', { contact }),
    checkPhone: (number) => request('checkPhone', { number }),
    async sendText(to, body, mediaUrls, requestId) {
      await request('sendText', { requestId, to, body, mediaUrls });
    },
    async sendTemplate(to, contentSid, variables, requestId) {
      await request('sendTemplate', { requestId, to, contentSid, variables });
    },
    async retrySend(outboxId) {
      await request('retrySend', { outboxId });
    },
    getMedia: (messageSid) => request('getMedia', { messageSid }),
    listTemplates: () => request('listTemplates', {}),
    getVariableMappings: () => request('getVariableMappings', {}),
    async saveVariableMapping(contentSid, mapping) {
      await request('saveVariableMapping', { contentSid, mapping });
    },
    subscribe(contact, onEvent) {
      const listener = { contact, onEvent };
      listeners.add(listener);
      rewatch();
      return () => {
        listeners.delete(listener);
        rewatch();
      };
    },
    openSettings() {
      void request('openSettings', {});
    },
  };
  return {
    backend,
    close: () => {
      listeners.clear();
      rewatch();
    },
    dispatch: (event) => {
      for (const listener of listeners) {
        if (event.type !== 'conversation-changed' || event.contact === listener.contact) listener.onEvent(event);
      }
    },
  };
}
