import type { ResponseEnvelope } from '@/utils/messaging/views';

type ErrorCode = Extract<ResponseEnvelope, { ok: false }>['error']['code'];

/** A refusal with a sentence for the user; the router turns it into an error response. */
export class RequestError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}
