import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  ACCOUNT_SID,
  API_KEY_SECRET,
  API_KEY_SID,
  AUTH_TOKEN,
  decodeBasicAuth,
  KEY_AUTH,
  MESSAGES_URL,
  TOKEN_AUTH,
  twilioMessage,
} from '@/tests/support/twilio-client';
import { isOutcomeUnknown, TwilioApiError, TwilioNetworkError, TwilioProtocolError } from './errors';
import { createTwilioClient, type TwilioClientOptions } from './rest-client';
import type { SendMessageRequest, TwilioContentAndApprovals, TwilioMessage } from './types';

const ACCOUNT_PATH = `/2010-04-01/Accounts/${ACCOUNT_SID}`;
const CONTENT_URL = 'https://content.twilio.com/v1/ContentAndApprovals';
const TEXT: SendMessageRequest = {
  to: '+46701234567',
  sender: { from: '+14155550100' },
  content: { kind: 'text', body: 'Hello' },
};

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** A client whose waits are recorded instead of slept. */
function client(options: Partial<TwilioClientOptions> = {}) {
  const sleeps: number[] = [];
  const twilio = createTwilioClient({
    auth: TOKEN_AUTH,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    random: () => 0.5,
    ...options,
  });
  return { twilio, sleeps };
}

/** Answers each request with the next response in turn, counting the requests. */
function sequence(...responses: (() => Response)[]) {
  const requests: Request[] = [];
  const resolver = ({ request }: { request: Request }) => {
    requests.push(request.clone());
    const next = responses[Math.min(requests.length, responses.length) - 1];
    if (!next) throw new Error('no response configured');
    return next();
  };
  return { requests, resolver };
}

const twilioError = (status: number, code: number, headers: Record<string, string> = {}) => () =>
  HttpResponse.json(
    { code, message: `Error ${code}`, more_info: `https://www.twilio.com/docs/errors/${code}`, status },
    { status, headers },
  );
const created = (message: TwilioMessage) => () => HttpResponse.json(message, { status: 201 });
const ok = (body: object) => () => HttpResponse.json(body);

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

async function collect<T>(pages: AsyncGenerator<T[]>): Promise<T[][]> {
  const all: T[][] = [];
  for await (const page of pages) all.push(page);
  return all;
}

function messagePage(sids: string[], next: string | null) {
  return { messages: sids.map((sid) => twilioMessage(sid)), next_page_uri: next, page: 0, page_size: sids.length };
}

function contentItem(sid: string): TwilioContentAndApprovals {
  return {
    sid,
    friendly_name: sid,
    language: 'en',
    date_created: null,
    date_updated: null,
    variables: null,
    types: { 'twilio/text': { body: 'Hi' } },
    approval_requests: null,
  };
}

