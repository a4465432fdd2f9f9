import { parseRetryAfter } from './backoff';
import type { TwilioErrorBody } from './types';

/** Twilio answered with a non-2xx status. The message is Twilio's own, which never echoes credentials. */
export class TwilioApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number | null,
    readonly twilioMessage: string,
    readonly moreInfo: string | null,
    /** What a `Retry-After` header asked for, in ms. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(`Twilio answered HTTP ${status}${code === null ? '' : ` (error ${code})`}: ${twilioMessage}`);
    this.name = 'TwilioApiError';
  }

  /** Reads Twilio's error body; proxies and outages answer with HTML or nothing, so anything else is tolerated. */
  static fromResponse(status: number, bodyText: string, retryAfter: string | null = null): TwilioApiError {
    const body = parseErrorBody(bodyText);
    return new TwilioApiError(
      status,
      typeof body.code === 'number' && Number.isInteger(body.code) ? body.code : null,
      typeof body.message === 'string' && body.message.trim() !== '' ? body.message : `HTTP ${status}`,
      typeof body.more_info === 'string' && body.more_info !== '' ? body.more_info : null,
      parseRetryAfter(retryAfter),
    );
  }
}

/** The request got no answer: the network failed, or Twilio did not answer in time. */
export class TwilioNetworkError extends Error {
  constructor(
    readonly kind: 'offline' | 'timeout',
    options?: { cause?: unknown },
  ) {
    super(kind === 'timeout' ? 'Twilio did not answer in time.' : 'Could not reach Twilio.', options);
    this.name = 'TwilioNetworkError';
  }
}

/** Twilio answered with a success status, but not with something the client can read or may follow. */
export class TwilioProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TwilioProtocolError';
  }
}

const TOO_MANY_REQUESTS = 20429;

/** Worth trying again: throttling (never processed), server failures and lost requests. Other 4xx never are. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof TwilioNetworkError) return true;
  if (!(error instanceof TwilioApiError)) return false;
  return isThrottled(error) || error.status >= 500;
}

/**
 * Twilio may or may not have acted on the request, so a send must be reconciled before it is repeated. Throttling
 * is known not to have been processed; an unreadable success answer most likely was.
 */
export function isOutcomeUnknown(error: unknown): boolean {
  if (error instanceof TwilioNetworkError || error instanceof TwilioProtocolError) return true;
  return error instanceof TwilioApiError && error.status >= 500 && !isThrottled(error);
}

/** Twilio turned the request away unprocessed because the account is making too many. */
export function isThrottled(error: TwilioApiError): boolean {
  return error.status === 429 || error.code === TOO_MANY_REQUESTS;
}

// Every field is checked before use: the body may not come from Twilio at all.
function parseErrorBody(text: string): Partial<Record<keyof TwilioErrorBody, unknown>> {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? parsed : {};
  } catch {
    return {};
  }
}
