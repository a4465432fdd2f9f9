import { z } from 'zod';
import { CrmError } from '@/utils/background/crm-error';
import { parseRetryAfter } from '@/utils/background/twilio/backoff';
import type { CrmApiAdapter, DealContextRequest } from '@/utils/crm/adapter';
import type { CrmDeal, RawPhone } from '@/utils/crm/crm-deal';
import { pipedriveOrigin } from '@/utils/crm/pipedrive/url';

const TIMEOUT_MS = 15_000;

const MESSAGES = {
  untrustedPage: 'This page is not on your company’s pipedrive.com address, so Dealchat did not send it your Pipedrive API token.',
  badToken:
    'Pipedrive did not accept your API token. Copy it again from Pipedrive (Settings › Personal preferences › API) into Dealchat’s settings.',
  forbidden: 'Your Pipedrive user is not allowed to see this deal. Ask your Pipedrive admin for access.',
  dealNotFound: 'Pipedrive could not find this deal. It may have been deleted or merged into another deal.',
  rateLimited: 'Pipedrive is getting too many requests from your company right now. Dealchat will try again in a moment.',
  network: 'Pipedrive could not be reached. Check your internet connection and try again.',
  redirected:
    'Pipedrive pointed Dealchat to another address, which it does not follow with your token. Open the deal from your company’s Pipedrive address.',
  unexpected: (status: number) => `Pipedrive answered unexpectedly (HTTP ${status}). Try again in a moment.`,
  unreadable: 'Pipedrive answered with something Dealchat could not read. Try again in a moment.',
};

const id = z.number().int().positive().nullish();
const text = z.string().nullish();

const dealSchema = z.object({
  title: text,
  value: z.number().nullish(),
  currency: text,
  person_id: id,
  org_id: id,
  owner_id: id,
});
const personSchema = z.object({
  name: text,
  first_name: text,
  last_name: text,
  phones: z.array(z.object({ value: text, label: text, primary: z.boolean().nullish() })).nullish(),
});
const namedSchema = z.object({ name: text });

export const pipedriveApi: CrmApiAdapter = { fetchDealContext: fetchPipedriveDealContext };

/** Reads a deal, its contact person, organization and owner with API v2 (users exist only in v1). */
async function fetchPipedriveDealContext({
  pageUrl,
  dealId,
  apiToken,
  fetch: fetchImpl = (input, init) => globalThis.fetch(input, init),
}: DealContextRequest): Promise<CrmDeal> {
  const origin = pipedriveOrigin(pageUrl);
  if (origin === null) throw new CrmError('untrusted-page', MESSAGES.untrustedPage);
  // The id goes into the path: anything but digits could point the token at another endpoint.
  if (!/^\d+$/.test(dealId)) throw new CrmError('deal-not-found', MESSAGES.dealNotFound);

  const get = <T>(path: string, schema: z.ZodType<T>, missing: readonly number[]) =>
    getData({ fetchImpl, url: `${origin}${path}`, apiToken, schema, missing });
  const deal = await get(`/api/v2/deals/${dealId}`, dealSchema, [404]);
  if (deal === null) throw new CrmError('deal-not-found', MESSAGES.dealNotFound);

  // A deal outlives its person or organization, and visibility rules may hide them from this user:
  // the deal still opens, with what can be read.
  const related = [403, 404];
  const [person, organization, owner] = await Promise.all([
    deal.person_id ? get(`/api/v2/persons/${deal.person_id}`, personSchema, related) : null,
    deal.org_id ? get(`/api/v2/organizations/${deal.org_id}`, namedSchema, related) : null,
    deal.owner_id ? get(`/api/v1/users/${deal.owner_id}`, namedSchema, related) : null,
  ]);
  return {
    dealId,
    title: deal.title ?? null,
    value: deal.value ?? null,
    currency: deal.currency ?? null,
    organizationName: organization?.name ?? null,
    ownerName: owner?.name ?? null,
    person: person && { name: person.name ?? null, firstName: person.first_name ?? null, lastName: person.last_name ?? null },
    rawPhones: (person?.phones ?? []).flatMap(({ value, label, primary }): RawPhone[] =>
      value ? [{ value, label: label || null, primary: primary ?? false }] : [],
    ),
    source: 'api',
  };
}

interface DataRequest<T> {
  fetchImpl: typeof fetch;
  url: string;
  apiToken: string;
  schema: z.ZodType<T>;
  /** Statuses that mean "no such record for you" rather than failure. */
  missing: readonly number[];
}

/** The record's `data`, or null when the answer's status is one of `missing`. */
async function getData<T>({ fetchImpl, url, apiToken, schema, missing }: DataRequest<T>): Promise<T | null> {
  let response: Response;
  let body: unknown;
  try {
    response = await fetchImpl(url, {
      headers: { 'x-api-token': apiToken, accept: 'application/json' },
      // The token, not the rep's Pipedrive session cookie, must be what authorises the request.
      credentials: 'omit',
      // Fetch keeps custom headers across redirects: following one could hand the token to another host.
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (missing.includes(response.status)) return null;
    if (!response.ok) throw errorFor(response);
    body = await response.json();
  } catch (error) {
    if (error instanceof CrmError) throw error;
    if (error instanceof SyntaxError) throw new CrmError('unexpected', MESSAGES.unreadable, { cause: error });
    throw new CrmError('network', MESSAGES.network, { cause: error });
  }
  const parsed = z.object({ success: z.literal(true), data: schema }).safeParse(body);
  if (!parsed.success) throw new CrmError('unexpected', MESSAGES.unreadable, { cause: parsed.error });
  return parsed.data.data;
}

function errorFor(response: Response): CrmError {
  // A browser reports a redirect it did not follow as status 0.
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
    return new CrmError('unexpected', MESSAGES.redirected);
  }
  switch (response.status) {
    case 401:
      return new CrmError('bad-token', MESSAGES.badToken);
    case 403:
      return new CrmError('forbidden', MESSAGES.forbidden);
    case 429:
      return new CrmError('rate-limited', MESSAGES.rateLimited, {
        retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
      });
    default:
      return new CrmError('unexpected', MESSAGES.unexpected(response.status));
  }
}
