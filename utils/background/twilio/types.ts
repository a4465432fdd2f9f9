/**
 * Wire shapes of the Twilio resources Dealchat reads, named exactly as in Twilio's OpenAPI
 * descriptions (tests/fixtures/twilio-oai). Only the fields we use are listed.
 */

export type TwilioMessageStatus =
  | 'queued'
  | 'sending'
  | 'sent'
  | 'failed'
  | 'delivered'
  | 'undelivered'
  | 'receiving'
  | 'received'
  | 'accepted'
  | 'scheduled'
  | 'read'
  | 'partially_delivered'
  | 'canceled';

export type TwilioMessageDirection = 'inbound' | 'outbound-api' | 'outbound-call' | 'outbound-reply';

export interface TwilioMessage {
  sid: string;
  account_sid: string;
  /** `whatsapp:+14155550100` for WhatsApp traffic. */
  from: string | null;
  to: string | null;
  body: string | null;
  status: TwilioMessageStatus;
  direction: TwilioMessageDirection;
  /** A number serialized as a string, as Twilio does. */
  num_media: string | null;
  error_code: number | null;
  error_message: string | null;
  /** RFC 2822 dates in GMT, e.g. `Thu, 24 Aug 2023 05:01:45 +0000`. */
  date_created: string | null;
  date_sent: string | null;
  date_updated: string | null;
  messaging_service_sid: string | null;
  uri: string | null;
}

export interface TwilioMessagePage {
  messages: TwilioMessage[];
  /** Relative to https://api.twilio.com. */
  next_page_uri: string | null;
  page: number;
  page_size: number;
}

export interface TwilioMedia {
  sid: string;
  content_type: string | null;
  parent_sid: string | null;
  /** Relative to https://api.twilio.com, ends in `.json`; drop it for the binary. */
  uri: string | null;
}

export interface TwilioAccount {
  sid: string;
  friendly_name: string | null;
  status: 'active' | 'suspended' | 'closed' | null;
  type: 'Trial' | 'Full' | null;
}

/** One item of `GET https://content.twilio.com/v1/ContentAndApprovals`. */
export interface TwilioContentAndApprovals {
  sid: string | null;
  friendly_name: string | null;
  language: string | null;
  date_created: string | null;
  date_updated: string | null;
  /** Default values keyed by placeholder: `{"1": "Customer_Name"}`. */
  variables: Record<string, unknown> | null;
  /** Keyed by content type, e.g. `{"twilio/text": {"body": "Hi {{1}}"}}`. */
  types: Record<string, unknown> | null;
  /** Documented as an object without a schema: read defensively. */
  approval_requests: unknown;
}

export interface TwilioContentPage {
  contents: TwilioContentAndApprovals[];
  meta: { next_page_url: string | null; page: number; page_size: number };
}

/** Twilio's error body: `{"code": 20003, "message": "...", "more_info": "...", "status": 401}`. */
export interface TwilioErrorBody {
  code?: number;
  message?: string;
  more_info?: string;
  status?: number;
}

export type TwilioAuth =
  | { kind: 'apiKey'; accountSid: string; apiKeySid: string; apiKeySecret: string }
  | { kind: 'authToken'; accountSid: string; authToken: string };

/** Where a message is sent from: a WhatsApp sender, a Messaging Service, or both. */
export interface TwilioSender {
  /** E.164, without the `whatsapp:` prefix. */
  from: string;
  messagingServiceSid?: string;
}

export type SendMessageContent =
  | { kind: 'text'; body: string; mediaUrls?: string[] }
  | { kind: 'media'; mediaUrls: string[] }
  | { kind: 'template'; contentSid: string; contentVariables: Record<string, string> };

export interface SendMessageRequest {
  /** E.164, without the `whatsapp:` prefix. */
  to: string;
  sender: TwilioSender;
  content: SendMessageContent;
}

export interface ListMessagesFilter {
  /** E.164 or `whatsapp:`-prefixed address; the client adds the prefix when missing. */
  to?: string;
  from?: string;
  /** Sent on or after this day (GMT); Twilio filters by whole days only. */
  sentOnOrAfter?: Date;
  sentOnOrBefore?: Date;
  pageSize?: number;
}

export interface TwilioClient {
  sendMessage(request: SendMessageRequest): Promise<TwilioMessage>;
  fetchMessage(sid: string): Promise<TwilioMessage>;
  /** Yields one page at a time, newest first, following `next_page_uri` until the caller stops. */
  listMessages(filter: ListMessagesFilter): AsyncGenerator<TwilioMessage[], void, undefined>;
  listMedia(messageSid: string): Promise<TwilioMedia[]>;
  fetchMediaContent(media: TwilioMedia): Promise<Blob>;
  /** Yields one page at a time, following `meta.next_page_url`. */
  listContentAndApprovals(pageSize?: number): AsyncGenerator<TwilioContentAndApprovals[], void, undefined>;
  fetchAccount(): Promise<TwilioAccount>;
}
