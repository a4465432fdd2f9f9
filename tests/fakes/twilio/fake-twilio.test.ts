import http from 'node:http';
import https from 'node:https';
import { setupServer } from 'msw/node';
import twilio from 'twilio';
import {
  DroppedConnectionError,
  FakeTwilio,
  responsePropertyNames,
  schemaPropertyNames,
  startFakeTwilioServer,
  twilioHandlers,
  type FakeTwilioServer,
  type MessageResource,
} from './index';

type Json = Record<string, unknown>;

const T0 = Date.parse('2024-03-05T10:00:00Z');
const HOUR = 60 * 60 * 1000;
const SENDER = 'whatsapp:+14155238886';
const CONTACT = 'whatsapp:+46701234567';
const RFC_2822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/;

let clock = T0;
let fake: FakeTwilio;

beforeEach(() => {
  clock = T0;
  fake = new FakeTwilio({ now: () => clock });
});

function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

interface CallOptions {
  method?: string;
  form?: Record<string, string | string[]>;
  /** `null` sends no Authorization header; the default is the API key. */
  auth?: string | null;
}

function toRequest(target: string, options: CallOptions = {}): Request {
  const headers = new Headers();
  const auth = options.auth === undefined ? basic(fake.apiKeySid, fake.apiKeySecret) : options.auth;
  if (auth !== null) headers.set('Authorization', auth);
  const form = options.form && new URLSearchParams();
  for (const [name, value] of Object.entries(options.form ?? {})) {
    for (const item of [value].flat()) form?.append(name, item);
  }
  const url = target.startsWith('https://') ? target : `https://api.twilio.com${target}`;
  return new Request(url, { method: options.method ?? (form ? 'POST' : 'GET'), headers, body: form });
}

async function call(target: string, options?: CallOptions): Promise<{ status: number; body: Json }> {
  const response = await fake.handle(toRequest(target, options));
  return { status: response.status, body: (await response.json()) as Json };
}

const messagesPath = () => `/2010-04-01/Accounts/${fake.accountSid}/Messages.json`;
const accountPath = () => `/2010-04-01/Accounts/${fake.accountSid}.json`;

async function send(form: Record<string, string | string[]>): Promise<{ status: number; body: Json }> {
  return call(messagesPath(), { form: { From: SENDER, To: CONTACT, ...form } });
}

async function sendOk(form: Record<string, string | string[]>): Promise<MessageResource> {
  const { status, body } = await send(form);
  expect(status, JSON.stringify(body)).toBe(201);
  return body as unknown as MessageResource;
}

function keysOf(value: unknown): string[] {
  return Object.keys(value as Json);
}

describe('authentication', () => {
  it('accepts the Account SID with the auth token, and an API key with its secret', async () => {
    const withToken = await call(accountPath(), { auth: basic(fake.accountSid, fake.authToken) });
    const withKey = await call(accountPath());

    for (const { status, body } of [withToken, withKey]) {
      expect(status).toBe(200);
      expect(body).toMatchObject({ sid: fake.accountSid, status: 'active', type: 'Full' });
      expect(body).not.toHaveProperty('auth_token');
    }
    expect(fake.requests.map((r) => r.authUsername)).toEqual([fake.accountSid, fake.apiKeySid]);
  });

  it.each([
    ['a wrong secret', basic(`SK${'b'.repeat(32)}`, 'nope')],
    ['the key SID with the auth token', basic(`SK${'b'.repeat(32)}`, 'fake-auth-token-0123456789abcdef')],
    ['no credentials', null],
  ])('rejects %s with 401/20003', async (_case, auth) => {
    expect(await call(accountPath(), { auth })).toEqual({
      status: 401,
      body: { code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 },
    });
  });

  it('forbids another account in the path, and everything once credentials are revoked', async () => {
    const other = await call(`/2010-04-01/Accounts/AC${'f'.repeat(32)}/Messages.json`);
    expect(other).toMatchObject({ status: 403, body: { code: 20003 } });

    fake.revokeCredentials();
    expect(await call(accountPath())).toMatchObject({ status: 401, body: { code: 20003 } });
    fake.restoreCredentials();
    expect((await call(accountPath())).status).toBe(200);
  });
});

