import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { Engine } from '@/utils/background/engine';
import { openDatabase } from '@/utils/background/store/db';
import { isCrmPage } from '@/utils/crm/registry';

export default defineBackground(() => {
  const engine = new Engine({
    db: openDatabase(),
    alarms: browser.alarms,
    openSettingsPage: () => browser.runtime.openOptionsPage(),
    policy: { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/'), isCrmPage },
  });
  // Listeners are registered synchronously so that the events that woke the worker reach them.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void engine.handleMessage(message, sender).then(sendResponse);
    return true; // the answer is sent asynchronously
  });
  browser.runtime.onConnect.addListener((port) => engine.onConnect(port));
  browser.alarms.onAlarm.addListener((alarm) => engine.onAlarm(alarm.name));
  engine.start();
});
