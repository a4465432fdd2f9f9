import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { FakePipedrive, pipedriveHandlers } from '@/tests/fakes/pipedrive';
import { CrmError, type CrmErrorKind } from '@/utils/background/crm-error';
import type { DealContextRequest } from '@/utils/crm/adapter';
import { pipedriveApi } from './api';

const server = setupServer();
let fake: FakePipedrive;

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  fake = new FakePipedrive();
  server.resetHandlers(...pipedriveHandlers(fake));
});

function request(dealId: number | string, overrides: Partial<DealContextRequest> = {}): DealContextRequest {
  return { pageUrl: `https://acme.pipedrive.com/deal/${dealId}`, dealId: String(dealId), apiToken: fake.apiToken, ...overrides };
}

async function failure(promise: Promise<unknown>): Promise<CrmError> {
  const error: unknown = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof CrmError)) throw new Error(`Expected a CrmError, got ${String(error)}`);
  return error;
}

async function expectKind(promise: Promise<unknown>, kind: CrmErrorKind): Promise<CrmError> {
  const error = await failure(promise);
  expect(error.kind).toBe(kind);
  expect(error.message).not.toContain(fake.apiToken);
  return error;
}

function seedFullDeal(): number {
  const ownerId = fake.addUser({ name: 'Maria Lind' });
  const orgId = fake.addOrganization({ name: 'Acme AB' });
  const personId = fake.addPerson({
    name: 'Anna Svensson',
    phones: [{ value: '08-123 456 78', label: 'work' }, { value: '070-123 45 67', label: 'mobile' }, { value: '' }],
    orgId,
  });
  return fake.addDeal({ title: 'Acme expansion', value: 12000, currency: 'SEK', personId, orgId, ownerId });
}

