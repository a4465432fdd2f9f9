/**
 * The one contract between the UI contexts (deal-page content script, popup, options page) and the
 * background. Requests travel over `runtime.sendMessage`; live updates over a long-lived port.
 * The background parses every request with these schemas and refuses anything else; what it
 * answers and tells is in views.ts, and the values pages need (channel, limits) in constants.ts.
 */
import { z } from 'zod';

import { CHANNEL, CONTENT_SID_PATTERN, DEAL_FIELDS, MAX_BODY_LENGTH, MAX_VARIABLE_LENGTH } from './constants';

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

export type SettingsField = keyof z.output<typeof settingsInputSchema>;

export type RequestEnvelope<T extends RequestType = RequestType> = {
  channel: typeof CHANNEL;
  type: T;
  payload: RequestPayload<T>;
};

// ---- Live updates ----------------------------------------------------------------------------

export type LiveClientMessage = { type: 'watch'; contacts: string[] } | { type: 'heartbeat' };

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