describe('paging', () => {
  it('follows next_page_uri through every page of messages', async () => {
    const page2 = `${ACCOUNT_PATH}/Messages.json?To=whatsapp%3A%2B46701234567&PageSize=2&Page=1&PageToken=PA1`;
    const page3 = `${ACCOUNT_PATH}/Messages.json?To=whatsapp%3A%2B46701234567&PageSize=2&Page=2&PageToken=PA2`;
    const seen: string[] = [];
    server.use(
      http.get(MESSAGES_URL, ({ request }) => {
        const url = new URL(request.url);
        seen.push(url.pathname + url.search);
        const token = url.searchParams.get('PageToken');
        if (token === null) return HttpResponse.json(messagePage(['SM1', 'SM2'], page2));
        if (token === 'PA1') return HttpResponse.json(messagePage(['SM3', 'SM4'], page3));
        return HttpResponse.json(messagePage(['SM5'], null));
      }),
    );

    const pages = await collect(client().twilio.listMessages({ to: '+46701234567', pageSize: 2 }));

    expect(pages.map((page) => page.map((message) => message.sid))).toEqual([['SM1', 'SM2'], ['SM3', 'SM4'], ['SM5']]);
    expect(seen).toEqual([`${ACCOUNT_PATH}/Messages.json?To=whatsapp%3A%2B46701234567&PageSize=2`, page2, page3]);
  });

  it('asks for the next page only when the caller wants it', async () => {
    const { requests, resolver } = sequence(ok(messagePage(['SM1'], `${ACCOUNT_PATH}/Messages.json?Page=1`)));
    server.use(http.get(MESSAGES_URL, resolver));

    for await (const page of client().twilio.listMessages({})) {
      expect(page).toHaveLength(1);
      break;
    }

    expect(requests).toHaveLength(1);
  });

  it('follows the absolute next_page_url of the Content API', async () => {
    const seen: string[] = [];
    server.use(
      http.get(CONTENT_URL, ({ request }) => {
        const url = new URL(request.url);
        seen.push(url.search);
        const page = Number(url.searchParams.get('Page') ?? '0');
        const next = page < 2 ? `${CONTENT_URL}?PageSize=2&Page=${page + 1}&PageToken=PT${page + 1}` : null;
        return HttpResponse.json({
          contents: [contentItem(`HX${page}a`), contentItem(`HX${page}b`)],
          meta: { page, page_size: 2, next_page_url: next, key: 'contents' },
        });
      }),
    );

    const pages = await collect(client().twilio.listContentAndApprovals(2));

    expect(pages.map((page) => page.map((item) => item.sid))).toEqual([
      ['HX0a', 'HX0b'],
      ['HX1a', 'HX1b'],
      ['HX2a', 'HX2b'],
    ]);
    expect(seen).toEqual(['?PageSize=2', '?PageSize=2&Page=1&PageToken=PT1', '?PageSize=2&Page=2&PageToken=PT2']);
  });

  it('does not carry the credentials to a next page on another host', async () => {
    server.use(
      http.get(CONTENT_URL, ok({ contents: [], meta: { next_page_url: 'https://content.twilio.com.evil.example/' } })),
      http.get(MESSAGES_URL, ok(messagePage([], '@evil.example/steal'))),
    );
    const { twilio } = client();

    const contentPages = twilio.listContentAndApprovals();
    await contentPages.next();
    expect(await rejection(contentPages.next())).toBeInstanceOf(TwilioProtocolError);

    const messagePages = twilio.listMessages({});
    await messagePages.next();
    expect(await rejection(messagePages.next())).toBeInstanceOf(TwilioProtocolError);
  });
});

