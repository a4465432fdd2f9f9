import type { ConnectionTestResult, SaveSettingsResult, SettingsInput, SettingsView } from '@/utils/messaging/contract';

/** The background calls the options page makes; a prop so tests and previews can stand in for it. */
export interface OptionsBackend {
  getSettings(): Promise<SettingsView>;
  saveSettings(input: SettingsInput): Promise<SaveSettingsResult>;
  /** Tests the given values without saving them; empty secrets mean "use the saved one". */
  testConnection(input: SettingsInput): Promise<ConnectionTestResult>;
}
