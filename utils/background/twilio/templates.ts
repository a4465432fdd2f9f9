import type { ApprovalStatus, TemplateView } from '@/utils/messaging/views';
import { parseTwilioDate } from './dates';
import type { TwilioContentAndApprovals } from './types';

type Fields = Record<string, unknown>;

const APPROVAL_STATUSES: ReadonlySet<string> = new Set<ApprovalStatus>([
  'approved',
  'pending',
  'received',
  'rejected',
  'paused',
  'disabled',
  'unsubmitted',
]);

const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

// Which type's text to show when the approval does not say which type WhatsApp got.
const TYPE_PREFERENCE = [
  'twilio/text',
  'twilio/media',
  'twilio/quick-reply',
  'twilio/call-to-action',
  'twilio/list-picker',
  'whatsapp/card',
  'twilio/card',
  'twilio/carousel',
  'twilio/catalog',
  'twilio/flows',
  'whatsapp/flows',
  'whatsapp/authentication',
  'twilio/location',
  'twilio/schedule',
];

/** A Content API template as the UI shows it; null when it has no sid to send it by. */
export function parseContentAndApprovals(item: TwilioContentAndApprovals): TemplateView | null {
  if (!item.sid) return null;
  const types = isFields(item.types) ? item.types : {};
  const defaults = isFields(item.variables) ? item.variables : {};
  const approval = readApproval(item.approval_requests);
  return {
    sid: item.sid,
    friendlyName: item.friendly_name?.trim() || item.sid,
    language: item.language ?? '',
    category: text(approval?.category).trim().toLowerCase() || null,
    approvalStatus: approvalStatus(item.approval_requests),
    rejectionReason: text(approval?.rejection_reason).trim() || null,
    types: Object.keys(types),
    body: primaryBody(types, text(approval?.content_type)),
    variables: unique([...placeholdersIn(types), ...Object.keys(defaults)]),
    sampleValues: sampleValues(defaults),
    details: types,
    updatedAt: parseTwilioDate(item.date_updated) ?? parseTwilioDate(item.date_created) ?? 0,
  };
}

/** Replaces each `{{key}}` with its value; placeholders without a value stay visible so gaps show. */
export function fillTemplate(body: string, values: Record<string, string>): string {
  return body.replace(PLACEHOLDER, (placeholder, key: string) =>
    Object.hasOwn(values, key) ? (values[key] ?? placeholder) : placeholder,
  );
}

// Twilio documents `approval_requests` without a schema and has answered both flat and nested under `whatsapp`.
function readApproval(raw: unknown): Fields | null {
  if (!isFields(raw)) return null;
  return isFields(raw.whatsapp) ? raw.whatsapp : raw;
}

// Only what Twilio positively reports counts: a template is never assumed approved.
function approvalStatus(raw: unknown): ApprovalStatus {
  if (raw === undefined || raw === null) return 'unsubmitted';
  const approval = readApproval(raw);
  if (approval === null) return 'unknown';
  const status = approval.status;
  if (status === undefined || status === null || status === '') return 'unsubmitted';
  if (typeof status !== 'string') return 'unknown';
  const normalised = status.trim().toLowerCase();
  return APPROVAL_STATUSES.has(normalised) ? (normalised as ApprovalStatus) : 'unknown';
}

// The type submitted to WhatsApp is what the recipient gets; the others are fallbacks for other channels.
function primaryBody(types: Fields, submittedType: string): string {
  for (const type of unique([submittedType, ...TYPE_PREFERENCE, ...Object.keys(types)])) {
    const fields = types[type];
    const body = isFields(fields) ? bodyOf(type, fields) : '';
    if (body.trim() !== '') return body;
  }
  return '';
}

// What the recipient reads of one content type; types not listed here (new ones too) carry it in `body`.
function bodyOf(type: string, fields: Fields): string {
  switch (type) {
    case 'twilio/card':
      return joinLines(text(fields.title), text(fields.subtitle));
    case 'whatsapp/authentication':
      return authenticationBody(fields);
    case 'twilio/location':
      return text(fields.label) || text(fields.address);
    case 'twilio/schedule':
      return text(fields.title);
    default:
      return text(fields.body);
  }
}

// The text is fixed by Meta; only the code and the optional sentences vary.
function authenticationBody(fields: Fields): string {
  const parts = ['{{1}} is your verification code.'];
  if (fields.add_security_recommendation === true) parts.push('For your security, do not share this code.');
  if (typeof fields.code_expiration_minutes === 'number') {
    parts.push(`This code expires in ${fields.code_expiration_minutes} minutes.`);
  }
  return parts.join(' ');
}

function placeholdersIn(value: unknown): string[] {
  if (typeof value === 'string') return [...value.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
  if (Array.isArray(value)) return value.flatMap(placeholdersIn);
  if (isFields(value)) return Object.values(value).flatMap(placeholdersIn);
  return [];
}

function sampleValues(defaults: Fields): Record<string, string> {
  const samples: Record<string, string> = {};
  for (const [key, value] of Object.entries(defaults)) {
    if (value === null || value === undefined) continue;
    samples[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return samples;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function joinLines(...lines: string[]): string {
  return lines.filter((line) => line.trim() !== '').join('\n');
}

// Left untrimmed: bodies are compared with what Twilio reports as sent.
function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
