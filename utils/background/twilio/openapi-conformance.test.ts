/**
 * Checks what the client sends, and what it makes of Twilio's documented answers, against Twilio's own OpenAPI
 * descriptions (tests/fixtures/twilio-oai), so a misspelt parameter or path fails here rather than in production.
 */
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { readFileSync } from 'node:fs';
import { ACCOUNT_SID, KEY_AUTH, twilioMessage } from '@/tests/support/twilio-client';
import { createTwilioClient } from './rest-client';
import { parseContentAndApprovals } from './templates';
import type { SendMessageRequest, TwilioContentAndApprovals } from './types';

interface Parameter {
  name: string;
  in: string;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> };
  responses: Record<string, { content?: Record<string, { examples?: Record<string, { value: unknown }> }> }>;
}
interface Spec {
  paths: Record<string, Partial<Record<'get' | 'post', Operation>>>;
}

const loadSpec = (file: string) =>
  JSON.parse(readFileSync(new URL(`../../../tests/fixtures/twilio-oai/${file}`, import.meta.url), 'utf8')) as Spec;
const API_SPEC = loadSpec('twilio_api_v2010.json');
const CONTENT_SPEC = loadSpec('twilio_content_v1.json');

/** The one documented operation a request goes to, found by matching its path against the path templates. */
function operationFor(spec: Spec, request: Request): Operation {
  const path = decodeURIComponent(new URL(request.url).pathname);
  const method = request.method.toLowerCase() as 'get' | 'post';
  const matches = Object.entries(spec.paths).filter(([template, item]) => {
    const pattern = template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+');
    return new RegExp(`^${pattern}$`).test(path) && item[method] !== undefined;
  });
  expect(matches.map(([template]) => template), `${method} ${path}`).toHaveLength(1);
  const operation = matches[0]?.[1][method];
  if (!operation) throw new Error(`No documented operation for ${method} ${path}`);
  return operation;
}

function documentedQuery(operation: Operation): string[] {
  return (operation.parameters ?? []).filter((parameter) => parameter.in === 'query').map((p) => p.name);
}

function documentedForm(operation: Operation): string[] {
  return Object.keys(operation.requestBody?.content['application/x-www-form-urlencoded']?.schema.properties ?? {});
}

function example(spec: Spec, path: string, name: string): unknown {
  const value = spec.paths[path]?.get?.responses['200']?.content?.['application/json']?.examples?.[name]?.value;
  if (value === undefined) throw new Error(`No example ${name} for ${path}`);
  return value;
}

