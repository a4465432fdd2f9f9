import https from 'node:https';
import { FakePipedrive, startFakePipedriveServer, type FakePipedriveServer } from './index';

type Json = Record<string, unknown>;

let fake: FakePipedrive;

beforeEach(() => {
  fake = new FakePipedrive();
});

function seed(): { dealId: number; personId: number; orgId: number; ownerId: number } {
  const ownerId = fake.addUser({ name: 'Maria Lind' });
  const orgId = fake.addOrganization({ name: 'Acme AB' });
  const personId = fake.addPerson({
    name: 'Anna Svensson',
    phones: [{ value: '08-123 456 78', label: 'work' }, { value: '070-123 45 67', label: 'mobile' }],
    emails: [{ value: 'anna@acme.example' }],
    orgId,
  });
  const dealId = fake.addDeal({ title: 'Acme expansion', value: 12000, currency: 'SEK', personId, orgId, ownerId });
  return { dealId, personId, orgId, ownerId };
}

async function get(path: string, headers: Record<string, string> = { 'x-api-token': fake.apiToken }) {
  const response = await fake.handle(new Request(`https://acme.pipedrive.com${path}`, { headers }));
  return { status: response.status, headers: response.headers, body: (await response.json()) as Json };
}

describe('API', () => {
  it('serves a deal with its related ids, as API v2 does', async () => {
    const { dealId, personId, orgId, ownerId } = seed();
    const { status, body } = await get(`/api/v2/deals/${dealId}`);
    expect(status).toBe(200);
    expect(body).toEqual({
      success: true,
      data: expect.objectContaining({
        id: dealId,
        title: 'Acme expansion',
        value: 12000,
        currency: 'SEK',
        person_id: personId,
        org_id: orgId,
        owner_id: ownerId,
        status: 'open',
        add_time: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/) as unknown,
      }) as unknown,
    });
  });

  it('serves a person with phones as {value, primary, label}, the first primary unless another is marked', async () => {
    const { personId } = seed();
    const marked = fake.addPerson({ name: 'Bo', phones: [{ value: '1' }, { value: '2', primary: true }] });
    expect((await get(`/api/v2/persons/${personId}`)).body).toEqual({
      success: true,
      data: expect.objectContaining({
        name: 'Anna Svensson',
        first_name: 'Anna',
        last_name: 'Svensson',
        phones: [
          { value: '08-123 456 78', primary: true, label: 'work' },
          { value: '070-123 45 67', primary: false, label: 'mobile' },
        ],
        emails: [{ value: 'anna@acme.example', primary: true, label: 'work' }],
      }) as unknown,
    });
    const phones = ((await get(`/api/v2/persons/${marked}`)).body.data as Json).phones;
    expect(phones).toEqual([
      { value: '1', primary: false, label: 'work' },
      { value: '2', primary: true, label: 'work' },
    ]);
  });

  it('serves organizations from v2 and users from v1', async () => {
    const { orgId, ownerId } = seed();
    expect((await get(`/api/v2/organizations/${orgId}`)).body.data).toMatchObject({ id: orgId, name: 'Acme AB' });
    expect((await get(`/api/v1/users/${ownerId}`)).body.data).toMatchObject({ id: ownerId, name: 'Maria Lind' });
  });

  it('accepts the token as the api_token query parameter too', async () => {
    const { dealId } = seed();
    expect((await get(`/api/v2/deals/${dealId}?api_token=${fake.apiToken}`, {})).status).toBe(200);
    expect(fake.requests.map((request) => request.tokenIn)).toEqual(['query']);
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { 'x-api-token': 'not-the-token' }],
  ])('refuses %s with 401 in Pipedrive’s error shape', async (_, headers) => {
    const { dealId } = seed();
    const { status, body } = await get(`/api/v2/deals/${dealId}`, headers);
    expect(status).toBe(401);
    expect(body).toEqual({ success: false, error: 'unauthorized access', errorCode: 401, error_info: expect.any(String) as unknown });
  });

  it('answers 404 for a missing record or an unknown endpoint', async () => {
    expect(await get('/api/v2/deals/999')).toMatchObject({ status: 404, body: { success: false, error: 'Deal not found', errorCode: 404 } });
    expect(await get('/api/v2/persons/999')).toMatchObject({ status: 404, body: { error: 'Person not found' } });
    expect(await get('/api/v2/deals')).toMatchObject({ status: 404, body: { success: false, errorCode: 404 } });
  });

  it('throttles the next requests with 429 and Retry-After, then recovers', async () => {
    const { dealId } = seed();
    fake.throttle(1, 3);
    const throttled = await get(`/api/v2/deals/${dealId}`);
    expect(throttled).toMatchObject({ status: 429, body: { success: false, errorCode: 429 } });
    expect(throttled.headers.get('retry-after')).toBe('3');
    expect((await get(`/api/v2/deals/${dealId}`)).status).toBe(200);
  });

  it('answers only its own company’s host', async () => {
    seed();
    const response = await fake.handle(new Request('https://globex.pipedrive.com/api/v2/deals/1', { headers: { 'x-api-token': fake.apiToken } }));
    expect(response.status).toBe(404);
  });

  it('logs every request, with where the token was but never the token', async () => {
    const { dealId } = seed();
    await get(`/api/v2/deals/${dealId}`);
    await fake.handle(new Request(fake.dealUrl(dealId)));
    expect(fake.requests).toEqual([
      { method: 'GET', host: 'acme.pipedrive.com', path: `/api/v2/deals/${dealId}`, kind: 'api', tokenIn: 'header', status: 200 },
      { method: 'GET', host: 'acme.pipedrive.com', path: `/deal/${dealId}`, kind: 'page', tokenIn: null, status: 200 },
    ]);
    expect(JSON.stringify(fake.requests)).not.toContain(fake.apiToken);
  });
});

describe('web app routes', () => {
  it.each(['/deal/1', '/pipeline', '/deals/list', '/deal/999', '/settings'])('serves the app shell at %s', async (path) => {
    seed();
    const response = await fake.handle(new Request(`https://acme.pipedrive.com${path}`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('id="app-main"');
  });
});

describe('HTTPS server', () => {
  const served = new FakePipedrive();
  let server: FakePipedriveServer;

  beforeAll(async () => {
    server = await startFakePipedriveServer(served, { https: true });
  });
  afterAll(() => server.close());

  function request(host: string, path: string, headers: Record<string, string> = {}) {
    return new Promise<{ status: number; body: string }>((resolve, reject) => {
      const call = https.get(
        { host: '127.0.0.1', port: server.port, path, servername: host, ca: server.certificate ?? '', headers: { host, ...headers } },
        (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (body += chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        },
      );
      call.on('error', reject);
    });
  }

  it('serves the API and pages with a certificate valid for any company’s host', async () => {
    const dealId = served.addDeal({ title: 'Over TLS' });
    const api = await request('acme.pipedrive.com', `/api/v2/deals/${dealId}`, { 'x-api-token': served.apiToken });
    expect(api.status).toBe(200);
    expect(JSON.parse(api.body)).toMatchObject({ success: true, data: { title: 'Over TLS' } });
    const page = await request('acme.pipedrive.com', `/deal/${dealId}`);
    expect(page.body).toContain('<!doctype html>');
    // The certificate also covers other companies' hosts; this fake only answers acme's.
    expect((await request('globex.pipedrive.com', '/deal/1')).status).toBe(404);
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });
});
