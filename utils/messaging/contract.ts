/**
 * The one contract between the UI contexts (deal-page content script, popup, options page) and the
 * background. Requests travel over `runtime.sendMessage`; live updates over a long-lived port.
 * The background parses every request with these schemas and refuses anything else.
 */
import { z } from 'zod';

import { CHANNEL, CONTENT_SID_PATTERN, DEAL_FIELDS, MAX_BODY_LENGTH, MAX_VARIABLE_LENGTH, type DealField } from './constants';

export { CHANNEL, DEAL_FIELDS, LIVE_PORT_NAME, MAX_BODY_LENGTH, MAX_VARIABLE_LENGTH, type DealField } from './constants';

// zod would otherwise probe `new Function` for a faster parser: the extension's content security
// policy refuses it, which costs a caught EvalError and a reported violation at every worker start.
z.config({ jitless: true });

const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'Phone numbers must be in E.164 form, like +46701234567.');
const contentSid = z.string().regex(CONTENT_SID_PATTERN);

const pageText = z.string().max(500).nullable();

/**
 * Names one send, chosen by the page for each message the rep sends: the background records the send
 * under it, so asking again with it (after the worker died before answering) cannot send twice.
 */
const requestId = z.uuid('A send must carry the request id its page made for it.');


export const settingsInputSchema = z
  .object({
    accountSid: z.string().trim(),
    authMethod: z.enum(['apiKey', 'authToken']),
    apiKeySid: z.string().trim().default(''),
    /** Empty means "keep the saved secret". */
    apiKeySecret: z.string().default(''),
    /** Empty means "keep the saved token". */
    authToken: z.string().default(''),
    whatsappSender: z.string().trim(),
    messagingServiceSid: z.string().trim().default(''),
    defaultCountry: z.string().trim().toUpperCase(),
    /** Empty means "keep the saved token" (or none). */
    pipedriveApiToken: z.string().default(''),
  })
  .strict();
export type SettingsInput = z.input<typeof settingsInputSchema>;

const requestSchemas = {
  getSettings: z.object({}).strict(),
  saveSettings: settingsInputSchema,
  testConnection: settingsInputSchema,
  getConversation: z.object({ contact: e164 }).strict(),
  sendText: z
    .object({
      requestId,
      to: e164,
      body: z.string().max(MAX_BODY_LENGTH),
      mediaUrls: z.array(z.url({ protocol: /^https$/ })).max(10).default([]),
    })
    .strict()
    .refine((r) => r.body.trim() !== '' || r.mediaUrls.length > 0, 'A message needs text or a media link.'),
  sendTemplate: z
    .object({
      requestId,
      to: e164,
      contentSid,
      variables: z.record(z.string().regex(/^[\w.-]{1,64}$/), z.string().max(MAX_VARIABLE_LENGTH)),
    })
    .strict(),
  retrySend: z.object({ outboxId: z.string().min(1).max(64) }).strict(),
  getMedia: z.object({ messageSid: z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/) }).strict(),
  listTemplates: z.object({}).strict(),
  getDealContext: z
    .object({
      dealId: z.string().regex(/^\d{1,18}$/),
      /** What the deal page shows: used when there is no CRM token, or the CRM cannot be reached. */
      page: z
        .object({
          title: pageText,
          personName: pageText,
          organizationName: pageText,
          rawPhones: z
            .array(z.object({ value: z.string().max(64), label: z.string().max(64).nullable(), primary: z.boolean() }).strict())
            .max(20),
        })
        .strict(),
    })
    .strict(),
  /** A number the rep typed: the background reads it as it reads the CRM's, with the rep's default country. */
  checkPhone: z.object({ number: z.string().max(64, 'That is too long for a phone number.') }).strict(),
  getVariableMappings: z.object({}).strict(),
  openSettings: z.object({}).strict(),
  saveVariableMapping: z
    .object({ contentSid, mapping: z.record(z.string().regex(/^[\w.-]{1,64}$/), z.enum(DEAL_FIELDS)) })
    .strict(),
  syncNow: z.object({ what: z.enum(['all', 'messages', 'templates']).default('all') }).strict(),
  getSyncStatus: z.object({}).strict(),
} as const;

