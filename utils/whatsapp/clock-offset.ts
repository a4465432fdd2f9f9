/**
 * The local clock can be minutes off. Window arithmetic uses Twilio's message dates, so "now" must
 * be on Twilio's clock too: we estimate the offset from the `Date` header of Twilio's answers.
 */

/** Differences smaller than this are HTTP `Date` rounding (whole seconds) and network delay. */
const NEGLIGIBLE_SKEW_MS = 2_000;

/** Offset to add to the local clock to get Twilio's, from one answer's `Date` header. */
export function estimateOffset(serverDateMs: number, localReceivedAtMs: number): number {
  // The header is truncated to the second, so on average it lags the real server time by 500 ms.
  const offset = serverDateMs + 500 - localReceivedAtMs;
  return Math.abs(offset) < NEGLIGIBLE_SKEW_MS ? 0 : offset;
}

export function toTwilioClock(localMs: number, offsetMs: number): number {
  return localMs + offsetMs;
}

export function toLocalClock(twilioMs: number, offsetMs: number): number {
  return twilioMs - offsetMs;
}
