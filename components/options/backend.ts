import type { SettingsInput } from '@/utils/messaging/contract';
import type { ConnectionTestResult, SaveSettingsResult, SettingsView } from '@/utils/messaging/views';

/** The background calls the options page makes; a prop so tests and previews can stand in for it. */
export interface OptionsBackend {
  getSettings(): Promise<SettingsView>;
  saveSettings(input: SettingsInput): Promise<SaveSettingsResult>;
  /** Tests the given values without saving them; empty secrets mean "use the saved one". */
  testConnection(input: SettingsInput): Promise<ConnectionTestResult>;
}