export type RequestType = keyof typeof requestSchemas;
export type RequestPayload<T extends RequestType> = z.input<(typeof requestSchemas)[T]>;
export type ParsedRequest<T extends RequestType> = z.output<(typeof requestSchemas)[T]>;

/** Requests only the extension's own pages may make: they touch credentials. */
export const EXTENSION_PAGE_ONLY: ReadonlySet<RequestType> = new Set(['getSettings', 'saveSettings', 'testConnection']);

// ---- Responses -------------------------------------------------------------------------------

export interface SettingsView {
  configured: boolean;
  accountSid: string;
  authMethod: 'apiKey' | 'authToken';
  apiKeySid: string;
  /** Whether a secret is saved; the secret itself never leaves the background. */
  hasApiKeySecret: boolean;
  hasAuthToken: boolean;
  whatsappSender: string;
  messagingServiceSid: string;
  defaultCountry: string;
  hasPipedriveToken: boolean;
}

export type SettingsField = keyof z.output<typeof settingsInputSchema>;

export type SaveSettingsResult =
  | { ok: true; settings: SettingsView }
  | { ok: false; fieldErrors: Partial<Record<SettingsField, string>> };

export type ConnectionProblem = 'invalid-input' | 'credentials-rejected' | 'network' | 'account-inactive' | 'twilio-error';

export type ConnectionTestResult =
  | { ok: true; accountName: string; accountType: string; templateCount: number; notes: string[] }
  | {
      ok: false;
      problem: ConnectionProblem;
      /** A sentence for the user: what is wrong and what to do. */
      message: string;
      fieldErrors?: Partial<Record<SettingsField, string>>;
    };

export interface MediaItem {
  sid: string;
  contentType: string;
  /** A `data:` URL, so the page never needs Twilio's credentials. Null when too large to show. */
  dataUrl: string | null;
}

export interface ErrorExplanation {
  code: number | null;
  /** What happened, in plain words. */
  summary: string;
  /** What the rep can do about it. */
  action: string;
}

export type MessageState = 'pending' | 'queued' | 'sent' | 'delivered' | 'read' | 'failed' | 'received';

export interface MessageView {
  /** Twilio sid once known, otherwise the outbox id. */
  id: string;
  sid: string | null;
  outboxId: string | null;
  direction: 'inbound' | 'outbound';
  body: string;
  /** Files attached at Twilio; fetch them with `getMedia`. */
  mediaCount: number;
  /** Media links the rep attached to an outbound message. */
  mediaUrls: string[];
  state: MessageState;
  /** Epoch ms: when it was sent or received (creation time while pending). */
  at: number;
  error: ErrorExplanation | null;
  /** Only failed sends from this extension can be retried. */
  retryable: boolean;
  templateName: string | null;
}

export type WindowReason = 'open' | 'never-opened' | 'expired' | 'closed-by-twilio';

export interface WindowView {
  open: boolean;
  /** Epoch ms (Twilio's clock corrected to the local one) when it closes or closed; null if never open. */
  closesAt: number | null;
  reason: WindowReason;
}

export interface ConversationView {
  contact: string;
  messages: MessageView[];
  window: WindowView;
  configured: boolean;
}

export type ApprovalStatus =
  | 'approved'
  | 'pending'
  | 'received'
  | 'rejected'
  | 'paused'
  | 'disabled'
  | 'unsubmitted'
  | 'unknown';

export interface TemplateView {
  sid: string;
  friendlyName: string;
  language: string;
  category: string | null;
  approvalStatus: ApprovalStatus;
  rejectionReason: string | null;
  /** Content types it defines, e.g. `twilio/text`, `twilio/quick-reply`. */
  types: string[];
  /** The text the recipient reads, with `{{placeholders}}`. */
  body: string;
  /** Placeholder keys in order of first appearance, e.g. `["1", "2"]`. */
  variables: string[];
  /** Sample values Twilio keeps per placeholder. */
  sampleValues: Record<string, string>;
  /** Everything else of the richer types (buttons, list items, media), for previews. */
  details: Record<string, unknown>;
  updatedAt: number;
}