describe('retries', () => {
  it('retries a throttled read after a jittered backoff', async () => {
    const { requests, resolver } = sequence(twilioError(429, 20429), ok(twilioMessage('SM1')));
    server.use(http.get(`https://api.twilio.com${ACCOUNT_PATH}/Messages/SM1.json`, resolver));
    const { twilio, sleeps } = client({ random: () => 0.5, baseDelayMs: 400 });

    const message = await twilio.fetchMessage('SM1');

    expect(message.sid).toBe('SM1');
    expect(requests).toHaveLength(2);
    expect(sleeps).toEqual([200]);
  });

  it('retries a throttled send, which Twilio never processed', async () => {
    const { requests, resolver } = sequence(twilioError(429, 20429), created(twilioMessage('SM1')));
    server.use(http.post(MESSAGES_URL, resolver));
    const { twilio, sleeps } = client();

    await expect(twilio.sendMessage(TEXT)).resolves.toMatchObject({ sid: 'SM1' });
    expect(requests).toHaveLength(2);
    expect(await requests[1]?.text()).toBe(await requests[0]?.text());
    expect(sleeps).toHaveLength(1);
  });

  it('honours Retry-After', async () => {
    const { resolver } = sequence(twilioError(429, 20429, { 'Retry-After': '3' }), created(twilioMessage('SM1')));
    server.use(http.post(MESSAGES_URL, resolver));
    const { twilio, sleeps } = client();

    await twilio.sendMessage(TEXT);

    expect(sleeps).toEqual([3_000]);
  });

  it('gives up when Retry-After asks for longer than the maximum delay', async () => {
    const { requests, resolver } = sequence(twilioError(429, 20429, { 'Retry-After': '60' }));
    server.use(http.post(MESSAGES_URL, resolver));
    const { twilio, sleeps } = client({ maxDelayMs: 8_000 });

    const error = await rejection(twilio.sendMessage(TEXT));

    expect(error).toMatchObject({ status: 429, code: 20429, retryAfterMs: 60_000 });
    expect(requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('retries a failed read with growing, capped, jittered delays until the attempts run out', async () => {
    const { requests, resolver } = sequence(twilioError(503, 20503));
    server.use(http.get(`https://api.twilio.com${ACCOUNT_PATH}.json`, resolver));
    const { twilio, sleeps } = client({ maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 1_500, random: () => 0.999 });

    const error = await rejection(twilio.fetchAccount());

    expect(error).toMatchObject({ status: 503, code: 20503 });
    expect(requests).toHaveLength(5);
    expect(sleeps).toEqual([499, 999, 1_498, 1_498]);
  });

  it('recovers when a read succeeds on a later attempt', async () => {
    const { resolver } = sequence(
      twilioError(503, 20503),
      () => new HttpResponse('<html>Bad Gateway</html>', { status: 502 }),
      ok({ media_list: [] }),
    );
    server.use(http.get(`https://api.twilio.com${ACCOUNT_PATH}/Messages/SM1/Media.json`, resolver));
    const { twilio, sleeps } = client();

    await expect(twilio.listMedia('SM1')).resolves.toEqual([]);
    expect(sleeps).toHaveLength(2);
  });

  it('retries a read after a network failure', async () => {
    const { resolver } = sequence(() => HttpResponse.error(), ok(twilioMessage('SM1')));
    server.use(http.get(`https://api.twilio.com${ACCOUNT_PATH}/Messages/SM1.json`, resolver));

    await expect(client().twilio.fetchMessage('SM1')).resolves.toMatchObject({ sid: 'SM1' });
  });

  it.each([
    ['read', (twilio: ReturnType<typeof client>['twilio']) => twilio.fetchMessage('SM1')],
    ['send', (twilio: ReturnType<typeof client>['twilio']) => twilio.sendMessage(TEXT)],
  ])('never retries a rejected %s', async (_, call) => {
    const { requests, resolver } = sequence(twilioError(400, 21211));
    server.use(
      http.get(`https://api.twilio.com${ACCOUNT_PATH}/Messages/SM1.json`, resolver),
      http.post(MESSAGES_URL, resolver),
    );
    const { twilio, sleeps } = client();

    const error = await rejection(call(twilio));

    expect(error).toBeInstanceOf(TwilioApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 21211,
      twilioMessage: 'Error 21211',
      moreInfo: 'https://www.twilio.com/docs/errors/21211',
    });
    expect(isOutcomeUnknown(error)).toBe(false);
    expect(requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('does not repeat a send that failed on Twilio’s side, and flags it for reconciliation', async () => {
    const { requests, resolver } = sequence(twilioError(503, 20503), created(twilioMessage('SM1')));
    server.use(http.post(MESSAGES_URL, resolver));

    const error = await rejection(client().twilio.sendMessage(TEXT));

    expect(error).toMatchObject({ status: 503 });
    expect(isOutcomeUnknown(error)).toBe(true);
    expect(requests).toHaveLength(1);
  });

  it('does not repeat a send lost on the network, and flags it for reconciliation', async () => {
    const { requests, resolver } = sequence(() => HttpResponse.error(), created(twilioMessage('SM1')));
    server.use(http.post(MESSAGES_URL, resolver));

    const error = await rejection(client().twilio.sendMessage(TEXT));

    expect(error).toBeInstanceOf(TwilioNetworkError);
    expect(error).toMatchObject({ kind: 'offline' });
    expect(isOutcomeUnknown(error)).toBe(true);
    expect(requests).toHaveLength(1);
  });

  it('flags a send whose success answer cannot be read', async () => {
    server.use(http.post(MESSAGES_URL, () => new HttpResponse('not json', { status: 201 })));

    const error = await rejection(client().twilio.sendMessage(TEXT));

    expect(error).toBeInstanceOf(TwilioProtocolError);
    expect(isOutcomeUnknown(error)).toBe(true);
  });

  it('times out a request Twilio does not answer', async () => {
    server.use(
      http.post(MESSAGES_URL, async () => {
        await delay('infinite');
        return new HttpResponse(null, { status: 201 });
      }),
    );

    const error = await rejection(client({ timeoutMs: 20 }).twilio.sendMessage(TEXT));

    expect(error).toBeInstanceOf(TwilioNetworkError);
    expect(error).toMatchObject({ kind: 'timeout' });
    expect(isOutcomeUnknown(error)).toBe(true);
  });
});

describe('authentication', () => {
  it.each([
    ['an API key', KEY_AUTH, `${API_KEY_SID}:${API_KEY_SECRET}`],
    ['the Auth Token', TOKEN_AUTH, `${ACCOUNT_SID}:${AUTH_TOKEN}`],
  ])('signs in with %s and keeps the account SID in the path', async (_, auth, credentials) => {
    const { requests, resolver } = sequence(created(twilioMessage('SM1')), ok(contentPage()));
    server.use(http.post(MESSAGES_URL, resolver), http.get(CONTENT_URL, resolver));
    const { twilio } = client({ auth });

    await twilio.sendMessage(TEXT);
    await collect(twilio.listContentAndApprovals());

    expect(requests.map((request) => decodeBasicAuth(request.headers.get('authorization')))).toEqual([
      credentials,
      credentials,
    ]);
    expect(new URL(requests[0]?.url ?? '').pathname).toBe(`${ACCOUNT_PATH}/Messages.json`);
  });

  it('sends the credentials with media downloads, to the file rather than its description', async () => {
    let authorization: string | null = null;
    let accept: string | null = null;
    server.use(
      http.get(`https://api.twilio.com${ACCOUNT_PATH}/Messages/MM1/Media/ME1`, ({ request }) => {
        authorization = request.headers.get('authorization');
        accept = request.headers.get('accept');
        return new HttpResponse(new Uint8Array([1, 2, 3]), { headers: { 'Content-Type': 'image/jpeg' } });
      }),
    );

    const blob = await client().twilio.fetchMediaContent({
      sid: 'ME1',
      content_type: 'image/jpeg',
      parent_sid: 'MM1',
      uri: `${ACCOUNT_PATH}/Messages/MM1/Media/ME1.json`,
    });

    expect(decodeBasicAuth(authorization)).toBe(`${ACCOUNT_SID}:${AUTH_TOKEN}`);
    expect(accept).toBe('*/*');
    expect(blob.type).toBe('image/jpeg');
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([1, 2, 3]);
  });

  it('refuses a media item without a Twilio path rather than send the credentials elsewhere', async () => {
    const { twilio } = client();
    const media = { sid: 'ME1', content_type: 'image/png', parent_sid: 'MM1' };

    await expect(twilio.fetchMediaContent({ ...media, uri: null })).rejects.toBeInstanceOf(TwilioProtocolError);
    await expect(
      twilio.fetchMediaContent({ ...media, uri: 'https://evil.example/ME1.json' }),
    ).rejects.toBeInstanceOf(TwilioProtocolError);
  });

  it('never puts a secret into an error', async () => {
    const failures = [
      () => HttpResponse.json({ code: 20003, message: 'Authenticate', status: 401 }, { status: 401 }),
      () => new HttpResponse('<html>Internal error</html>', { status: 500 }),
      () => HttpResponse.error(),
    ];
    for (const auth of [TOKEN_AUTH, KEY_AUTH]) {
      for (const failure of failures) {
        server.use(http.post(MESSAGES_URL, failure));
        const error = await rejection(client({ auth }).twilio.sendMessage(TEXT));
        const exposed = [String(error), error instanceof Error ? (error.stack ?? '') : '', JSON.stringify(error)];
        for (const text of exposed) {
          expect(text).not.toContain(AUTH_TOKEN);
          expect(text).not.toContain(API_KEY_SECRET);
          expect(text).not.toContain(btoa(`${ACCOUNT_SID}:${AUTH_TOKEN}`));
          expect(text).not.toContain(btoa(`${API_KEY_SID}:${API_KEY_SECRET}`));
        }
      }
    }
  });
});

describe('resources', () => {
  it('returns only the harmless account fields, never the auth token', async () => {
    server.use(
      http.get(
        `https://api.twilio.com${ACCOUNT_PATH}.json`,
        ok({
          sid: ACCOUNT_SID,
          friendly_name: 'Acme Sales',
          status: 'active',
          type: 'Full',
          auth_token: AUTH_TOKEN,
          owner_account_sid: ACCOUNT_SID,
          subresource_uris: {},
        }),
      ),
    );

    const account = await client().twilio.fetchAccount();

    expect(account).toEqual({ sid: ACCOUNT_SID, friendly_name: 'Acme Sales', status: 'active', type: 'Full' });
    expect(JSON.stringify(account)).not.toContain(AUTH_TOKEN);
  });

  it('reads unexpected account values as unknown', async () => {
    server.use(http.get(`https://api.twilio.com${ACCOUNT_PATH}.json`, ok({ sid: ACCOUNT_SID, status: 'weird' })));

    await expect(client().twilio.fetchAccount()).resolves.toEqual({
      sid: ACCOUNT_SID,
      friendly_name: null,
      status: null,
      type: null,
    });
  });

  it('lists the media of a message', async () => {
    const media = {
      sid: 'ME1',
      content_type: 'image/png',
      parent_sid: 'MM1',
      uri: `${ACCOUNT_PATH}/Messages/MM1/Media/ME1.json`,
    };
    server.use(http.get(`https://api.twilio.com${ACCOUNT_PATH}/Messages/MM1/Media.json`, ok({ media_list: [media] })));

    await expect(client().twilio.listMedia('MM1')).resolves.toEqual([media]);
  });

  it('rejects an answer that is not shaped like the resource', async () => {
    server.use(http.get(`https://api.twilio.com${ACCOUNT_PATH}/Messages/SM1.json`, ok({ message: 'hello' })));

    await expect(client().twilio.fetchMessage('SM1')).rejects.toBeInstanceOf(TwilioProtocolError);
  });

  it('reports Twilio’s clock with ours, for skew correction', async () => {
    server.use(
      http.get(`https://api.twilio.com${ACCOUNT_PATH}/Messages/SM1.json`, () =>
        HttpResponse.json(twilioMessage('SM1'), { headers: { Date: 'Thu, 24 Aug 2023 05:01:45 GMT' } }),
      ),
    );
    const reports: [number, number][] = [];
    const before = Date.now();

    await client({ onServerDate: (server, local) => reports.push([server, local]) }).twilio.fetchMessage('SM1');

    expect(reports).toHaveLength(1);
    const [serverTime, localTime] = reports[0] ?? [];
    expect(serverTime).toBe(Date.parse('2023-08-24T05:01:45Z'));
    expect(localTime).toBeGreaterThanOrEqual(before);
    expect(localTime).toBeLessThanOrEqual(Date.now());
  });
});

function contentPage() {
  return { contents: [contentItem('HX1')], meta: { page: 0, page_size: 50, next_page_url: null } };
}
