import { browser } from 'wxt/browser';
import { CHANNEL } from './constants';
import type { RequestEnvelope, RequestPayload, RequestType } from './contract';
import type { ResponseEnvelope, ResponseMap } from './views';

/** A refusal or failure reported by the background, with a message fit for the user. */
export class BackgroundError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BackgroundError';
  }
}

const UNANSWERED = 'unreachable';

/**
 * Whether the background never answered: its worker was stopped while the request was on its way
 * or being handled, so the request may or may not have taken effect.
 */
export function isUnanswered(error: unknown): error is BackgroundError {
  return error instanceof BackgroundError && error.code === UNANSWERED;
}

/** Sends one request to the background and returns its typed answer, or throws BackgroundError. */
export async function request<T extends RequestType>(type: T, payload: RequestPayload<T>): Promise<ResponseMap[T]> {
  const envelope: RequestEnvelope<T> = { channel: CHANNEL, type, payload };
  // A channel that closes unanswered rejects, or resolves with nothing, depending on when the worker died.
  const response = await browser.runtime
    .sendMessage<RequestEnvelope<T>, ResponseEnvelope<T> | undefined>(envelope)
    .catch(() => undefined);
  if (!response) throw new BackgroundError(UNANSWERED, 'Dealchat’s background service did not answer. Reload the page and try again.');
  if (!response.ok) throw new BackgroundError(response.error.code, response.error.message);
  return response.data;
}
