/**
 * Twilio credentials and preferences. Only the background imports the stored form; UI contexts
 * get a `SettingsView`, which says whether a secret is saved but never carries it.
 */
import { keyValueSlot } from '@/utils/background/store/key-value';
import type { TwilioAuth, TwilioSender } from '@/utils/background/twilio/types';
import { settingsInputSchema, type SettingsInput } from '@/utils/messaging/contract';
import type { SettingsView } from '@/utils/messaging/views';
import { checkSettings, keepsSavedSecret, parseSender, type FieldErrors, type SavedCredentials } from '@/utils/settings/validation';

export interface StoredSettings {
  accountSid: string;
  authMethod: 'apiKey' | 'authToken';
  apiKeySid: string;
  apiKeySecret: string;
  authToken: string;
  /** E.164. */
  whatsappSender: string;
  messagingServiceSid: string;
  /** ISO 3166-1 alpha-2, for CRM numbers written without a country code. */
  defaultCountry: string;
  /** Reads deal, person and organization names for template variables; optional. */
  pipedriveApiToken: string;
}

export const storedSettings = keyValueSlot<StoredSettings | null>('settings/twilio', () => null);

export type SettingsValidation = { ok: true; settings: StoredSettings } | { ok: false; fieldErrors: FieldErrors };

function savedCredentials(saved: StoredSettings | null): SavedCredentials | null {
  return saved && { accountSid: saved.accountSid, hasApiKeySecret: saved.apiKeySecret !== '', hasAuthToken: saved.authToken !== '' };
}

/** Checks the form's values and merges them with what is saved: an empty secret keeps the saved one. */
export function validateSettings(raw: SettingsInput, saved: StoredSettings | null): SettingsValidation {
  const input = settingsInputSchema.parse(raw);
  const fieldErrors = checkSettings(input, savedCredentials(saved));
  const sender = parseSender(input.whatsappSender);
  if (Object.keys(fieldErrors).length > 0 || !sender.ok) return { ok: false, fieldErrors };
  const keepSaved = keepsSavedSecret(input.accountSid, savedCredentials(saved));
  const secret = (entered: string, savedValue: string | undefined) => (entered === '' && keepSaved ? (savedValue ?? '') : entered.trim());
  const apiKey = input.authMethod === 'apiKey';
  return {
    ok: true,
    settings: {
      accountSid: input.accountSid,
      authMethod: input.authMethod,
      apiKeySid: apiKey ? input.apiKeySid : '',
      apiKeySecret: apiKey ? secret(input.apiKeySecret, saved?.apiKeySecret) : '',
      authToken: apiKey ? '' : secret(input.authToken, saved?.authToken),
      whatsappSender: sender.e164,
      messagingServiceSid: input.messagingServiceSid,
      defaultCountry: input.defaultCountry,
      // Not bound to the Twilio account, so an empty field always keeps it.
      pipedriveApiToken: input.pipedriveApiToken.trim() === '' ? (saved?.pipedriveApiToken ?? '') : input.pipedriveApiToken.trim(),
    },
  };
}

export function toSettingsView(settings: StoredSettings | null): SettingsView {
  return {
    configured: settings !== null,
    accountSid: settings?.accountSid ?? '',
    authMethod: settings?.authMethod ?? 'apiKey',
    apiKeySid: settings?.apiKeySid ?? '',
    hasApiKeySecret: (settings?.apiKeySecret ?? '') !== '',
    hasAuthToken: (settings?.authToken ?? '') !== '',
    whatsappSender: settings?.whatsappSender ?? '',
    messagingServiceSid: settings?.messagingServiceSid ?? '',
    defaultCountry: settings?.defaultCountry ?? 'US',
    hasPipedriveToken: (settings?.pipedriveApiToken ?? '') !== '',
  };
}

export function twilioAuthOf(settings: StoredSettings): TwilioAuth {
  return settings.authMethod === 'apiKey'
    ? { kind: 'apiKey', accountSid: settings.accountSid, apiKeySid: settings.apiKeySid, apiKeySecret: settings.apiKeySecret }
    : { kind: 'authToken', accountSid: settings.accountSid, authToken: settings.authToken };
}

export function senderOf(settings: StoredSettings): TwilioSender {
  return settings.messagingServiceSid === ''
    ? { from: settings.whatsappSender }
    : { from: settings.whatsappSender, messagingServiceSid: settings.messagingServiceSid };
}
