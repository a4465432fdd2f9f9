/**
 * An in-memory Twilio (Programmable Messaging v2010 + Content API) for tests. `handle()` takes and
 * returns fetch-API objects, so the same instance serves msw handlers and a real HTTP(S) server.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { TwilioMessageStatus } from '../../../utils/background/twilio/types';
import { FaultPlan, faultError, type FaultSpec } from './faults';
import {
  mediaResource,
  messageResource,
  newestFirst,
  stepStatus,
  type DeliveryFailure,
  type MessageResource,
  type StoredMedia,
  type StoredMessage,
} from './messages';
import { contentListPage, readPageRequest, v2010ListPage } from './paging';
import { checkParams, dayFilter, toParams } from './params';
import {
  basicCredentials,
  type BasicCredentials,
  type Params,
  type RecordedRequest,
  type RequestPredicate,
} from './requests';
import { planSend } from './send';
import { lookupOperation, type SpecLookup, type SpecOperation } from './spec';
import {
  contentAndApprovalsResource,
  contentResource,
  createTemplate,
  type ApprovalRequest,
  type ContentAndApprovalsResource,
  type StoredTemplate,
  type TemplateInput,
} from './templates';
import { API_HOST, API_VERSION, TwilioApiError, errorResponse, newSid, rfc2822 } from './wire';

const SESSION_WINDOW_MS = 24 * 60 * 60 * 1000;
/** What WhatsApp reports for a free-form message sent outside the 24-hour window. */
export const OUTSIDE_WINDOW: DeliveryFailure = {
  code: 63016,
  message:
    'Failed to send freeform message because you are outside the allowed window. If you are using WhatsApp, please use a Message Template.',
};
const ACCOUNT_PATH = `/${API_VERSION}/Accounts/{Sid}.json`;
/** Twilio serves a media file's bytes at its JSON URI without the `.json`. */
const MEDIA_CONTENT_PATH = /^\/2010-04-01\/Accounts\/[^/]+\/Messages\/[^/]+\/Media\/[^/.]+$/;

const MEDIA_TYPES: Record<string, string | undefined> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  mp4: 'video/mp4',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
};

/** What a dropped connection looks like to `fetch` callers. */
export class DroppedConnectionError extends TypeError {
  constructor() {
    super('fetch failed: FakeTwilio dropped the connection');
  }
}

export interface FakeTwilioOptions {
  accountSid?: string;
  authToken?: string;
  apiKeySid?: string;
  apiKeySecret?: string;
  friendlyName?: string;
  accountType?: 'Trial' | 'Full';
  /** E.164 numbers with a WhatsApp sender. The first also sends for Messaging Services. */
  whatsappSenders?: string[];
  messagingServiceSids?: string[];
  now?: () => number;
  /** Free-form sends to someone who has not written within 24 hours fail with 63016. Default true. */
  enforceSessionWindow?: boolean;
  /** Step every outbound status before each read of messages, instead of on `advanceStatuses()`. */
  advanceStatusesOnRead?: boolean;
}

export interface InboundMessageInput {
  /** E.164 (`+4670…`) or already `whatsapp:`-prefixed. */
  from: string;
  /** Defaults to the first WhatsApp sender. */
  to?: string;
  body?: string;
  media?: { contentType: string; bytes: Uint8Array }[];
  /** Epoch milliseconds; defaults to `now()`. */
  at?: number;
}

interface HandlingContext {
  request: Request;
  url: URL;
  lookup: SpecLookup;
  recorded: RecordedRequest;
  isMediaContent: boolean;
  bodyIsForm: boolean;
  hasBody: boolean;
}

/** Twilio would read the Content-Type the media URL serves; the fake never fetches, so it goes by extension. */
function mediaTypeOf(mediaUrl: string): string {
  const extension = new URL(mediaUrl).pathname.split('.').pop()?.toLowerCase() ?? '';
  return MEDIA_TYPES[extension] ?? 'application/octet-stream';
}

