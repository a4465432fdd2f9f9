/**
 * The content script's end of the popup's panel commands. The panel on screen offers to open
 * templates while it can (see TemplateRequests); the popup's questions are answered from that offer.
 */
import type { Browser } from 'wxt/browser';
import type { PanelBackend } from '@/components/panel/backend';
import type { TemplateRequests } from '@/components/panel/templates/templateRequests';
import { parsePanelCommand, type PanelCommand, type PanelCommandResponse } from '@/utils/messaging/panel-commands';
import type { TemplateView } from '@/utils/messaging/views';
import { isSendable } from '@/utils/templates/status';

export type PanelCommandAnswer = PanelCommandResponse<PanelCommand['type']>;

export interface PanelCommandChannel {
  /** For the panel, to take the templates asked for. */
  requests: TemplateRequests;
  /** Tells `listener` before a requested template opens, so whatever hides the panel can show it. */
  onReveal: (listener: () => void) => () => void;
  answer: (command: PanelCommand) => Promise<PanelCommandAnswer>;
}

export function createPanelCommandChannel(backend: Pick<PanelBackend, 'listTemplates'>): PanelCommandChannel {
  let open: ((template: TemplateView) => void) | null = null;
  const revealListeners = new Set<() => void>();

  // The synced list, as the picker will show it: a template the panel could not send is not opened.
  const openTemplate = async (contentSid: string): Promise<boolean> => {
    const templates = await backend.listTemplates().catch(() => []);
    const template = templates.find((candidate) => candidate.sid === contentSid);
    // Checked after the list came: the rep may have left the deal meanwhile.
    if (open === null || template === undefined || !isSendable(template)) return false;
    for (const listener of revealListeners) listener();
    open(template);
    return true;
  };

  return {
    requests: {
      serve(next) {
        open = next;
        return () => {
          if (open === next) open = null;
        };
      },
    },
    onReveal(listener) {
      revealListeners.add(listener);
      return () => revealListeners.delete(listener);
    },
    async answer(command) {
      if (command.type === 'ping') return { hasPanel: open !== null };
      return { opened: await openTemplate(command.contentSid) };
    },
  };
}

type MessageListener = (
  message: unknown,
  sender: Browser.runtime.MessageSender,
  sendResponse: (response: PanelCommandAnswer) => void,
) => true | undefined;

/** The part of `browser.runtime` the listener needs; a parameter so tests can stand in for it. */
export interface MessageRuntime {
  readonly id: string;
  onMessage: {
    addListener(listener: MessageListener): void;
    removeListener(listener: MessageListener): void;
  };
}

/**
 * Answers the panel commands that come from the popup; returns the function that stops. The popup
 * is ours and in no tab: our content scripts in other tabs, other extensions and anything that is
 * not exactly a command get no answer, which leaves the message to other listeners.
 */
export function listenForPanelCommands(runtime: MessageRuntime, answer: PanelCommandChannel['answer']): () => void {
  const listener: MessageListener = (message, sender, sendResponse) => {
    const command = sender.id === runtime.id && sender.tab === undefined ? parsePanelCommand(message) : null;
    if (command === null) return undefined;
    void answer(command).then(sendResponse);
    // Keeps the channel open for the answer: Chrome's own form, which the polyfill honours too.
    return true;
  };
  runtime.onMessage.addListener(listener);
  return () => runtime.onMessage.removeListener(listener);
}
