/**
 * Compares what our client sends with what Twilio's official Node SDK sends for the same message. The SDK is a
 * devDependency used only here: its request goes to a capturing HTTP client, never to the network.
 */
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import TwilioResponse from 'twilio/lib/http/response';
import {
  ACCOUNT_SID,
  API_KEY_SECRET,
  API_KEY_SID,
  AUTH_TOKEN,
  decodeBasicAuth,
  KEY_AUTH,
  TOKEN_AUTH,
  twilioMessage,
} from '@/tests/support/twilio-client';
import { createTwilioClient } from './rest-client';
import type { SendMessageRequest, TwilioAuth } from './types';

type RequestOptions<TData = unknown> = RequestClient.RequestOptions<TData>;
type SdkCreateParams = Parameters<twilio.Twilio['messages']['create']>[0];

interface CapturedRequest {
  method: string;
  url: string;
  credentials: string;
  contentType: string;
  /** Form fields, each with its values in order; keys sorted because the order of fields carries no meaning. */
  form: [string, string[]][];
}

const created = () => JSON.stringify(twilioMessage('SM0123456789abcdef0123456789abcdef'));

class CapturingRequestClient extends twilio.RequestClient {
  readonly captured: RequestOptions[] = [];

  override request<TData>(opts: RequestOptions<TData>): Promise<TwilioResponse<TData>> {
    this.captured.push(opts);
    return Promise.resolve(new TwilioResponse(201, created() as TData, {}));
  }
}

function groupFields(pairs: [string, string][]): [string, string[]][] {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of pairs) grouped.set(key, [...(grouped.get(key) ?? []), value]);
  return [...grouped].sort(([a], [b]) => a.localeCompare(b));
}

async function sentBySdk(auth: TwilioAuth, params: SdkCreateParams): Promise<CapturedRequest> {
  const httpClient = new CapturingRequestClient();
  const client =
    auth.kind === 'apiKey'
      ? twilio(auth.apiKeySid, auth.apiKeySecret, { accountSid: auth.accountSid, httpClient })
      : twilio(auth.accountSid, auth.authToken, { httpClient });
  await client.messages.create(params);
  const [opts] = httpClient.captured;
  if (!opts) throw new Error('the SDK sent nothing');
  // The SDK's own RequestClient serialises `data` with qs `arrayFormat: "repeat"`: arrays become repeated keys.
  const data = Object.entries((opts.data ?? {}) as Record<string, unknown>).flatMap(([key, value]) =>
    (Array.isArray(value) ? value : [value]).map((item): [string, string] => [key, String(item)]),
  );
  return {
    method: opts.method.toUpperCase(),
    url: opts.uri,
    credentials: `${opts.username ?? ''}:${opts.password ?? ''}`,
    contentType: opts.headers?.['Content-Type'] ?? '',
    form: groupFields(data),
  };
}

async function sentByUs(auth: TwilioAuth, request: SendMessageRequest): Promise<CapturedRequest> {
  let captured: Request | undefined;
  const client = createTwilioClient({
    auth,
    fetch: (input, init) => {
      captured = new Request(input, init);
      return Promise.resolve(new Response(created(), { status: 201 }));
    },
  });
  await client.sendMessage(request);
  if (!captured) throw new Error('we sent nothing');
  return {
    method: captured.method,
    url: captured.url,
    credentials: decodeBasicAuth(captured.headers.get('authorization')),
    contentType: (captured.headers.get('content-type') ?? '').split(';')[0] ?? '',
    form: groupFields([...new URLSearchParams(await captured.text())]),
  };
}

const cases: [string, SendMessageRequest, SdkCreateParams][] = [
  [
    'text',
    { to: '+46701234567', sender: { from: '+14155550100' }, content: { kind: 'text', body: 'Hej Anna! 50% off, ok?' } },
    { to: 'whatsapp:+46701234567', from: 'whatsapp:+14155550100', body: 'Hej Anna! 50% off, ok?' },
  ],
  [
    'text with two media links',
    {
      to: '+46701234567',
      sender: { from: '+14155550100' },
      content: {
        kind: 'text',
        body: 'See attached',
        mediaUrls: ['https://a.example/1.pdf', 'https://a.example/2.png?x=1&y=2'],
      },
    },
    {
      to: 'whatsapp:+46701234567',
      from: 'whatsapp:+14155550100',
      body: 'See attached',
      mediaUrl: ['https://a.example/1.pdf', 'https://a.example/2.png?x=1&y=2'],
    },
  ],
  [
    'a template through a Messaging Service',
    {
      to: '+46701234567',
      sender: { from: '', messagingServiceSid: 'MG0123456789abcdef0123456789abcdef' },
      content: {
        kind: 'template',
        contentSid: 'HX0123456789abcdef0123456789abcdef',
        contentVariables: { '1': 'Anna', '2': 'Order 42' },
      },
    },
    {
      to: 'whatsapp:+46701234567',
      messagingServiceSid: 'MG0123456789abcdef0123456789abcdef',
      contentSid: 'HX0123456789abcdef0123456789abcdef',
      contentVariables: '{"1":"Anna","2":"Order 42"}',
    },
  ],
];

describe('sending matches the official twilio SDK', () => {
  it.each(cases)('for %s with an Auth Token', async (_, ours, sdk) => {
    expect(await sentByUs(TOKEN_AUTH, ours)).toEqual(await sentBySdk(TOKEN_AUTH, sdk));
  });

  it.each(cases)('for %s with an API key', async (_, ours, sdk) => {
    expect(await sentByUs(KEY_AUTH, ours)).toEqual(await sentBySdk(KEY_AUTH, sdk));
  });

  it('agrees on the essentials, so a vacuous comparison cannot pass', async () => {
    const [, ours] = cases[1] ?? [];
    if (!ours) throw new Error('missing case');
    expect(await sentByUs(KEY_AUTH, ours)).toMatchObject({
      method: 'POST',
      url: `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`,
      credentials: `${API_KEY_SID}:${API_KEY_SECRET}`,
      contentType: 'application/x-www-form-urlencoded',
      form: [
        ['Body', ['See attached']],
        ['From', ['whatsapp:+14155550100']],
        ['MediaUrl', ['https://a.example/1.pdf', 'https://a.example/2.png?x=1&y=2']],
        ['To', ['whatsapp:+46701234567']],
      ],
    });
    expect((await sentByUs(TOKEN_AUTH, ours)).credentials).toBe(`${ACCOUNT_SID}:${AUTH_TOKEN}`);
  });
});
