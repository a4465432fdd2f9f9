import { toTwilioDay } from './dates';
import { TwilioProtocolError } from './errors';
import type { ListMessagesFilter, SendMessageRequest, TwilioAuth } from './types';

export const API_ORIGIN = 'https://api.twilio.com';
export const CONTENT_ORIGIN = 'https://content.twilio.com';

const WHATSAPP_PREFIX = 'whatsapp:';

/** HTTP Basic credentials: an API key acts for the account; the account SID still goes in every path. */
export function authorizationHeader(auth: TwilioAuth): string {
  const [user, password] =
    auth.kind === 'apiKey' ? [auth.apiKeySid, auth.apiKeySecret] : [auth.accountSid, auth.authToken];
  // btoa takes Latin-1 only; encoding UTF-8 bytes first keeps any pasted secret from throwing.
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

export function whatsappAddress(address: string): string {
  const trimmed = address.trim();
  return trimmed.startsWith(WHATSAPP_PREFIX) ? trimmed : `${WHATSAPP_PREFIX}${trimmed}`;
}

/** The form body of `POST /Messages.json`. */
export function sendMessageForm({ to, sender, content }: SendMessageRequest): URLSearchParams {
  const form = new URLSearchParams({ To: whatsappAddress(to) });
  if (sender.from.trim() !== '') form.append('From', whatsappAddress(sender.from));
  if (sender.messagingServiceSid) form.append('MessagingServiceSid', sender.messagingServiceSid);
  switch (content.kind) {
    case 'text':
      if (content.body !== '') form.append('Body', content.body);
      for (const url of content.mediaUrls ?? []) form.append('MediaUrl', url);
      break;
    case 'media':
      for (const url of content.mediaUrls) form.append('MediaUrl', url);
      break;
    case 'template':
      form.append('ContentSid', content.contentSid);
      form.append('ContentVariables', JSON.stringify(content.contentVariables));
      break;
  }
  return form;
}

/** The query of `GET /Messages.json`. Twilio filters by whole GMT days, so callers must expect extra messages. */
export function listMessagesQuery(filter: ListMessagesFilter): URLSearchParams {
  const query = new URLSearchParams();
  if (filter.to) query.append('To', whatsappAddress(filter.to));
  if (filter.from) query.append('From', whatsappAddress(filter.from));
  if (filter.sentOnOrAfter) query.append('DateSent>', toTwilioDay(filter.sentOnOrAfter));
  if (filter.sentOnOrBefore) query.append('DateSent<', toTwilioDay(filter.sentOnOrBefore));
  if (filter.pageSize !== undefined) query.append('PageSize', String(filter.pageSize));
  return query;
}

/**
 * An api.twilio.com URL from a path Twilio returned (`next_page_uri`, a media `uri`). The credentials go along,
 * so anything but an absolute path (`@evil.example/…` would change the host) is refused rather than followed.
 */
export function apiUrl(path: string): string {
  return ensureOrigin(path.startsWith('/') ? `${API_ORIGIN}${path}` : '', API_ORIGIN);
}

/** An absolute URL Twilio returned (`meta.next_page_url`), refused unless it stays on the expected host. */
export function ensureOrigin(url: string, origin: string): string {
  if (!URL.canParse(url) || new URL(url).origin !== origin) {
    throw new TwilioProtocolError(`Twilio pointed to an address outside ${origin}; it was not followed.`);
  }
  return url;
}