describe('pipedriveApi.fetchDealContext', () => {
  it('reads the deal, its person with phones, organization and owner', async () => {
    const dealId = seedFullDeal();
    expect(await pipedriveApi.fetchDealContext(request(dealId))).toEqual({
      dealId: String(dealId),
      title: 'Acme expansion',
      value: 12000,
      currency: 'SEK',
      organizationName: 'Acme AB',
      ownerName: 'Maria Lind',
      person: { name: 'Anna Svensson', firstName: 'Anna', lastName: 'Svensson' },
      rawPhones: [
        { value: '08-123 456 78', label: 'work', primary: true },
        { value: '070-123 45 67', label: 'mobile', primary: false },
      ],
      source: 'api',
    });
  });

  it('sends the token in the x-api-token header to the page’s own company host only', async () => {
    const dealId = seedFullDeal();
    await pipedriveApi.fetchDealContext(request(dealId));
    expect(fake.requests.map(({ host, path, tokenIn }) => ({ host, path, tokenIn }))).toEqual(
      expect.arrayContaining([
        { host: 'acme.pipedrive.com', path: `/api/v2/deals/${dealId}`, tokenIn: 'header' },
        { host: 'acme.pipedrive.com', path: '/api/v2/persons/1', tokenIn: 'header' },
        { host: 'acme.pipedrive.com', path: '/api/v2/organizations/1', tokenIn: 'header' },
        { host: 'acme.pipedrive.com', path: '/api/v1/users/1', tokenIn: 'header' },
      ]),
    );
    expect(fake.requests).toHaveLength(4);
  });

  it('calls the company the page belongs to', async () => {
    fake = new FakePipedrive({ company: 'globex' });
    server.resetHandlers(...pipedriveHandlers(fake));
    const dealId = fake.addDeal({ title: 'Globex renewal' });
    const context = await pipedriveApi.fetchDealContext(request(dealId, { pageUrl: `https://globex.pipedrive.com/deal/${dealId}?tab=notes` }));
    expect(context.title).toBe('Globex renewal');
    expect(fake.requests.map((recorded) => recorded.host)).toEqual(['globex.pipedrive.com']);
  });

  it('reads a deal without person, organization or owner with one request', async () => {
    const dealId = fake.addDeal({ title: 'Lonely deal' });
    expect(await pipedriveApi.fetchDealContext(request(dealId))).toMatchObject({
      title: 'Lonely deal',
      person: null,
      organizationName: null,
      ownerName: null,
      rawPhones: [],
    });
    expect(fake.requests).toHaveLength(1);
  });

  it('still opens a deal whose person, organization and owner are gone', async () => {
    const dealId = fake.addDeal({ title: 'Orphan', personId: 70, orgId: 80, ownerId: 90 });
    expect(await pipedriveApi.fetchDealContext(request(dealId))).toMatchObject({ person: null, organizationName: null, ownerName: null });
  });

  it('still opens a deal whose person this user may not see', async () => {
    const dealId = seedFullDeal();
    server.use(http.get('https://acme.pipedrive.com/api/v2/persons/:id', () => HttpResponse.json({ success: false }, { status: 403 })));
    expect(await pipedriveApi.fetchDealContext(request(dealId))).toMatchObject({ person: null, rawPhones: [], organizationName: 'Acme AB' });
  });

  describe('tells the rep what went wrong', () => {
    it('when Pipedrive refuses the token', async () => {
      const dealId = seedFullDeal();
      const error = await expectKind(pipedriveApi.fetchDealContext(request(dealId, { apiToken: 'wrong' })), 'bad-token');
      expect(error.message).toMatch(/Pipedrive did not accept your API token/);
    });

    it('when the deal does not exist', async () => {
      await expectKind(pipedriveApi.fetchDealContext(request(404)), 'deal-not-found');
    });

    it('when the user may not see the deal', async () => {
      server.use(http.get('https://acme.pipedrive.com/api/v2/deals/:id', () => HttpResponse.json({ success: false }, { status: 403 })));
      await expectKind(pipedriveApi.fetchDealContext(request(1)), 'forbidden');
    });

    it('when Pipedrive rate-limits, with how long it asked to wait', async () => {
      const dealId = seedFullDeal();
      fake.throttle(1, 3);
      const error = await expectKind(pipedriveApi.fetchDealContext(request(dealId)), 'rate-limited');
      expect(error.retryAfterMs).toBe(3000);
    });

    it('when a related lookup is rate-limited', async () => {
      const dealId = seedFullDeal();
      server.use(
        http.get('https://acme.pipedrive.com/api/v1/users/:id', () => HttpResponse.json({ success: false }, { status: 429 })),
      );
      const error = await expectKind(pipedriveApi.fetchDealContext(request(dealId)), 'rate-limited');
      expect(error.retryAfterMs).toBeNull();
    });

    it('when Pipedrive cannot be reached', async () => {
      server.use(http.get('https://acme.pipedrive.com/*', () => HttpResponse.error()));
      const error = await expectKind(pipedriveApi.fetchDealContext(request(1)), 'network');
      expect(error.message).toMatch(/could not be reached/);
    });

    it('when Pipedrive fails', async () => {
      server.use(http.get('https://acme.pipedrive.com/*', () => new HttpResponse('Bad gateway', { status: 502 })));
      const error = await expectKind(pipedriveApi.fetchDealContext(request(1)), 'unexpected');
      expect(error.message).toContain('HTTP 502');
    });

    it.each([
      ['is not JSON', () => new HttpResponse('<html>Log in</html>', { headers: { 'content-type': 'text/html' } })],
      ['is not a success', () => HttpResponse.json({ success: false, data: null })],
      ['has no data', () => HttpResponse.json({ success: true })],
      ['has a deal of the wrong shape', () => HttpResponse.json({ success: true, data: { title: 42 } })],
    ])('when the answer %s', async (_, answer) => {
      server.use(http.get('https://acme.pipedrive.com/api/v2/deals/:id', answer));
      await expectKind(pipedriveApi.fetchDealContext(request(1)), 'unexpected');
    });
  });

  describe('never sends the token elsewhere', () => {
    it.each([
      'https://acme.pipedrive.com.evil.example/deal/1',
      'https://evilpipedrive.com/deal/1',
      'http://acme.pipedrive.com/deal/1',
      'https://evil.example/deal/1',
      'not a url',
    ])('not to the host of %s', async (pageUrl) => {
      const fetchSpy = vi.fn<typeof fetch>();
      await expectKind(pipedriveApi.fetchDealContext(request(1, { pageUrl, fetch: fetchSpy })), 'untrusted-page');
      expect(fetchSpy).not.toHaveBeenCalled();
    });

    it('not to another endpoint through a crafted deal id', async () => {
      const fetchSpy = vi.fn<typeof fetch>();
      await expectKind(pipedriveApi.fetchDealContext(request('1/../../v1/users/1', { fetch: fetchSpy })), 'deal-not-found');
      expect(fetchSpy).not.toHaveBeenCalled();
    });

    it('not to where a redirect points', async () => {
      server.use(
        http.get('https://acme.pipedrive.com/api/v2/deals/:id', () =>
          HttpResponse.redirect('https://evil.example/collect', 302),
        ),
      );
      const error = await expectKind(pipedriveApi.fetchDealContext(request(1)), 'unexpected');
      expect(error.message).toMatch(/another address/);
    });

    it('and never with the rep’s Pipedrive cookies', async () => {
      const dealId = seedFullDeal();
      const inits: (RequestInit | undefined)[] = [];
      const recording: typeof fetch = (input, init) => {
        inits.push(init);
        return globalThis.fetch(input, init);
      };
      await pipedriveApi.fetchDealContext(request(dealId, { fetch: recording }));
      expect(inits).toHaveLength(4);
      for (const init of inits) expect(init).toMatchObject({ credentials: 'omit', redirect: 'manual' });
    });
  });
});
