/** Shared fixtures for the Twilio client tests. */
import type { TwilioAuth, TwilioMessage } from '../../utils/background/twilio/types';

export const ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';
export const AUTH_TOKEN = 'authtoken-5ecret-0123456789abcdef';
export const API_KEY_SID = 'SK0123456789abcdef0123456789abcdef';
export const API_KEY_SECRET = 'apikey-5ecret-fedcba9876543210';

export const TOKEN_AUTH: TwilioAuth = { kind: 'authToken', accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN };
export const KEY_AUTH: TwilioAuth = {
  kind: 'apiKey',
  accountSid: ACCOUNT_SID,
  apiKeySid: API_KEY_SID,
  apiKeySecret: API_KEY_SECRET,
};

export const MESSAGES_URL = `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`;

export function twilioMessage(sid: string, overrides: Partial<TwilioMessage> = {}): TwilioMessage {
  return {
    sid,
    account_sid: ACCOUNT_SID,
    from: 'whatsapp:+14155550100',
    to: 'whatsapp:+46701234567',
    body: `Message ${sid}`,
    status: 'queued',
    direction: 'outbound-api',
    num_media: '0',
    error_code: null,
    error_message: null,
    date_created: 'Thu, 24 Aug 2023 05:01:45 +0000',
    date_sent: null,
    date_updated: 'Thu, 24 Aug 2023 05:01:45 +0000',
    messaging_service_sid: null,
    uri: `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${sid}.json`,
    ...overrides,
  };
}

/** The `user:password` an `Authorization: Basic …` header carries. */
export function decodeBasicAuth(header: string | null): string {
  const encoded = header?.replace(/^Basic /, '') ?? '';
  return new TextDecoder().decode(Uint8Array.from(atob(encoded), (char) => char.charCodeAt(0)));
}
