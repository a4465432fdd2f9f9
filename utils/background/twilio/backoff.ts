export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/**
 * Exponential backoff with full jitter: a uniformly random wait up to `baseMs * 2^attempt` (capped at `maxMs`),
 * so clients throttled together do not retry together. `attempt` counts retries already made, from 0.
 */
export function backoffDelay(attempt: number, { baseMs, maxMs }: BackoffPolicy, random: () => number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/** A `Retry-After` header in seconds, as milliseconds; null when absent or not a number of seconds. */
export function parseRetryAfter(header: string | null): number | null {
  if (header === null || !/^\s*\d+(?:\.\d+)?\s*$/.test(header)) return null;
  return Math.ceil(Number(header) * 1000);
}

/**
 * How long to wait before the next attempt: what the server asked for, else backoff. Null when the server asks
 * for longer than `maxMs`: retrying sooner would disobey it, and waiting longer would keep the caller (a
 * short-lived service worker) hanging, so the caller should give up and try again later.
 */
export function retryDelay(
  attempt: number,
  retryAfterMs: number | null,
  policy: BackoffPolicy,
  random: () => number,
): number | null {
  if (retryAfterMs === null) return backoffDelay(attempt, policy, random);
  return retryAfterMs <= policy.maxMs ? retryAfterMs : null;
}
