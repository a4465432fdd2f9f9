/**
 * An in-memory Pipedrive company for tests: API v2 (users: v1) with token auth, and the deal pages
 * of its single-page web app. `handle()` takes and returns fetch-API objects, so the same instance
 * serves msw handlers and a real HTTP(S) server.
 */
import { apiData, apiError, matchApiRoute, type RecordKind } from './api';
import { appShell, type PageDealData } from './app-page';
import {
  contactDetails,
  dealResource,
  organizationResource,
  personResource,
  rfc3339,
  splitName,
  userResource,
  type DealInput,
  type OrganizationInput,
  type PersonInput,
  type StoredDeal,
  type StoredOrganization,
  type StoredPerson,
  type StoredUser,
  type UserInput,
} from './records';

export interface FakePipedriveOptions {
  /** The subdomain: `acme` serves `acme.pipedrive.com`. */
  company?: string;
  apiToken?: string;
  /** How long the web app shows a spinner before each view, like Pipedrive loading its data. */
  renderDelayMs?: number;
}

export interface RecordedPipedriveRequest {
  method: string;
  host: string;
  path: string;
  kind: 'api' | 'page';
  /** Where the request carried a token, if it did. Tests never need to see the token itself. */
  tokenIn: 'header' | 'query' | null;
  status: number;
}

export class FakePipedrive {
  readonly company: string;
  readonly host: string;
  readonly apiToken: string;
  /** Every request received, in order. */
  readonly requests: RecordedPipedriveRequest[] = [];

  private readonly renderDelayMs: number;
  private readonly deals = new Map<number, StoredDeal>();
  private readonly persons = new Map<number, StoredPerson>();
  private readonly organizations = new Map<number, StoredOrganization>();
  private readonly users = new Map<number, StoredUser>();
  private throttledRequests = 0;
  private throttleRetryAfterSeconds = 2;

  constructor(options: FakePipedriveOptions = {}) {
    this.company = options.company ?? 'acme';
    this.host = `${this.company}.pipedrive.com`;
    this.apiToken = options.apiToken ?? 'fake-pipedrive-token-0123456789abcdef01234567';
    this.renderDelayMs = options.renderDelayMs ?? 0;
  }

  /** The web app's address of a deal. */
  dealUrl(id: number): string {
    return `https://${this.host}/deal/${id}`;
  }

  addUser(input: UserInput): number {
    const id = input.id ?? nextId(this.users);
    this.users.set(id, { id, name: input.name, email: input.email ?? `user${id}@${this.host}` });
    return id;
  }

  addOrganization(input: OrganizationInput): number {
    const id = input.id ?? nextId(this.organizations);
    this.organizations.set(id, { id, name: input.name, addTime: rfc3339(Date.now()) });
    return id;
  }

  addPerson(input: PersonInput): number {
    const id = input.id ?? nextId(this.persons);
    const split = splitName(input.name);
    this.persons.set(id, {
      id,
      name: input.name,
      firstName: input.firstName === undefined ? split.firstName : input.firstName,
      lastName: input.lastName === undefined ? split.lastName : input.lastName,
      phones: input.phones ?? [],
      emails: input.emails ?? [],
      orgId: input.orgId ?? null,
      addTime: rfc3339(Date.now()),
    });
    return id;
  }

  addDeal(input: DealInput): number {
    const id = input.id ?? nextId(this.deals);
    this.deals.set(id, {
      id,
      title: input.title,
      value: input.value ?? 0,
      currency: input.currency ?? 'EUR',
      status: input.status ?? 'open',
      personId: input.personId ?? null,
      orgId: input.orgId ?? null,
      ownerId: input.ownerId ?? null,
      notes: input.notes ?? [],
      layout: input.layout ?? 'sidebar',
      addTime: rfc3339(Date.now()),
    });
    return id;
  }

  /** The next `count` API requests are refused with 429, as when the company's rate limit is spent. */
  throttle(count: number, retryAfterSeconds = 2): void {
    this.throttledRequests = count;
    this.throttleRetryAfterSeconds = retryAfterSeconds;
  }

  handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const kind = url.pathname.startsWith('/api/') ? 'api' : 'page';
    const recorded: RecordedPipedriveRequest = {
      method: request.method,
      host: url.host,
      path: url.pathname,
      kind,
      tokenIn: request.headers.has('x-api-token') ? 'header' : url.searchParams.has('api_token') ? 'query' : null,
      status: 0,
    };
    this.requests.push(recorded);
    const response = this.respond(request, url, kind);
    recorded.status = response.status;
    return Promise.resolve(response);
  }

  private respond(request: Request, url: URL, kind: 'api' | 'page'): Response {
    if (url.hostname !== this.host) return new Response(`No Pipedrive company at ${url.hostname}`, { status: 404 });
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405 });
    return kind === 'api' ? this.respondApi(request, url) : this.respondPage();
  }

  private respondApi(request: Request, url: URL): Response {
    const token = request.headers.get('x-api-token') ?? url.searchParams.get('api_token');
    if (token !== this.apiToken) return apiError(401, 'unauthorized access');
    if (this.throttledRequests > 0) {
      this.throttledRequests -= 1;
      const seconds = String(this.throttleRetryAfterSeconds);
      return apiError(429, 'Request over limit', { 'retry-after': seconds, 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': seconds });
    }
    const route = matchApiRoute(url.pathname);
    if (route === null) return apiError(404, 'Unknown method .');
    const resource = this.resource(route.kind, route.id);
    return resource === null ? apiError(404, route.missing) : apiData(resource);
  }

  private resource(kind: RecordKind, id: number): object | null {
    switch (kind) {
      case 'deal':
        return mapNullable(this.deals.get(id), dealResource);
      case 'person':
        return mapNullable(this.persons.get(id), personResource);
      case 'organization':
        return mapNullable(this.organizations.get(id), organizationResource);
      case 'user':
        return mapNullable(this.users.get(id), userResource);
    }
  }

  /** Every route gets the same shell: the app picks the view from the URL, in the browser. */
  private respondPage(): Response {
    const html = appShell({ renderDelayMs: this.renderDelayMs, deals: [...this.deals.values()].map((deal) => this.pageDeal(deal)) });
    return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } });
  }

  private pageDeal(deal: StoredDeal): PageDealData {
    const person = deal.personId === null ? undefined : this.persons.get(deal.personId);
    const organization = deal.orgId === null ? undefined : this.organizations.get(deal.orgId);
    const owner = deal.ownerId === null ? undefined : this.users.get(deal.ownerId);
    return {
      id: deal.id,
      title: deal.title,
      value: deal.value,
      currency: deal.currency,
      status: deal.status,
      owner: owner?.name ?? null,
      person: person
        ? { id: person.id, name: person.name, phones: contactDetails(person.phones), emails: contactDetails(person.emails) }
        : null,
      organization: organization ? { id: organization.id, name: organization.name } : null,
      notes: deal.notes,
      layout: deal.layout,
    };
  }
}

function nextId(records: ReadonlyMap<number, unknown>): number {
  return Math.max(0, ...records.keys()) + 1;
}

function mapNullable<T, R>(value: T | undefined, map: (value: T) => R): R | null {
  return value === undefined ? null : map(value);
}