const server = setupServer();
const requests: Request[] = [];
beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  server.events.on('request:start', ({ request }) => requests.push(request.clone()));
});
beforeEach(() => {
  requests.length = 0;
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const twilio = () => createTwilioClient({ auth: KEY_AUTH, sleep: () => Promise.resolve() });

function onlyRequest(): Request {
  expect(requests).toHaveLength(1);
  const [request] = requests;
  if (!request) throw new Error('no request');
  return request;
}

describe('sending', () => {
  beforeEach(() => {
    server.use(
      http.post('https://api.twilio.com/2010-04-01/Accounts/:account/Messages.json', () =>
        HttpResponse.json(twilioMessage('SM1'), { status: 201 }),
      ),
    );
  });

  async function sentForm(request: SendMessageRequest): Promise<URLSearchParams> {
    await twilio().sendMessage(request);
    const sent = onlyRequest();
    const operation = operationFor(API_SPEC, sent);
    expect(sent.headers.get('content-type')).toMatch(/^application\/x-www-form-urlencoded\b/);
    expect(operation.requestBody?.content).toHaveProperty(['application/x-www-form-urlencoded']);
    const form = new URLSearchParams(await sent.text());
    expect(documentedForm(operation)).toEqual(expect.arrayContaining([...new Set(form.keys())]));
    return form;
  }

  it('sends text with media links as documented form fields, one MediaUrl per link, in order', async () => {
    const form = await sentForm({
      to: '+46701234567',
      sender: { from: '+14155550100' },
      content: {
        kind: 'text',
        body: 'Quote attached & signed',
        mediaUrls: ['https://a.example/1.pdf', 'https://a.example/2.png'],
      },
    });

    expect([...form]).toEqual([
      ['To', 'whatsapp:+46701234567'],
      ['From', 'whatsapp:+14155550100'],
      ['Body', 'Quote attached & signed'],
      ['MediaUrl', 'https://a.example/1.pdf'],
      ['MediaUrl', 'https://a.example/2.png'],
    ]);
  });

  it('sends media alone without a Body', async () => {
    const form = await sentForm({
      to: '+46701234567',
      sender: { from: '+14155550100' },
      content: { kind: 'media', mediaUrls: ['https://a.example/1.pdf'] },
    });

    expect(form.has('Body')).toBe(false);
    expect(form.getAll('MediaUrl')).toEqual(['https://a.example/1.pdf']);
  });

  it('sends a template by ContentSid, its values as one JSON string, and no Body', async () => {
    const form = await sentForm({
      to: '+46701234567',
      sender: { from: '+14155550100', messagingServiceSid: 'MG0123456789abcdef0123456789abcdef' },
      content: {
        kind: 'template',
        contentSid: 'HX0123456789abcdef0123456789abcdef',
        contentVariables: { '1': 'Anna', '2': 'Order 42' },
      },
    });

    expect([...form]).toEqual([
      ['To', 'whatsapp:+46701234567'],
      ['From', 'whatsapp:+14155550100'],
      ['MessagingServiceSid', 'MG0123456789abcdef0123456789abcdef'],
      ['ContentSid', 'HX0123456789abcdef0123456789abcdef'],
      ['ContentVariables', '{"1":"Anna","2":"Order 42"}'],
    ]);
  });

  it('can send through a Messaging Service alone', async () => {
    const form = await sentForm({
      to: 'whatsapp:+46701234567',
      sender: { from: '', messagingServiceSid: 'MG0123456789abcdef0123456789abcdef' },
      content: { kind: 'text', body: 'Hi' },
    });

    expect(form.has('From')).toBe(false);
    expect(form.get('To')).toBe('whatsapp:+46701234567');
  });
});

describe('reading', () => {
  it('filters and pages messages with documented query parameters', async () => {
    const firstPage = example(API_SPEC, '/2010-04-01/Accounts/{AccountSid}/Messages.json', 'readFullPage1') as {
      next_page_uri: string;
    };
    server.use(
      http.get('https://api.twilio.com/2010-04-01/Accounts/:account/Messages.json', ({ request }) =>
        HttpResponse.json(
          new URL(request.url).searchParams.has('PageToken') ? { ...firstPage, next_page_uri: null } : firstPage,
        ),
      ),
    );

    const pages = twilio().listMessages({
      to: '+46701234567',
      from: 'whatsapp:+14155550100',
      sentOnOrAfter: new Date('2023-08-01T22:30:00-05:00'),
      sentOnOrBefore: new Date('2023-08-24T12:00:00Z'),
      pageSize: 50,
    });
    const sids: string[] = [];
    for await (const page of pages) sids.push(...page.map((message) => message.sid));

    expect(requests).toHaveLength(2);
    for (const request of requests) {
      const query = new URL(request.url).searchParams;
      expect(documentedQuery(operationFor(API_SPEC, request))).toEqual(expect.arrayContaining([...query.keys()]));
    }
    const query = new URL(requests[0]?.url ?? '').searchParams;
    expect([...query]).toEqual([
      ['To', 'whatsapp:+46701234567'],
      ['From', 'whatsapp:+14155550100'],
      ['DateSent>', '2023-08-02'],
      ['DateSent<', '2023-08-24'],
      ['PageSize', '50'],
    ]);
    expect(requests[1]?.url).toBe(`https://api.twilio.com${firstPage.next_page_uri}`);
    expect(sids).toHaveLength(4);
  });

  it('fetches a message, its media and the account at documented paths', async () => {
    server.use(
      http.get('https://api.twilio.com/2010-04-01/Accounts/:account/Messages/:file', () =>
        HttpResponse.json(twilioMessage('SM1')),
      ),
      http.get('https://api.twilio.com/2010-04-01/Accounts/:account/Messages/:sid/Media.json', () =>
        HttpResponse.json(
          example(API_SPEC, '/2010-04-01/Accounts/{AccountSid}/Messages/{MessageSid}/Media.json', 'readFull') as object,
        ),
      ),
      http.get('https://api.twilio.com/2010-04-01/Accounts/:file', () =>
        HttpResponse.json(example(API_SPEC, '/2010-04-01/Accounts/{Sid}.json', 'fetch') as object),
      ),
    );
    const client = twilio();

    await client.fetchMessage('SM1');
    const media = await client.listMedia('SM1');
    const account = await client.fetchAccount();

    expect(requests.map((request) => new URL(request.url).pathname)).toEqual([
      `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/SM1.json`,
      `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/SM1/Media.json`,
      `/2010-04-01/Accounts/${ACCOUNT_SID}.json`,
    ]);
    for (const request of requests) operationFor(API_SPEC, request);
    expect(media.length).toBeGreaterThan(0);
    expect(media[0]?.uri).toMatch(/\/Media\/ME[0-9a-f]{32}\.json$/);
    expect(Object.keys(account).sort()).toEqual(['friendly_name', 'sid', 'status', 'type']);
  });

  it('pages templates with documented query parameters and reads the documented approvals', async () => {
    const documented = example(CONTENT_SPEC, '/v1/ContentAndApprovals', 'readResults') as {
      contents: TwilioContentAndApprovals[];
    };
    server.use(http.get('https://content.twilio.com/v1/ContentAndApprovals', () => HttpResponse.json(documented)));

    const views = [];
    for await (const page of twilio().listContentAndApprovals(20)) views.push(...page.map(parseContentAndApprovals));

    const request = onlyRequest();
    const query = new URL(request.url).searchParams;
    expect([...query]).toEqual([['PageSize', '20']]);
    expect(documentedQuery(operationFor(CONTENT_SPEC, request))).toEqual(expect.arrayContaining([...query.keys()]));
    expect(views.map((view) => [view?.approvalStatus, view?.category, view?.variables])).toEqual([
      ['unsubmitted', null, ['name']],
      ['approved', 'transactional', ['1', '2']],
      ['rejected', 'transactional', ['1', '2', '3']],
    ]);
    expect(views[2]?.rejectionReason).toMatch(/^INVALID_FORMAT/);
    expect(views[0]?.body).toBe('Foo Bar Co is located at 39.7392, 104.9903');
  });
});
