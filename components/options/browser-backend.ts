/** The options page's backend in the extension: its requests go to the background. */
import { request } from '@/utils/messaging/client';
import type { OptionsBackend } from './backend';

export function createBrowserOptionsBackend(): OptionsBackend {
  return {
    getSettings: () => request('getSettings', {}),
    saveSettings: (input) => request('saveSettings', input),
    testConnection: (input) => request('testConnection', input),
  };
}
