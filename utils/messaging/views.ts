/**
 * What the background answers and tells: the response of each request of the contract
 * (contract.ts) and the live updates. Types only, so that any context imports them freely.
 */
import type { DealField } from './constants';
import type { SettingsField } from './contract';

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

export interface DealPerson {
  name: string | null;
  firstName: string | null;
  lastName: string | null;
}

/** What is known of a deal, whichever way it was read: its CRM's answer (utils/crm/crm-deal.ts) and the panel's view. */
export interface DealFacts {
  dealId: string;
  title: string | null;
  value: number | null;
  currency: string | null;
  organizationName: string | null;
  ownerName: string | null;
  person: DealPerson | null;
  /** 'page' is read from what the deal page shows: no value, currency or owner, and no primary marks. */
  source: 'api' | 'page';
}

/** The open deal as the panel shows it: the CRM's deal with its phone numbers read. */
export interface DealContext extends DealFacts {
  /** Best first: primary, then mobile, then the rest; invalid ones last. */
  phones: PhoneOption[];
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

export type ResponseEnvelope<T extends keyof ResponseMap = keyof ResponseMap> =
  | { ok: true; data: ResponseMap[T] }
  | { ok: false; error: { code: 'refused' | 'invalid' | 'not-configured' | 'failed'; message: string } };

// ---- Live updates ----------------------------------------------------------------------------

export type LiveEvent =
  | { type: 'conversation-changed'; contact: string }
  | { type: 'templates-changed' }
  | { type: 'sync-status'; status: SyncStatus };