function whatsappAddress(number: string): string {
  return number.startsWith('whatsapp:') ? number : `whatsapp:${number}`;
}

function isFormEncoded(request: Request): boolean {
  return (request.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded');
}

export class FakeTwilio {
  readonly accountSid: string;
  readonly authToken: string;
  readonly apiKeySid: string;
  readonly apiKeySecret: string;
  /** Every request received, in order, including rejected and dropped ones. */
  readonly requests: RecordedRequest[] = [];

  private readonly friendlyName: string;
  private readonly accountType: 'Trial' | 'Full';
  private readonly senders: ReadonlySet<string>;
  private readonly messagingServiceSids: ReadonlySet<string>;
  private readonly now: () => number;
  private readonly enforceSessionWindow: boolean;
  private readonly advanceStatusesOnRead: boolean;
  private readonly createdAt: number;
  private readonly messages: StoredMessage[] = [];
  private readonly templates: StoredTemplate[] = [];
  /** Keyed by the contact's `whatsapp:` address: when they last wrote, which opens the 24-hour window. */
  private readonly lastInboundAt = new Map<string, number>();
  private readonly faults = new FaultPlan();
  private responseDelayMs = 0;
  private credentialsRevoked = false;
  private nextOrdinal = 0;

  constructor(options: FakeTwilioOptions = {}) {
    this.accountSid = options.accountSid ?? `AC${'a'.repeat(32)}`;
    this.authToken = options.authToken ?? 'fake-auth-token-0123456789abcdef';
    this.apiKeySid = options.apiKeySid ?? `SK${'b'.repeat(32)}`;
    this.apiKeySecret = options.apiKeySecret ?? 'fake-api-key-secret-0123456789ab';
    this.friendlyName = options.friendlyName ?? 'Dealchat test account';
    this.accountType = options.accountType ?? 'Full';
    this.senders = new Set((options.whatsappSenders ?? ['+14155238886']).map(whatsappAddress));
    this.messagingServiceSids = new Set(options.messagingServiceSids ?? [`MG${'c'.repeat(32)}`]);
    this.now = options.now ?? Date.now;
    this.enforceSessionWindow = options.enforceSessionWindow ?? true;
    this.advanceStatusesOnRead = options.advanceStatusesOnRead ?? false;
    this.createdAt = this.now();
  }

  /** Defaults: an approved UTILITY template in English, `twilio/text` with one variable `{{1}}`. */
  addTemplate(input: TemplateInput = {}): ContentAndApprovalsResource {
    const template = createTemplate(input, this.templates.length + 1, this.now());
    this.templates.push(template);
    return contentAndApprovalsResource(template, this.accountSid);
  }

  /** E.g. a pending template getting approved, or rejected with a reason. */
  setTemplateApproval(sid: string, approval: Partial<ApprovalRequest>): ContentAndApprovalsResource {
    const template = this.templates.find((t) => t.sid === sid);
    if (!template) throw new Error(`No template ${sid}`);
    template.approval = { ...template.approval, ...approval };
    template.updatedAt = this.now();
    return contentAndApprovalsResource(template, this.accountSid);
  }

  /** The contact writes to us: stored as Twilio stores inbound WhatsApp, and it opens the 24-hour window. */
  receiveInbound(input: InboundMessageInput): MessageResource {
    const at = input.at ?? this.now();
    const from = whatsappAddress(input.from);
    const to = input.to === undefined ? this.poolSender() : whatsappAddress(input.to);
    if (to === null) throw new Error('receiveInbound needs `to` when the fake has no WhatsApp sender');
    const message: StoredMessage = {
      sid: newSid('SM'),
      ordinal: this.nextOrdinal++,
      from,
      to,
      body: input.body ?? '',
      direction: 'inbound',
      status: 'received',
      messagingServiceSid: null,
      error: null,
      pendingFailure: null,
      createdAt: at,
      updatedAt: at,
      media: (input.media ?? []).map((item) => ({
        sid: newSid('ME'),
        contentType: item.contentType,
        bytes: new Uint8Array(item.bytes),
        createdAt: at,
      })),
    };
    this.messages.push(message);
    this.lastInboundAt.set(from, Math.max(at, this.lastInboundAt.get(from) ?? at));
    return messageResource(message, this.accountSid);
  }

  /** Moves every unfinished outbound message one step: accepted → queued → sent → delivered → read. */
  advanceStatuses(): void {
    const now = this.now();
    for (const message of this.messages) stepStatus(message, now, this.poolSender());
  }

  /** Forces a status, e.g. `undelivered` with 63024, for failures the fake does not derive itself. */
  setMessageStatus(sid: string, status: TwilioMessageStatus, error: DeliveryFailure | null = null): MessageResource {
    const message = this.storedMessage(sid);
    if (!message) throw new Error(`No message ${sid}`);
    Object.assign(message, { status, error, pendingFailure: null, updatedAt: this.now() });
    return messageResource(message, this.accountSid);
  }

  /** The next `count` matching requests get this error response (e.g. `{status: 429}`), unprocessed unless `processed`. */
  failNext(count: number, fault: FaultSpec): void {
    const error = faultError(fault.status, fault.code, fault.message);
    this.faults.script(count, { kind: 'error', error, processed: fault.processed ?? false }, fault.when);
  }

  /** The next `count` matching requests get no response at all: the socket closes, or fetch rejects. */
  dropNextConnections(count: number, when?: RequestPredicate): void {
    this.faults.script(count, { kind: 'drop' }, when);
  }

  /** Each request fails with 503/20503 with this probability; pass a seeded `random` for repeatable runs. */
  setRandomFailureRate(rate: number, random: () => number = Math.random): void {
    this.faults.setRandomFailureRate(rate, random);
  }

  /** Real-time delay before every response (not driven by `now`). */
  setSlowResponses(ms: number): void {
    this.responseDelayMs = ms;
  }

  /** The user rotated their token or deleted the key: every later request gets 401/20003. */
  revokeCredentials(): void {
    this.credentialsRevoked = true;
  }

  /** The revoked credentials work again (the key was restored, or the saved ones are the new ones). */
  restoreCredentials(): void {
    this.credentialsRevoked = false;
  }

  /** Twilio answers normally again: scripted faults not yet used up, the random failures and the slowness end. */
  clearFaults(): void {
    this.faults.clear();
    this.responseDelayMs = 0;
  }

  /** Outbound messages created through the API, oldest first: `.length` is how many sends happened. */
  sentMessages(): MessageResource[] {
    return this.messages
      .filter((m) => m.direction === 'outbound-api')
      .map((m) => messageResource(m, this.accountSid));
  }

  message(sid: string): MessageResource | undefined {
    const message = this.storedMessage(sid);
    return message && messageResource(message, this.accountSid);
  }

  /** Rejects with `DroppedConnectionError` when a dropped connection was scripted. */
  async handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const isMediaContent = url.hostname === API_HOST && MEDIA_CONTENT_PATH.test(url.pathname);
    const specPath = isMediaContent ? `${url.pathname}.json` : url.pathname;
    const lookup = lookupOperation(url.hostname, request.method, specPath);
    const operation = lookup.kind === 'operation' ? lookup.operation : null;
    const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
    const bodyIsForm = isFormEncoded(request);
    const recorded: RecordedRequest = {
      method: request.method,
      host: url.hostname,
      path: url.pathname,
      query: toParams(url.searchParams, (name) => operation?.query.get(name)?.array ?? false),
      form: toParams(new URLSearchParams(bodyIsForm ? body : ''), (name) => operation?.form.get(name)?.array ?? false),
      authUsername: basicCredentials(request)?.username ?? null,
      status: null,
    };
    this.requests.push(recorded);

    if (this.responseDelayMs > 0) await delay(this.responseDelayMs);
    const fault = this.faults.take(recorded);
    if (fault?.kind === 'drop') {
      recorded.status = 'dropped';
      throw new DroppedConnectionError();
    }
    let response: Response;
    try {
      if (fault && !fault.processed) throw fault.error;
      response = this.respond({ request, url, lookup, recorded, isMediaContent, bodyIsForm, hasBody: body !== '' });
      if (fault) throw fault.error;
    } catch (error) {
      if (!(error instanceof TwilioApiError)) throw error;
      response = errorResponse(error);
    }
    recorded.status = response.status;
    return response;
  }

  private respond(context: HandlingContext): Response {
    const { lookup, request, url, recorded } = context;
    if (!this.authenticates(basicCredentials(request))) throw new TwilioApiError(401, 20003, 'Authenticate');
    if (lookup.kind === 'unknown-path') {
      throw new TwilioApiError(404, 20404, `The requested resource ${url.pathname} was not found`);
    }
    if (lookup.kind === 'method-not-allowed') {
      throw new TwilioApiError(405, 20004, `Method not allowed: ${request.method} ${lookup.pathTemplate}`);
    }
    const { operation } = lookup;
    const { pathParams } = operation;
    const accountInPath = operation.pathTemplate === ACCOUNT_PATH ? pathParams.Sid : pathParams.AccountSid;
    if (accountInPath !== undefined && accountInPath !== this.accountSid) {
      throw new TwilioApiError(403, 20003, `The credentials do not give access to account ${accountInPath}`);
    }
    const name = `${operation.method} ${operation.pathTemplate}`;
    if (context.hasBody && operation.form.size > 0 && !context.bodyIsForm) {
      throw new TwilioApiError(400, 20001, `${name} expects application/x-www-form-urlencoded`);
    }
    checkParams(recorded.query, operation.query, name);
    checkParams(recorded.form, operation.form, name);
    return this.route(operation, context);
  }

  private route(operation: SpecOperation, { recorded, url, isMediaContent }: HandlingContext): Response {
    const param = (key: string) => operation.pathParams[key] ?? '';
    switch (`${operation.method} ${operation.pathTemplate}`) {
      case `GET ${ACCOUNT_PATH}`:
        return Response.json(this.accountResource());
      case 'POST /2010-04-01/Accounts/{AccountSid}/Messages.json':
        return Response.json(this.createMessage(recorded.form), { status: 201 });
      case 'GET /2010-04-01/Accounts/{AccountSid}/Messages.json':
        return Response.json(this.listMessages(recorded.query, url));
      case 'GET /2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json':
        return Response.json(messageResource(this.readMessage(param('Sid'), url), this.accountSid));
      case 'GET /2010-04-01/Accounts/{AccountSid}/Messages/{MessageSid}/Media.json':
        return Response.json(this.listMedia(param('MessageSid'), recorded.query, url));
      case 'GET /2010-04-01/Accounts/{AccountSid}/Messages/{MessageSid}/Media/{Sid}.json':
        return this.fetchMedia(param('MessageSid'), param('Sid'), url, isMediaContent);
      case 'GET /v1/ContentAndApprovals':
        return Response.json(
          contentListPage(
            this.templates.map((t) => contentAndApprovalsResource(t, this.accountSid)),
            url,
            readPageRequest(recorded.query),
          ),
        );
      case 'GET /v1/Content':
        return Response.json(
          contentListPage(
            this.templates.map((t) => contentResource(t, this.accountSid)),
            url,
            readPageRequest(recorded.query),
          ),
        );
      default:
        throw new TwilioApiError(501, null, `FakeTwilio does not implement ${operation.method} ${operation.pathTemplate}`);
    }
  }

  private authenticates(credentials: BasicCredentials | null): boolean {
    if (!credentials || this.credentialsRevoked) return false;
    const { username, password } = credentials;
    return (
      (username === this.accountSid && password === this.authToken) ||
      (username === this.apiKeySid && password === this.apiKeySecret)
    );
  }

  /** Never includes `auth_token`, which the real API returns to Account SID + Auth Token callers. */
  private accountResource(): Record<string, unknown> {
    const path = `/${API_VERSION}/Accounts/${this.accountSid}`;
    return {
      date_created: rfc2822(this.createdAt),
      date_updated: rfc2822(this.createdAt),
      friendly_name: this.friendlyName,
      owner_account_sid: this.accountSid,
      sid: this.accountSid,
      status: 'active',
      subresource_uris: { messages: `${path}/Messages.json`, keys: `${path}/Keys.json` },
      type: this.accountType,
      uri: `${path}.json`,
    };
  }

  private createMessage(form: Params): MessageResource {
    const plan = planSend(form, {
      senders: this.senders,
      messagingServiceSids: this.messagingServiceSids,
      template: (sid) => this.templates.find((t) => t.sid === sid),
    });
    const now = this.now();
    const lastInbound = this.lastInboundAt.get(plan.to);
    const insideWindow = lastInbound !== undefined && now - lastInbound <= SESSION_WINDOW_MS;
    const message: StoredMessage = {
      sid: newSid('SM'),
      ordinal: this.nextOrdinal++,
      from: plan.from,
      to: plan.to,
      body: plan.body,
      direction: 'outbound-api',
      // A Messaging Service accepts first and picks the sender from its pool afterwards.
      status: plan.from === null ? 'accepted' : 'queued',
      messagingServiceSid: plan.messagingServiceSid,
      error: null,
      pendingFailure: this.enforceSessionWindow && !plan.isTemplate && !insideWindow ? OUTSIDE_WINDOW : null,
      createdAt: now,
      updatedAt: now,
      media: plan.mediaUrls.map(
        (mediaUrl): StoredMedia => ({
          sid: newSid('ME'),
          contentType: mediaTypeOf(mediaUrl),
          bytes: new Uint8Array(),
          createdAt: now,
        }),
      ),
    };
    this.messages.push(message);
    return messageResource(message, this.accountSid);
  }

  private listMessages(query: Params, url: URL): Record<string, unknown> {
    if (this.advanceStatusesOnRead) this.advanceStatuses();
    const sentOn = dayFilter(query, 'DateSent');
    const matches = (m: StoredMessage) =>
      (query.To === undefined || m.to === query.To) &&
      (query.From === undefined || m.from === query.From) &&
      sentOn(m.createdAt);
    const items = this.messages
      .filter(matches)
      .sort(newestFirst)
      .map((m) => messageResource(m, this.accountSid));
    return v2010ListPage('messages', items, url, readPageRequest(query));
  }

  private readMessage(sid: string, url: URL): StoredMessage {
    if (this.advanceStatusesOnRead) this.advanceStatuses();
    return this.storedMessage(sid) ?? notFound(url);
  }

  private listMedia(messageSid: string, query: Params, url: URL): Record<string, unknown> {
    const message = this.storedMessage(messageSid) ?? notFound(url);
    const createdOn = dayFilter(query, 'DateCreated');
    const items = message.media
      .filter((media) => createdOn(media.createdAt))
      .map((media) => mediaResource(message, media, this.accountSid));
    return v2010ListPage('media_list', items, url, readPageRequest(query));
  }

  private fetchMedia(messageSid: string, mediaSid: string, url: URL, asContent: boolean): Response {
    const message = this.storedMessage(messageSid) ?? notFound(url);
    const media = message.media.find((m) => m.sid === mediaSid) ?? notFound(url);
    if (!asContent) return Response.json(mediaResource(message, media, this.accountSid));
    return new Response(media.bytes, { headers: { 'Content-Type': media.contentType } });
  }

  private storedMessage(sid: string): StoredMessage | undefined {
    return this.messages.find((m) => m.sid === sid);
  }

  private poolSender(): string | null {
    return this.senders.values().next().value ?? null;
  }
}

function notFound(url: URL): never {
  throw new TwilioApiError(404, 20404, `The requested resource ${url.pathname} was not found`);
}