describe('the OpenAPI description as the contract', () => {
  it('rejects a parameter the operation does not define, naming it, and sends nothing', async () => {
    const { status, body } = await send({ Bodyy: 'Hello' });

    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 20001, message: expect.stringContaining("'Bodyy'") as unknown });
    expect(fake.sentMessages()).toHaveLength(0);
  });

  it('rejects unknown query parameters, out-of-range integers, unknown paths and unsupported methods', async () => {
    expect(await call(`${messagesPath()}?Limit=5`)).toMatchObject({ status: 400, body: { code: 20001 } });
    expect(await call(`${messagesPath()}?PageSize=1001`)).toMatchObject({ status: 400, body: { code: 20001 } });
    expect(await call(`/2010-04-01/Accounts/${fake.accountSid}/Nope.json`)).toMatchObject({
      status: 404,
      body: { code: 20404 },
    });
    expect(await call(messagesPath(), { method: 'DELETE' })).toMatchObject({ status: 405, body: { code: 20004 } });
  });

  it('serves only fields the OpenAPI schemas define', async () => {
    const template = fake.addTemplate();
    const message = await sendOk({ Body: 'Hi', MediaUrl: 'https://example.com/a.png' });
    const list = await call(messagesPath());
    const media = await call(`/2010-04-01/Accounts/${fake.accountSid}/Messages/${message.sid}/Media.json`);
    const account = await call(accountPath());
    const approvals = await call('https://content.twilio.com/v1/ContentAndApprovals');
    const contents = await call('https://content.twilio.com/v1/Content');
    const api = 'api.twilio.com';
    const content = 'content.twilio.com';
    const listTemplate = '/2010-04-01/Accounts/{AccountSid}/Messages.json';
    const mediaTemplate = '/2010-04-01/Accounts/{AccountSid}/Messages/{MessageSid}/Media.json';

    const checks: [unknown, Set<string>][] = [
      [message, schemaPropertyNames(api, 'api.v2010.account.message')],
      [(list.body.messages as unknown[])[0], schemaPropertyNames(api, 'api.v2010.account.message')],
      [list.body, responsePropertyNames(api, 'GET', listTemplate)],
      [media.body, responsePropertyNames(api, 'GET', mediaTemplate)],
      [(media.body.media_list as unknown[])[0], schemaPropertyNames(api, 'api.v2010.account.message.media')],
      [account.body, schemaPropertyNames(api, 'api.v2010.account')],
      [template, schemaPropertyNames(content, 'content.v1.content_and_approvals')],
      [approvals.body, responsePropertyNames(content, 'GET', '/v1/ContentAndApprovals')],
      [(contents.body.contents as unknown[])[0], schemaPropertyNames(content, 'content.v1.content')],
    ];
    for (const [served, documented] of checks) {
      expect(keysOf(served).filter((key) => !documented.has(key))).toEqual([]);
    }
  });
});

