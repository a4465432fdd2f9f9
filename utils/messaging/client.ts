import { browser } from 'wxt/browser';
import { CHANNEL } from './constants';
import type { RequestEnvelope, RequestPayload, RequestType, ResponseEnvelope, ResponseMap } from './contract';

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

/** Sends one request to the background and returns its typed answer, or throws BackgroundError. */
export async function request<T extends RequestType>(type: T, payload: RequestPayload<T>): Promise<ResponseMap[T]> {
  const envelope: RequestEnvelope<T> = { channel: CHANNEL, type, payload };
  let response: ResponseEnvelope<T> | undefined;
  try {
    response = await browser.runtime.sendMessage<RequestEnvelope<T>, ResponseEnvelope<T> | undefined>(envelope);
  } catch {
    throw new BackgroundError('unreachable', 'Dealchat’s background service did not answer. Reload the page and try again.');
  }
  if (!response) throw new BackgroundError('unreachable', 'Dealchat’s background service did not answer. Reload the page and try again.');
  if (!response.ok) throw new BackgroundError(response.error.code, response.error.message);
  return response.data;
}