export interface PhoneOption {
  /** As the CRM has it. */
  raw: string;
  /** Null when not a valid number: shown, never offered for WhatsApp. */
  e164: string | null;
  /** How to show it: spaced the way people read numbers (+46 70 123 45 67) when valid, else as the CRM has it. */
  display: string;
  label: string | null;
  primary: boolean;
}

export interface DealContext {
  dealId: string;
  title: string | null;
  value: number | null;
  currency: string | null;
  organizationName: string | null;
  ownerName: string | null;
  person: { name: string | null; firstName: string | null; lastName: string | null } | null;
  /** Best first: primary, then mobile, then the rest; invalid ones last. */
  phones: PhoneOption[];
  source: 'api' | 'page';
  /** Set when the CRM could not be asked and the page's data is shown instead. */
  notice: string | null;
}

/** A number the rep typed, ready to use, or what is wrong with it in a sentence for the rep. */
export type PhoneCheck = { ok: true; e164: string; display: string } | { ok: false; message: string };

/** Per template (content sid), per variable: which deal field fills it. */
export type VariableMappings = Record<string, Record<string, DealField>>;

export interface SyncStatus {
  configured: boolean;
  lastMessagesSyncAt: number | null;
  lastTemplatesSyncAt: number | null;
  /** Plain-language description of the last failure of each kind of sync, cleared by its next success. */
  messagesError: string | null;
  templatesError: string | null;
}

export interface ResponseMap {
  getSettings: SettingsView;
  saveSettings: SaveSettingsResult;
  testConnection: ConnectionTestResult;
  getConversation: ConversationView;
  /** The send recorded under the request id: for a repeated request, the one recorded the first time. */
  sendText: { outboxId: string };
  sendTemplate: { outboxId: string };
  retrySend: { outboxId: string };
  getMedia: MediaItem[];
  listTemplates: TemplateView[];
  getDealContext: DealContext;
  checkPhone: PhoneCheck;
  getVariableMappings: VariableMappings;
  saveVariableMapping: VariableMappings;
  openSettings: null;
  syncNow: SyncStatus;
  getSyncStatus: SyncStatus;
}

export type RequestEnvelope<T extends RequestType = RequestType> = {
  channel: typeof CHANNEL;
  type: T;
  payload: RequestPayload<T>;
};

export type ResponseEnvelope<T extends RequestType = RequestType> =
  | { ok: true; data: ResponseMap[T] }
  | { ok: false; error: { code: 'refused' | 'invalid' | 'not-configured' | 'failed'; message: string } };

// ---- Live updates ----------------------------------------------------------------------------

export type LiveClientMessage = { type: 'watch'; contacts: string[] } | { type: 'heartbeat' };

export type LiveEvent =
  | { type: 'conversation-changed'; contact: string }
  | { type: 'templates-changed' }
  | { type: 'sync-status'; status: SyncStatus };

export const liveClientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('watch'), contacts: z.array(e164).max(20) }).strict(),
  z.object({ type: z.literal('heartbeat') }).strict(),
]);

const envelopeSchema = z.object({ channel: z.literal(CHANNEL), type: z.string(), payload: z.unknown() }).strict();

export type ParsedEnvelope = { [T in RequestType]: { type: T; payload: ParsedRequest<T> } }[RequestType];

/** Parses an untrusted message; returns a reason instead of throwing so the caller can answer. */
export function parseRequest(raw: unknown): { ok: true; request: ParsedEnvelope } | { ok: false; reason: string } {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) return { ok: false, reason: 'Not a Dealchat request.' };
  const { type, payload } = envelope.data;
  if (!Object.hasOwn(requestSchemas, type)) return { ok: false, reason: `Unknown request "${type}".` };
  const schema = requestSchemas[type as RequestType];
  const parsed = schema.safeParse(payload);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues.map((i) => i.message).join(' ') };
  return { ok: true, request: { type, payload: parsed.data } as ParsedEnvelope };
}
