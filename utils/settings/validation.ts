/**
 * The settings form's rules, shared by the options page (to answer at once) and the background
 * (which never trusts the page). Pure: no storage, no secrets beyond what the form holds.
 */
import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js';
import type { SettingsField, SettingsInput } from '../messaging/contract';
import { settingsInputSchema } from '../messaging/contract';

export type FieldErrors = Partial<Record<SettingsField, string>>;

/** What is already saved, as far as the rules need to know. */
export interface SavedCredentials {
  accountSid: string;
  hasApiKeySecret: boolean;
  hasAuthToken: boolean;
}

const ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;
const API_KEY_SID = /^SK[0-9a-fA-F]{32}$/;
const MESSAGING_SERVICE_SID = /^MG[0-9a-fA-F]{32}$/;
const AUTH_TOKEN = /^[0-9a-fA-F]{32}$/;

/** The sender as E.164, accepting what people paste: spaces, dashes, a `whatsapp:` prefix. */
export function normaliseSender(raw: string): string | null {
  const parsed = parsePhoneNumberFromString(raw.replace(/^whatsapp:/i, '').trim());
  return parsed?.isValid() ? parsed.number : null;
}

/** Whether an empty secret field may keep the saved one: a secret belongs to one account. */
export function keepsSavedSecret(accountSid: string, saved: SavedCredentials | null): boolean {
  return saved !== null && saved.accountSid === accountSid.trim();
}

export function checkSettings(raw: SettingsInput, saved: SavedCredentials | null): FieldErrors {
  const input = settingsInputSchema.parse(raw);
  const errors: FieldErrors = {};
  const keepSaved = keepsSavedSecret(input.accountSid, saved);
  if (!ACCOUNT_SID.test(input.accountSid)) {
    errors.accountSid = 'An Account SID starts with AC followed by 32 letters and digits. Copy it from the Twilio Console home page.';
  }
  if (input.authMethod === 'apiKey') {
    if (!API_KEY_SID.test(input.apiKeySid)) {
      errors.apiKeySid = 'An API Key SID starts with SK followed by 32 letters and digits.';
    }
    if (input.apiKeySecret === '' && !(keepSaved && saved?.hasApiKeySecret === true)) {
      errors.apiKeySecret = saved?.hasApiKeySecret && !keepSaved ? 'Enter the API Key Secret for this account.' : 'Enter the API Key Secret.';
    } else if (/\s/.test(input.apiKeySecret)) {
      errors.apiKeySecret = 'An API Key Secret has no spaces. Copy it again from where you saved it.';
    }
  } else if (input.authToken === '' && !(keepSaved && saved?.hasAuthToken === true)) {
    errors.authToken = saved?.hasAuthToken && !keepSaved ? 'Enter the Auth Token for this account.' : 'Enter the Auth Token from the Twilio Console home page.';
  } else if (input.authToken !== '' && !AUTH_TOKEN.test(input.authToken)) {
    errors.authToken = 'An Auth Token is 32 letters and digits. Copy it again from the Twilio Console home page.';
  }
  if (normaliseSender(input.whatsappSender) === null) {
    errors.whatsappSender = 'Enter the WhatsApp sender number with its country code, like +14155550100.';
  }
  if (input.messagingServiceSid !== '' && !MESSAGING_SERVICE_SID.test(input.messagingServiceSid)) {
    errors.messagingServiceSid = 'A Messaging Service SID starts with MG followed by 32 letters and digits. Leave it empty if you do not use one.';
  }
  if (!isSupportedCountry(input.defaultCountry)) {
    errors.defaultCountry = 'Choose the country your CRM’s numbers are in when they have no country code.';
  }
  return errors;
}
