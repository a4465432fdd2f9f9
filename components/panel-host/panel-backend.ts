/** The panel's backend in a content script: every call is a request to the background. */
import type { PanelBackend } from '@/components/panel/backend';
import { request } from '@/utils/messaging/client';
import type { LiveConnection } from '@/utils/messaging/live';
import type { ConversationView, LiveEvent } from '@/utils/messaging/views';
import { recentlySeen } from './recently-seen';

type Listener = { contact: string; onEvent: (event: LiveEvent) => void };

/** Threads a rep goes back to within a day; each is at most the background's page of messages. */
const CONVERSATIONS_KEPT = 50;

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
  // Which ask each kept conversation answered: a slow answer must not replace a newer one.
  const conversations = recentlySeen<{ asked: number; view: ConversationView }>(CONVERSATIONS_KEPT);
  let asks = 0;
  const backend: PanelBackend = {
    async getConversation(contact) {
      const asked = ++asks;
      const view = await request('getConversation', { contact });
      if (asked > (conversations.get(contact)?.asked ?? 0)) conversations.set(contact, { asked, view });
      return view;
    },
    lastConversation: (contact) => conversations.get(contact)?.view ?? null,
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
