/**
 * The settings form's rules, shared by the options page (to answer at once, field by field) and
 * the background (which never trusts the page). Pure: no storage, no secrets beyond the form's.
 */
import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js';
import type { SettingsField } from '@/utils/messaging/contract';
import type { SettingsView } from '@/utils/messaging/views';

export type FieldErrors = Partial<Record<SettingsField, string>>;

/** Every field as the form holds it; secrets empty mean "keep what is saved". */
export type SettingsValues = Record<Exclude<SettingsField, 'authMethod'>, string> & { authMethod: SettingsView['authMethod'] };

/** What is already saved, as far as the rules need to know. */
export type SavedCredentials = Pick<SettingsView, 'accountSid' | 'hasApiKeySecret' | 'hasAuthToken'>;

/** Page order, so "the first invalid field" is the one the user meets first. */
export const FIELD_ORDER: readonly SettingsField[] = [
  'accountSid',
  'authMethod',
  'apiKeySid',
  'apiKeySecret',
  'authToken',
  'whatsappSender',
  'messagingServiceSid',
  'defaultCountry',
  'pipedriveApiToken',
];

const ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;
const API_KEY_SID = /^SK[0-9a-fA-F]{32}$/;
const MESSAGING_SERVICE_SID = /^MG[0-9a-fA-F]{32}$/;
const AUTH_TOKEN = /^[0-9a-fA-F]{32}$/;
const PIPEDRIVE_TOKEN = /^[0-9a-fA-F]{40}$/;

export const MESSAGES = {
  accountSidMissing: 'Enter your Account SID.',
  accountSidFormat: 'Account SIDs start with AC followed by 32 letters and digits — copy it from the Twilio Console.',
  apiKeySidMissing: 'Enter the API Key SID.',
  apiKeySidFormat: 'API Key SIDs start with SK followed by 32 letters and digits — copy it from Account → API keys & tokens.',
  apiKeySecretMissing: 'Enter the API Key Secret.',
  apiKeySecretOtherAccount: 'Enter the API Key Secret again: the saved one belongs to another account.',
  apiKeySecretSpaces: 'An API Key Secret has no spaces — copy it again from where you saved it.',
  authTokenMissing: 'Enter the Auth Token.',
  authTokenOtherAccount: 'Enter the Auth Token again: the saved one belongs to another account.',
  authTokenFormat: 'An Auth Token is 32 letters and digits — copy it again from the Twilio Console home page.',
  senderMissing: 'Enter the WhatsApp number you send from.',
  senderNoCountryCode: 'Include the country code, starting with + (for example +14155238886).',
  senderInvalid: 'This is not a complete phone number — check the digits (for example +14155238886).',
  messagingServiceSidFormat: 'Messaging Service SIDs start with MG followed by 32 letters and digits. Leave it empty if you do not use one.',
  defaultCountryMissing: 'Choose a country.',
  pipedriveTokenFormat: 'A Pipedrive API token is 40 letters and digits — copy it from Personal preferences → API in Pipedrive.',
} as const;

export type SenderParse = { ok: true; e164: string } | { ok: false; reason: 'empty' | 'no-country-code' | 'invalid' };

const SENDER_MESSAGES = {
  empty: MESSAGES.senderMissing,
  'no-country-code': MESSAGES.senderNoCountryCode,
  invalid: MESSAGES.senderInvalid,
} as const;

/**
 * Accepts the number however it was pasted: with spaces or dashes, or in Twilio's own
 * `whatsapp:+…` address form, which is how the Console lists senders.
 */
export function parseSender(raw: string): SenderParse {
  const text = raw.trim().replace(/^whatsapp:/i, '').trim();
  if (text === '') return { ok: false, reason: 'empty' };
  // Without a leading + the number is ambiguous, and guessing the sender's country is riskier than asking.
  if (!text.startsWith('+')) return { ok: false, reason: 'no-country-code' };
  const phone = parsePhoneNumberFromString(text);
  // isPossible (length per country) rather than isValid (number ranges): a range newer than the bundled
  // metadata must not lock anyone out, and the connection test catches a wrong number anyway.
  if (!phone?.isPossible()) return { ok: false, reason: 'invalid' };
  return { ok: true, e164: phone.number };
}

/** Fields the chosen sign-in method hides; they are neither validated nor expected to carry errors. */
export function hiddenFields(method: SettingsValues['authMethod']): ReadonlySet<SettingsField> {
  return new Set(method === 'apiKey' ? ['authToken'] : ['apiKeySid', 'apiKeySecret']);
}

/** Whether an empty secret field keeps the saved one: a secret belongs to one account. */
export function keepsSavedSecret(accountSid: string, saved: SavedCredentials | null): boolean {
  return saved !== null && saved.accountSid !== '' && saved.accountSid === accountSid.trim();
}

function sidError(value: string, pattern: RegExp, missing: string, format: string): string | undefined {
  if (value === '') return missing;
  return pattern.test(value) ? undefined : format;
}

function secretError(
  value: string,
  hasSaved: boolean,
  sameAccount: boolean,
  messages: { missing: string; otherAccount: string },
): string | undefined {
  if (value !== '' || (hasSaved && sameAccount)) return undefined;
  return hasSaved ? messages.otherAccount : messages.missing;
}

/** The message for one field, or undefined when it is fine. Hidden fields are always fine. */
export function fieldError(field: SettingsField, values: SettingsValues, saved: SavedCredentials | null): string | undefined {
  if (hiddenFields(values.authMethod).has(field)) return undefined;
  const value = values[field].trim();
  const sameAccount = keepsSavedSecret(values.accountSid, saved);
  switch (field) {
    case 'accountSid':
      return sidError(value, ACCOUNT_SID, MESSAGES.accountSidMissing, MESSAGES.accountSidFormat);
    case 'authMethod':
      return undefined;
    case 'apiKeySid':
      return sidError(value, API_KEY_SID, MESSAGES.apiKeySidMissing, MESSAGES.apiKeySidFormat);
    case 'apiKeySecret':
      if (/\s/.test(value)) return MESSAGES.apiKeySecretSpaces;
      return secretError(value, saved?.hasApiKeySecret ?? false, sameAccount, {
        missing: MESSAGES.apiKeySecretMissing,
        otherAccount: MESSAGES.apiKeySecretOtherAccount,
      });
    case 'authToken':
      if (value !== '' && !AUTH_TOKEN.test(value)) return MESSAGES.authTokenFormat;
      return secretError(value, saved?.hasAuthToken ?? false, sameAccount, {
        missing: MESSAGES.authTokenMissing,
        otherAccount: MESSAGES.authTokenOtherAccount,
      });
    case 'whatsappSender': {
      const parsed = parseSender(value);
      return parsed.ok ? undefined : SENDER_MESSAGES[parsed.reason];
    }
    case 'messagingServiceSid':
      return value === '' || MESSAGING_SERVICE_SID.test(value) ? undefined : MESSAGES.messagingServiceSidFormat;
    case 'defaultCountry':
      return isSupportedCountry(value.toUpperCase()) ? undefined : MESSAGES.defaultCountryMissing;
    case 'pipedriveApiToken':
      return value === '' || PIPEDRIVE_TOKEN.test(value) ? undefined : MESSAGES.pipedriveTokenFormat;
  }
}

export function checkSettings(values: SettingsValues, saved: SavedCredentials | null): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of FIELD_ORDER) {
    const message = fieldError(field, values, saved);
    if (message !== undefined) errors[field] = message;
  }
  return errors;
}

export function firstInvalidField(errors: FieldErrors): SettingsField | undefined {
  return FIELD_ORDER.find((field) => errors[field] !== undefined);
}
