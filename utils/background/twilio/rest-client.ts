import { retryDelay, type BackoffPolicy } from './backoff';
import { parseTwilioDate } from './dates';
import { isOutcomeUnknown, isRetryable, TwilioApiError, TwilioNetworkError, TwilioProtocolError } from './errors';
import {
  apiUrl,
  authorizationHeader,
  CONTENT_ORIGIN,
  ensureOrigin,
  listMessagesQuery,
  sendMessageForm,
} from './requests';
import { readAccount, readContentPage, readMediaList, readMessage, readMessagePage } from './responses';
import type {
  TwilioAuth,
  TwilioClient,
  TwilioContentPage,
  TwilioMedia,
  TwilioMessage,
  TwilioMessagePage,
} from './types';

export interface TwilioClientOptions {
  auth: TwilioAuth;
  fetch?: typeof fetch;
  /** Attempts per request, the first included. */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Twilio's clock (its `Date` header) next to ours when the answer arrived, for clock-skew correction. */
  onServerDate?: (serverEpochMs: number, localEpochMs: number) => void;
}

interface Call<T> {
  method: 'GET' | 'POST';
  url: string;
  body?: URLSearchParams;
  accept?: string;
  read: (response: Response) => Promise<T>;
}

export function createTwilioClient(options: TwilioClientOptions): TwilioClient {
  const {
    auth,
    maxAttempts = 4,
    timeoutMs = 20_000,
    sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    random = Math.random,
    onServerDate,
  } = options;
  // Called through globalThis so fetch keeps its receiver (Chrome throws "Illegal invocation" otherwise) and so
  // a fetch patched after creation, as test doubles do, is still the one used.
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const policy: BackoffPolicy = { baseMs: options.baseDelayMs ?? 500, maxMs: options.maxDelayMs ?? 8_000 };
  const authorization = authorizationHeader(auth);
  const accountPath = `/2010-04-01/Accounts/${encodeURIComponent(auth.accountSid)}`;

  /** One request and its answer; every failure comes out as one of the client's error types. */
  async function exchange<T>({ method, url, body, accept = 'application/json', read }: Call<T>): Promise<T> {
    try {
      const response = await fetchImpl(url, {
        method,
        headers: { Authorization: authorization, Accept: accept },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      reportServerDate(response);
      if (!response.ok) {
        throw TwilioApiError.fromResponse(response.status, await response.text(), response.headers.get('retry-after'));
      }
      return await read(response);
    } catch (error) {
      throw classify(error);
    }
  }

  function reportServerDate(response: Response): void {
    const serverEpochMs = parseTwilioDate(response.headers.get('date'));
    if (onServerDate && serverEpochMs !== null) onServerDate(serverEpochMs, Date.now());
  }

  async function withRetries<T>(run: () => Promise<T>, shouldRetry: (error: unknown) => boolean): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await run();
      } catch (error) {
        if (attempt >= maxAttempts || !shouldRetry(error)) throw error;
        const retryAfterMs = error instanceof TwilioApiError ? error.retryAfterMs : null;
        const delay = retryDelay(attempt - 1, retryAfterMs, policy, random);
        if (delay === null) throw error;
        await sleep(delay);
      }
    }
  }

  // Reads are idempotent, so anything transient is retried.
  function get<T>(call: Omit<Call<T>, 'method'>): Promise<T> {
    return withRetries(() => exchange({ ...call, method: 'GET' }), isRetryable);
  }

  function getJson<T>(url: string, parse: (json: unknown) => T): Promise<T> {
    return get({ url, read: async (response) => parse(await response.json()) });
  }

  return {
    // Repeated only when Twilio says it did not process the request; otherwise the caller reconciles first,
    // because repeating a send whose outcome is unknown could deliver it twice.
    sendMessage(request) {
      const call: Call<TwilioMessage> = {
        method: 'POST',
        url: apiUrl(`${accountPath}/Messages.json`),
        body: sendMessageForm(request),
        read: async (response) => readMessage(await response.json()),
      };
      return withRetries(() => exchange(call), (error) => isRetryable(error) && !isOutcomeUnknown(error));
    },

    fetchMessage(sid) {
      return getJson(apiUrl(`${accountPath}/Messages/${encodeURIComponent(sid)}.json`), readMessage);
    },

    async *listMessages(filter) {
      const query = listMessagesQuery(filter).toString();
      let next: string | null = `${accountPath}/Messages.json${query === '' ? '' : `?${query}`}`;
      while (next !== null) {
        const page: TwilioMessagePage = await getJson(apiUrl(next), readMessagePage);
        yield page.messages;
        next = page.next_page_uri;
      }
    },

    listMedia(messageSid) {
      return getJson(apiUrl(`${accountPath}/Messages/${encodeURIComponent(messageSid)}/Media.json`), readMediaList);
    },

    // Async so that a media item without a usable address rejects like every other failure.
    async fetchMediaContent(media) {
      // Any type: the file is whatever was sent, and Twilio answers it with a redirect to its storage.
      return await get({ url: apiUrl(mediaContentPath(media)), accept: '*/*', read: (response) => response.blob() });
    },

    async *listContentAndApprovals(pageSize) {
      const query = pageSize === undefined ? '' : `?${new URLSearchParams({ PageSize: String(pageSize) }).toString()}`;
      let next: string | null = `${CONTENT_ORIGIN}/v1/ContentAndApprovals${query}`;
      while (next !== null) {
        const page: TwilioContentPage = await getJson(ensureOrigin(next, CONTENT_ORIGIN), readContentPage);
        yield page.contents;
        next = page.meta.next_page_url;
      }
    },

    fetchAccount() {
      return getJson(apiUrl(accountPath + '.json'), readAccount);
    },
  };
}

// The media resource's `uri` names its JSON description; without `.json` it is the file itself.
function mediaContentPath(media: TwilioMedia): string {
  if (media.uri === null) throw new TwilioProtocolError('Twilio gave no address for this media file.');
  return media.uri.replace(/\.json$/, '');
}

function classify(error: unknown): unknown {
  if (error instanceof TwilioApiError || error instanceof TwilioProtocolError) return error;
  // AbortSignal.timeout rejects with a DOMException named TimeoutError, while the request or the body is read.
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return new TwilioNetworkError('timeout', { cause: error });
  }
  // A 2xx answer whose body is not JSON: Twilio acted, but what it said is lost.
  if (error instanceof SyntaxError) return new TwilioProtocolError('Twilio answered with something other than JSON.');
  // fetch signals every network failure (offline, DNS, refused, reset) with a TypeError.
  if (error instanceof TypeError) return new TwilioNetworkError('offline', { cause: error });
  return error;
}