describe('sending', () => {
  it('answers 201 with a queued message in Twilio shape', async () => {
    const message = await sendOk({ Body: 'Hello 👋' });

    expect(message).toMatchObject({
      account_sid: fake.accountSid,
      api_version: '2010-04-01',
      body: 'Hello 👋',
      direction: 'outbound-api',
      status: 'queued',
      from: SENDER,
      to: CONTACT,
      num_media: '0',
      num_segments: '1',
      error_code: null,
      price: null,
      messaging_service_sid: null,
      uri: `/2010-04-01/Accounts/${fake.accountSid}/Messages/${message.sid}.json`,
      subresource_uris: { media: `/2010-04-01/Accounts/${fake.accountSid}/Messages/${message.sid}/Media.json` },
    });
    expect(message.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(message.date_created).toBe('Tue, 05 Mar 2024 10:00:00 +0000');
    expect(message.date_sent).toMatch(RFC_2822);
    expect(fake.message(message.sid)).toEqual(message);
  });

  it('keeps repeated MediaUrl as a list, and creates one Media per URL', async () => {
    const message = await sendOk({ MediaUrl: ['https://example.com/photo.jpg', 'https://example.com/offer.pdf'] });
    await sendOk({ MediaUrl: 'https://example.com/one.png' });

    expect(fake.requests.map((r) => r.form.MediaUrl)).toEqual([
      ['https://example.com/photo.jpg', 'https://example.com/offer.pdf'],
      ['https://example.com/one.png'],
    ]);
    expect(message.num_media).toBe('2');
    const media = await call(`/2010-04-01/Accounts/${fake.accountSid}/Messages/${message.sid}/Media.json`);
    expect(media.body.media_list).toMatchObject([
      { content_type: 'image/jpeg', parent_sid: message.sid },
      { content_type: 'application/pdf', parent_sid: message.sid },
    ]);
  });

  it('fills a template from ContentVariables, falling back to its defaults', async () => {
    const template = fake.addTemplate({ body: 'Hi {{1}}, your {{2}} is ready.', variables: { '1': 'there', '2': 'quote' } });

    const message = await sendOk({ ContentSid: template.sid, ContentVariables: JSON.stringify({ '1': 'Anna' }) });

    expect(template.sid).toMatch(/^HX[0-9a-f]{32}$/);
    expect(message.body).toBe('Hi Anna, your quote is ready.');
  });

  it('sends through a known Messaging Service alone: accepted, sender picked on the next step', async () => {
    const service = `MG${'c'.repeat(32)}`;
    fake.receiveInbound({ from: '+46701234567' });
    const { body } = await call(messagesPath(), { form: { To: CONTACT, MessagingServiceSid: service, Body: 'Hi' } });
    expect(body).toMatchObject({ status: 'accepted', from: null, messaging_service_sid: service });

    fake.advanceStatuses();

    expect(fake.message(body.sid as string)).toMatchObject({ status: 'queued', from: SENDER });
  });

  it.each([
    ['no To', { To: '' }, 21604],
    ['no sender', { From: '' }, 21603],
    ['an unknown Messaging Service', { From: '', MessagingServiceSid: `MG${'d'.repeat(32)}` }, 21705],
    ['a To without whatsapp:', { To: '+46701234567' }, 21211],
    ['a From without a WhatsApp channel', { From: 'whatsapp:+15005550006' }, 63007],
    ['no content', { Body: '' }, 21619],
    ['a body over 1600 characters', { Body: 'x'.repeat(1601) }, 21617],
    ['eleven media URLs', { MediaUrl: Array.from({ length: 11 }, (_, i) => `https://example.com/${i}.png`) }, 21623],
    ['a media URL that is not http(s)', { MediaUrl: 'ftp://example.com/a.png' }, 21620],
    ['an unknown ContentSid', { ContentSid: `HX${'0'.repeat(32)}` }, 21655],
    ['ContentVariables without ContentSid', { Body: 'Hi', ContentVariables: '{"1":"x"}' }, 21656],
  ])('rejects %s synchronously', async (_case, form, code) => {
    const { status, body } = await send({ Body: 'Hello', ...form });

    expect(status).toBe(400);
    expect(body).toMatchObject({ code, status: 400, more_info: `https://www.twilio.com/docs/errors/${code}` });
    expect(fake.sentMessages()).toHaveLength(0);
  });

  it.each([
    ['not JSON', 'Anna'],
    ['a JSON array', '["Anna"]'],
    ['an empty value', '{"1":""}'],
    ['a value with a newline', '{"1":"An\\nna"}'],
  ])('rejects ContentVariables that are %s with 21656', async (_case, variables) => {
    const template = fake.addTemplate();

    const { body } = await send({ ContentSid: template.sid, ContentVariables: variables });

    expect(body).toMatchObject({ code: 21656 });
  });
});

describe('delivery and the 24-hour window', () => {
  it('moves a message inside the window through sent, delivered and read', async () => {
    fake.receiveInbound({ from: '+46701234567', body: 'Hi!' });
    clock += 23 * HOUR;
    const { sid } = await sendOk({ Body: 'Hello' });

    const seen: string[] = [];
    for (let step = 0; step < 4; step++) {
      fake.advanceStatuses();
      seen.push(fake.message(sid)?.status ?? 'missing');
    }

    expect(seen).toEqual(['sent', 'delivered', 'read', 'read']);
  });

  it.each([
    ['never wrote', () => undefined],
    ['last wrote over 24 hours ago', () => fake.receiveInbound({ from: '+46701234567', at: T0 - 25 * HOUR })],
  ])('accepts free-form to a contact who %s, then fails it with 63016', async (_case, history) => {
    history();
    const queued = await sendOk({ Body: 'Hello' });
    expect(queued).toMatchObject({ status: 'queued', error_code: null });

    fake.advanceStatuses();

    expect(fake.message(queued.sid)).toMatchObject({
      status: 'failed',
      error_code: 63016,
      error_message: expect.stringContaining('outside the allowed window') as unknown,
    });
  });

  it('delivers a template outside the window', async () => {
    const template = fake.addTemplate();
    const { sid } = await sendOk({ ContentSid: template.sid, ContentVariables: '{"1":"Anna"}' });

    fake.advanceStatuses();
    fake.advanceStatuses();

    expect(fake.message(sid)).toMatchObject({ status: 'delivered', error_code: null });
  });

  it('can step statuses on every read instead', async () => {
    fake = new FakeTwilio({ now: () => clock, advanceStatusesOnRead: true, enforceSessionWindow: false });
    const { sid } = await sendOk({ Body: 'Hello' });

    const first = await call(`/2010-04-01/Accounts/${fake.accountSid}/Messages/${sid}.json`);
    const second = await call(messagesPath());

    expect(first.body.status).toBe('sent');
    expect((second.body.messages as MessageResource[])[0]?.status).toBe('delivered');
  });
});

describe('reading messages', () => {
  it('pages newest first, following next_page_uri with the filters kept', async () => {
    for (let i = 0; i < 5; i++) fake.receiveInbound({ from: '+46701234567', body: `m${i}`, at: T0 + i * 1000 });
    fake.receiveInbound({ from: '+46709999999', body: 'someone else' });

    const bodies: string[] = [];
    const links: string[] = [];
    let next: string | null = `${messagesPath()}?From=${encodeURIComponent(CONTACT)}&PageSize=2`;
    while (next !== null) {
      const page = await call(next);
      expect(page.status).toBe(200);
      bodies.push(...(page.body.messages as MessageResource[]).map((m) => m.body));
      if (links.length === 0) fake.receiveInbound({ from: '+46701234567', body: 'arrived while paging', at: T0 + HOUR });
      next = page.body.next_page_uri as string | null;
      if (next !== null) links.push(next);
    }

    expect(bodies).toEqual(['m4', 'm3', 'm2', 'm1', 'm0']);
    expect(links[0]).toMatch(
      new RegExp(`^${messagesPath()}\\?From=whatsapp%3A%2B46701234567&PageSize=2&Page=1&PageToken=PASM[0-9a-f]{32}$`),
    );
    expect(links).toHaveLength(2);
  });

  it('filters by whole GMT days with DateSent, DateSent> and DateSent<', async () => {
    const at = ['2024-03-01T23:59:59Z', '2024-03-02T00:00:00Z', '2024-03-02T23:00:00Z', '2024-03-03T00:00:01Z'];
    for (const [i, iso] of at.entries()) fake.receiveInbound({ from: '+46701234567', body: `d${i}`, at: Date.parse(iso) });
    const bodies = async (query: string) =>
      ((await call(`${messagesPath()}?${query}`)).body.messages as MessageResource[]).map((m) => m.body);

    expect(await bodies('DateSent>=2024-03-02')).toEqual(['d3', 'd2', 'd1']);
    expect(await bodies('DateSent%3C=2024-03-02')).toEqual(['d2', 'd1', 'd0']);
    expect(await bodies('DateSent=2024-03-02')).toEqual(['d2', 'd1']);
    expect(await bodies('DateSent>=2024-03-02T22:00:00Z&DateSent<=2024-03-02')).toEqual(['d2', 'd1']);
  });

  it('stores inbound messages with media behind the same auth', async () => {
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
    const inbound = fake.receiveInbound({
      from: '+46701234567',
      body: 'See attached',
      media: [{ contentType: 'image/jpeg', bytes }],
    });
    expect(inbound).toMatchObject({ direction: 'inbound', status: 'received', from: CONTACT, to: SENDER, num_media: '1' });

    const list = await call(`/2010-04-01/Accounts/${fake.accountSid}/Messages/${inbound.sid}/Media.json`);
    const mediaUri = (list.body.media_list as { uri: string }[])[0]?.uri ?? '';
    const content = await fake.handle(toRequest(mediaUri.replace(/\.json$/, '')));
    const anonymous = await fake.handle(toRequest(mediaUri.replace(/\.json$/, ''), { auth: null }));

    expect(mediaUri).toMatch(/\/Media\/ME[0-9a-f]{32}\.json$/);
    expect(content.headers.get('content-type')).toBe('image/jpeg');
    expect(new Uint8Array(await content.arrayBuffer())).toEqual(bytes);
    expect(anonymous.status).toBe(401);
    expect(await call(`/2010-04-01/Accounts/${fake.accountSid}/Messages/SM${'0'.repeat(32)}.json`)).toMatchObject({
      status: 404,
      body: { code: 20404 },
    });
  });
});

describe('templates', () => {
  it('pages ContentAndApprovals with absolute next_page_url, approval flat or nested', async () => {
    fake.addTemplate({ friendlyName: 'a' });
    fake.addTemplate({ friendlyName: 'b', approval: { status: 'pending' }, approvalShape: 'nested' });
    fake.addTemplate({ friendlyName: 'c', approval: { status: 'rejected', rejection_reason: 'INVALID_FORMAT' } });

    const first = await call('https://content.twilio.com/v1/ContentAndApprovals?PageSize=2');
    const meta = first.body.meta as Json;
    const second = await call(meta.next_page_url as string);

    expect(first.body.contents).toMatchObject([
      { friendly_name: 'a', approval_requests: { status: 'approved', category: 'UTILITY', name: 'a' } },
      { friendly_name: 'b', approval_requests: { whatsapp: { status: 'pending' } } },
    ]);
    expect(meta).toMatchObject({ page: 0, page_size: 2, key: 'contents', previous_page_url: null });
    expect(meta.next_page_url).toMatch(
      /^https:\/\/content\.twilio\.com\/v1\/ContentAndApprovals\?PageSize=2&Page=1&PageToken=PAHX[0-9a-f]{32}$/,
    );
    expect(second.body.contents).toMatchObject([{ friendly_name: 'c', approval_requests: { status: 'rejected' } }]);
    expect(second.body.meta).toMatchObject({ next_page_url: null, previous_page_url: expect.any(String) as unknown });
  });

  it('reflects approval changes', async () => {
    const { sid } = fake.addTemplate({ approval: { status: 'pending' } });
    fake.setTemplateApproval(sid, { status: 'approved' });

    const { body } = await call('https://content.twilio.com/v1/ContentAndApprovals');

    expect(body.contents).toMatchObject([{ sid, approval_requests: { status: 'approved' } }]);
  });
});

describe('faults', () => {
  it('answers scripted 429s unprocessed, only to the requests they target', async () => {
    fake.failNext(1, { status: 429, when: (r) => r.method === 'POST' });

    expect((await call(accountPath())).status).toBe(200);
    expect(await send({ Body: 'Hello' })).toMatchObject({ status: 429, body: { code: 20429, status: 429 } });
    expect(fake.sentMessages()).toHaveLength(0);
    expect((await send({ Body: 'Hello' })).status).toBe(201);
    expect(fake.sentMessages()).toHaveLength(1);
    expect(fake.requests.map((r) => r.status)).toEqual([200, 429, 201]);
  });

  it('can fail a request after acting on it, as an outage mid-request does', async () => {
    fake.failNext(1, { status: 500, processed: true, when: (r) => r.method === 'POST' });

    expect(await send({ Body: 'Hello' })).toMatchObject({ status: 500, body: { code: 20500 } });
    expect(fake.sentMessages().map((m) => m.body)).toEqual(['Hello']);
  });

  it('drops connections like a network failure', async () => {
    fake.dropNextConnections(1);

    await expect(fake.handle(toRequest(accountPath()))).rejects.toBeInstanceOf(TypeError);
    expect((await call(accountPath())).status).toBe(200);
    expect(fake.requests.map((r) => r.status)).toEqual(['dropped', 200]);
  });

  it('fails at random with 503 when asked, repeatably with a seeded random', async () => {
    const rolls = [0.1, 0.9, 0.2];
    fake.setRandomFailureRate(0.5, () => rolls.shift() ?? 1);

    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(accountPath())).status);

    expect(statuses).toEqual([503, 200, 503, 200]);
  });

  it('answers normally again once its faults are cleared, scripted and random alike', async () => {
    fake.failNext(5, { status: 500 });
    fake.dropNextConnections(5);
    fake.setRandomFailureRate(1);
    await call(accountPath());

    fake.clearFaults();

    expect((await call(accountPath())).status).toBe(200);
    expect((await call(accountPath())).status).toBe(200);
  });

  it('delays responses', async () => {
    fake.setSlowResponses(30);
    const started = performance.now();

    await call(accountPath());

    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
  });
});

