/** The settings page's requests, which only the extension's own pages may make (see the router). */
import { storedSettings, toSettingsView, validateSettings } from '@/utils/background/credentials/settings';
import { testConnection } from '@/utils/background/credentials/test-connection';
import type { HandlerContext, HandlersOf } from './context';

type SettingsContext = Pick<HandlerContext, 'db' | 'clientFor' | 'settingsChanged' | 'openSettingsPage'>;

export const settingsHandlers: HandlersOf<'getSettings' | 'saveSettings' | 'testConnection' | 'openSettings', SettingsContext> = {
  async getSettings(context) {
    return toSettingsView(await storedSettings.get(context.db));
  },

  async saveSettings(context, input) {
    const validation = validateSettings(input, await storedSettings.get(context.db));
    if (!validation.ok) return validation;
    await storedSettings.set(context.db, validation.settings);
    context.settingsChanged();
    return { ok: true, settings: toSettingsView(validation.settings) };
  },

  async testConnection(context, input) {
    const validation = validateSettings(input, await storedSettings.get(context.db));
    if (!validation.ok) {
      return { ok: false, problem: 'invalid-input', message: 'Some fields need fixing before Dealchat can test them.', fieldErrors: validation.fieldErrors };
    }
    return testConnection(validation.settings, context.clientFor(validation.settings));
  },

  async openSettings(context) {
    await context.openSettingsPage();
    return null;
  },
};
