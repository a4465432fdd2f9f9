/** Content templates as the Content API serves them, and the text a template send produces. */
import { CONTENT_HOST, TwilioApiError, iso8601, newSid } from './wire';

/** WhatsApp's verdict on a template, as in `approval_requests`. */
export interface ApprovalRequest {
  name: string;
  category: string;
  content_type: string;
  status: string;
  rejection_reason: string;
  allow_category_change: boolean;
}

export interface TemplateInput {
  sid?: string;
  friendlyName?: string;
  language?: string;
  /** Shorthand for `types: {'twilio/text': {body}}`; ignored when `types` is given. */
  body?: string;
  /** Default placeholder values, used when a send leaves a variable out. */
  variables?: Record<string, string>;
  types?: Record<string, unknown>;
  approval?: Partial<ApprovalRequest>;
  /**
   * `approval_requests` is documented without a schema: Twilio has served it flat and nested
   * under `whatsapp`, so tests can pick either to exercise the client's defensive parsing.
   */
  approvalShape?: 'flat' | 'nested';
}

export interface StoredTemplate {
  sid: string;
  friendlyName: string;
  language: string;
  variables: Record<string, string>;
  types: Record<string, unknown>;
  approval: ApprovalRequest;
  approvalShape: 'flat' | 'nested';
  createdAt: number;
  updatedAt: number;
}

/** The fields both Content API resources share. */
interface ContentFields {
  sid: string;
  account_sid: string;
  friendly_name: string;
  language: string;
  date_created: string;
  date_updated: string;
  variables: Record<string, string>;
  types: Record<string, unknown>;
}

/** One item of `GET /v1/ContentAndApprovals`. */
export interface ContentAndApprovalsResource extends ContentFields {
  approval_requests: ApprovalRequest | { whatsapp: ApprovalRequest };
}

/** One item of `GET /v1/Content`. */
export interface ContentResource extends ContentFields {
  url: string;
  links: { approval_create: string; approval_fetch: string };
}

export function createTemplate(input: TemplateInput, ordinal: number, now: number): StoredTemplate {
  const friendlyName = input.friendlyName ?? `dealchat_template_${ordinal}`;
  const body = input.body ?? 'Hi {{1}}, just following up on our conversation.';
  const types = input.types ?? { 'twilio/text': { body } };
  return {
    sid: input.sid ?? newSid('HX'),
    friendlyName,
    language: input.language ?? 'en',
    variables: input.variables ?? { '1': 'there' },
    types,
    approval: {
      name: friendlyName,
      category: 'UTILITY',
      content_type: Object.keys(types)[0] ?? 'twilio/text',
      status: 'approved',
      rejection_reason: '',
      allow_category_change: true,
      ...input.approval,
    },
    approvalShape: input.approvalShape ?? 'flat',
    createdAt: now,
    updatedAt: now,
  };
}

function contentFields(template: StoredTemplate, accountSid: string): ContentFields {
  return {
    sid: template.sid,
    account_sid: accountSid,
    friendly_name: template.friendlyName,
    language: template.language,
    date_created: iso8601(template.createdAt),
    date_updated: iso8601(template.updatedAt),
    variables: { ...template.variables },
    types: structuredClone(template.types),
  };
}

export function contentAndApprovalsResource(template: StoredTemplate, accountSid: string): ContentAndApprovalsResource {
  return {
    ...contentFields(template, accountSid),
    approval_requests:
      template.approvalShape === 'flat' ? { ...template.approval } : { whatsapp: { ...template.approval } },
  };
}

export function contentResource(template: StoredTemplate, accountSid: string): ContentResource {
  const url = `https://${CONTENT_HOST}/v1/Content/${template.sid}`;
  return {
    ...contentFields(template, accountSid),
    url,
    links: { approval_create: `${url}/ApprovalRequests/whatsapp`, approval_fetch: `${url}/ApprovalRequests` },
  };
}

function textOf(template: StoredTemplate): string {
  for (const type of Object.values(template.types)) {
    if (typeof type === 'object' && type !== null && 'body' in type && typeof type.body === 'string') return type.body;
  }
  return '';
}

/** The body the recipient sees: placeholders filled from the send's variables, else the template's defaults. */
export function renderTemplate(template: StoredTemplate, values: Record<string, string>): string {
  return textOf(template).replace(/\{\{\s*(\w+)\s*\}\}/g, (_placeholder, key: string) => {
    const value = values[key] ?? template.variables[key];
    if (value === undefined || value === '') {
      throw new TwilioApiError(400, 21656, `The ContentVariables Parameter is invalid: no value for {{${key}}}`);
    }
    return value;
  });
}