describe('through msw', () => {
  const mswServer = setupServer();
  beforeAll(() => mswServer.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => mswServer.resetHandlers(...twilioHandlers(fake)));
  afterAll(() => mswServer.close());

  it('answers fetch, and rejects it on a dropped connection', async () => {
    const headers = { Authorization: basic(fake.accountSid, fake.authToken) };
    const ok = await fetch(`https://api.twilio.com${accountPath()}`, { headers });
    fake.dropNextConnections(1);

    expect(ok.status).toBe(200);
    await expect(fetch(`https://api.twilio.com${accountPath()}`, { headers })).rejects.toThrow(TypeError);
  });

  it('works with the official Twilio SDK, paging included', async () => {
    // msw's interception of node:http never completes a response on the SDK's keep-alive agent.
    const client = twilio(fake.apiKeySid, fake.apiKeySecret, { accountSid: fake.accountSid, keepAlive: false });
    fake.receiveInbound({ from: '+46701234567' });
    fake.addTemplate();
    fake.addTemplate();

    const created = await client.messages.create({ from: SENDER, to: CONTACT, body: 'From the SDK' });
    for (let i = 0; i < 4; i++) fake.receiveInbound({ from: '+46701234567', body: `in ${i}` });
    const listed = await client.messages.list({ to: SENDER, pageSize: 2 });
    const templates = await client.content.v1.contentAndApprovals.list({ pageSize: 1 });

    expect(created).toMatchObject({ sid: fake.sentMessages()[0]?.sid, status: 'queued', numMedia: '0' });
    expect(listed).toHaveLength(5);
    expect(templates).toHaveLength(2);
    expect(fake.requests.filter((r) => r.path.endsWith('/Messages.json') && r.method === 'GET')).toHaveLength(3);
  });
});

