export type CrmErrorKind =
  /** The CRM refused the API token (HTTP 401). */
  | 'bad-token'
  /** The token works, but its user may not see this record (HTTP 403). */
  | 'forbidden'
  | 'deal-not-found'
  | 'rate-limited'
  /** No answer: offline, DNS, refused, or too slow. */
  | 'network'
  /** The page is not on the CRM's own domain, so the token was not sent. */
  | 'untrusted-page'
  /** Any other answer, or one the adapter could not read. */
  | 'unexpected';

/** A failed CRM look-up, with a sentence the rep can act on; never contains the token. */
export class CrmError extends Error {
  readonly retryAfterMs: number | null;

  constructor(
    readonly kind: CrmErrorKind,
    message: string,
    options: { retryAfterMs?: number | null; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'CrmError';
    this.retryAfterMs = options.retryAfterMs ?? null;
  }
}
