/** Message and Media resources, their v2010 JSON, and how an outbound message's status moves on. */
import type { TwilioMessageDirection, TwilioMessageStatus } from '../../../utils/background/twilio/types';
import { API_VERSION, rfc2822 } from './wire';

export interface StoredMedia {
  sid: string;
  contentType: string;
  bytes: Uint8Array<ArrayBuffer>;
  createdAt: number;
}

export interface DeliveryFailure {
  code: number;
  message: string;
}

export interface StoredMessage {
  sid: string;
  /** Creation order, to break ties between messages created in the same millisecond. */
  ordinal: number;
  from: string | null;
  to: string;
  body: string;
  direction: TwilioMessageDirection;
  status: TwilioMessageStatus;
  messagingServiceSid: string | null;
  error: DeliveryFailure | null;
  /** Decided when sent and revealed on the next status step: WhatsApp reports most failures late. */
  pendingFailure: DeliveryFailure | null;
  createdAt: number;
  updatedAt: number;
  media: StoredMedia[];
}

/** `api.v2010.account.message`, as Twilio serializes it. */
export interface MessageResource {
  account_sid: string;
  api_version: string;
  body: string;
  date_created: string;
  date_sent: string;
  date_updated: string;
  direction: TwilioMessageDirection;
  error_code: number | null;
  error_message: string | null;
  from: string | null;
  messaging_service_sid: string | null;
  num_media: string;
  num_segments: string;
  price: string | null;
  price_unit: string | null;
  sid: string;
  status: TwilioMessageStatus;
  subresource_uris: { media: string };
  to: string;
  uri: string;
}

/** `api.v2010.account.message.media`. */
export interface MediaResource {
  account_sid: string;
  content_type: string;
  date_created: string;
  date_updated: string;
  parent_sid: string;
  sid: string;
  uri: string;
}

function messagePath(accountSid: string, messageSid: string): string {
  return `/${API_VERSION}/Accounts/${accountSid}/Messages/${messageSid}`;
}

export function messageResource(message: StoredMessage, accountSid: string): MessageResource {
  const path = messagePath(accountSid, message.sid);
  return {
    account_sid: accountSid,
    api_version: API_VERSION,
    body: message.body,
    date_created: rfc2822(message.createdAt),
    date_sent: rfc2822(message.createdAt),
    date_updated: rfc2822(message.updatedAt),
    direction: message.direction,
    error_code: message.error?.code ?? null,
    error_message: message.error?.message ?? null,
    from: message.from,
    messaging_service_sid: message.messagingServiceSid,
    num_media: String(message.media.length),
    num_segments: '1',
    price: null,
    price_unit: 'USD',
    sid: message.sid,
    status: message.status,
    subresource_uris: { media: `${path}/Media.json` },
    to: message.to,
    uri: `${path}.json`,
  };
}

export function mediaResource(message: StoredMessage, media: StoredMedia, accountSid: string): MediaResource {
  return {
    account_sid: accountSid,
    content_type: media.contentType,
    date_created: rfc2822(media.createdAt),
    date_updated: rfc2822(media.createdAt),
    parent_sid: message.sid,
    sid: media.sid,
    uri: `${messagePath(accountSid, message.sid)}/Media/${media.sid}.json`,
  };
}

/** Newest first, as Twilio lists messages. */
export function newestFirst(a: StoredMessage, b: StoredMessage): number {
  return b.createdAt - a.createdAt || b.ordinal - a.ordinal;
}

const NEXT_STATUS: Partial<Record<TwilioMessageStatus, TwilioMessageStatus>> = {
  accepted: 'queued',
  queued: 'sent',
  sent: 'delivered',
  delivered: 'read',
};

/**
 * Moves an outbound message one step along accepted → queued → sent → delivered → read, or to
 * `failed` when its send was doomed. `poolSender` is who a Messaging Service picks to send from.
 */
export function stepStatus(message: StoredMessage, now: number, poolSender: string | null): void {
  if (message.direction === 'inbound') return;
  if (message.status === 'queued' && message.pendingFailure) {
    message.status = 'failed';
    message.error = message.pendingFailure;
    message.pendingFailure = null;
    message.updatedAt = now;
    return;
  }
  const next = NEXT_STATUS[message.status];
  if (!next) return;
  message.from ??= poolSender;
  message.status = next;
  message.updatedAt = now;
}
