import type { SettingsInput } from '@/utils/messaging/contract';
import type { SettingsView } from '@/utils/messaging/views';
import { FIELD_ORDER, parseSender, type SettingsValues } from '@/utils/settings/validation';

export type AuthMethod = SettingsView['authMethod'];

/** What the inputs hold, as typed: nothing is trimmed or normalised until it is sent. */
export type FormValues = SettingsValues;

export function valuesFromView(view: SettingsView, fallbackCountry: string): FormValues {
  return {
    accountSid: view.accountSid,
    authMethod: view.authMethod,
    apiKeySid: view.apiKeySid,
    apiKeySecret: '',
    authToken: '',
    whatsappSender: view.whatsappSender,
    messagingServiceSid: view.messagingServiceSid,
    defaultCountry: view.defaultCountry || fallbackCountry,
    pipedriveApiToken: '',
  };
}

export function sameValues(a: FormValues, b: FormValues): boolean {
  return FIELD_ORDER.every((field) => a[field] === b[field]);
}

/**
 * What the background receives. The hidden method's secret is sent empty ("keep what is saved") so a
 * token typed and then abandoned by switching methods is never stored.
 */
export function toSettingsInput(values: FormValues): SettingsInput {
  const sender = parseSender(values.whatsappSender);
  const usesApiKey = values.authMethod === 'apiKey';
  return {
    accountSid: values.accountSid.trim(),
    authMethod: values.authMethod,
    apiKeySid: values.apiKeySid.trim(),
    apiKeySecret: usesApiKey ? values.apiKeySecret.trim() : '',
    authToken: usesApiKey ? '' : values.authToken.trim(),
    whatsappSender: sender.ok ? sender.e164 : values.whatsappSender.trim(),
    messagingServiceSid: values.messagingServiceSid.trim(),
    defaultCountry: values.defaultCountry,
    pipedriveApiToken: values.pipedriveApiToken.trim(),
  };
}