describe('over a real socket', () => {
  interface Reply {
    status: number;
    contentType: string | undefined;
    body: string;
  }

  function request(server: FakeTwilioServer, host: string, path: string, form?: string): Promise<Reply> {
    const options = {
      host: '127.0.0.1',
      port: server.port,
      path,
      method: form === undefined ? 'GET' : 'POST',
      headers: {
        Host: host,
        Authorization: basic(fake.apiKeySid, fake.apiKeySecret),
        ...(form === undefined ? {} : { 'Content-Type': 'application/x-www-form-urlencoded' }),
      },
    };
    return new Promise((resolve, reject) => {
      const onResponse = (response: http.IncomingMessage) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          resolve({
            status: response.statusCode ?? 0,
            contentType: response.headers['content-type'],
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
      };
      const outgoing =
        server.certificate === null
          ? http.request(options, onResponse)
          : https.request({ ...options, servername: host, ca: server.certificate }, onResponse);
      outgoing.on('error', reject);
      outgoing.end(form);
    });
  }

  it('serves HTTPS with a certificate valid for api.twilio.com and content.twilio.com', async () => {
    const server = await startFakeTwilioServer(fake, { https: true });
    try {
      fake.addTemplate();
      const account = await request(server, 'api.twilio.com', accountPath());
      const templates = await request(server, 'content.twilio.com', '/v1/ContentAndApprovals');
      fake.dropNextConnections(1);
      const dropped = request(server, 'api.twilio.com', accountPath());

      expect(server.url).toBe(`https://127.0.0.1:${server.port}`);
      expect(account.status).toBe(200);
      expect(account.contentType).toContain('application/json');
      expect(JSON.parse(account.body)).toMatchObject({ sid: fake.accountSid });
      expect(JSON.parse(templates.body)).toMatchObject({ contents: [{ language: 'en' }] });
      await expect(dropped).rejects.toThrow(/socket hang up|ECONNRESET/);
    } finally {
      await server.close();
    }
  });

  it('serves plain HTTP, routing by the Host header', async () => {
    const server = await startFakeTwilioServer(fake);
    try {
      const form = new URLSearchParams({ From: SENDER, To: CONTACT, Body: 'Over HTTP' }).toString();
      const created = await request(server, 'api.twilio.com', messagesPath(), form);
      const wrongHost = await request(server, 'example.com', messagesPath());

      expect(created.status).toBe(201);
      expect(fake.sentMessages()).toMatchObject([{ body: 'Over HTTP' }]);
      expect(fake.requests[0]).toMatchObject({ host: 'api.twilio.com', form: { Body: 'Over HTTP' } });
      expect(wrongHost.status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('is a DroppedConnectionError in-process', async () => {
    fake.dropNextConnections(1);
    await expect(fake.handle(toRequest(accountPath()))).rejects.toBeInstanceOf(DroppedConnectionError);
  });
});
