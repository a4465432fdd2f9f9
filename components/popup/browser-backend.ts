/** The popup's backend in the extension: requests to the background, messages to the active tab. */
import { browser } from 'wxt/browser';
import { request } from '@/utils/messaging/client';
import { connectLive } from '@/utils/messaging/live';
import type { PanelCommand } from '@/utils/messaging/panel-commands';
import type { PopupBackend } from './backend';

export function createBrowserPopupBackend(): PopupBackend {
  return {
    listTemplates: () => request('listTemplates', {}),
    getSyncStatus: () => request('getSyncStatus', {}),
    syncTemplates: () => request('syncNow', { what: 'templates' }),
    subscribe(onEvent) {
      const connection = connectLive(onEvent);
      return () => connection.close();
    },
    openSettings() {
      void browser.runtime.openOptionsPage();
    },
    async sendToActiveTab(command) {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) throw new Error('There is no active tab to ask.');
      // The panel lives in the page itself, not in frames the page embeds.
      return browser.tabs.sendMessage<PanelCommand, unknown>(tab.id, command, { frameId: 0 });
    },
    closePopup() {
      window.close();
    },
  };
}
