/**
 * WhatsApp's 24-hour customer-service window, as pure functions.
 *
 * All instants are epoch milliseconds on Twilio's clock (message dates come from Twilio), so the
 * rules never depend on the local clock, time zone or daylight-saving changes. The UI converts to
 * the local clock with a measured offset (see clock-offset.ts).
 */
import type { WindowView } from '@/utils/messaging/views';

export const SESSION_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Twilio's error for a free-form message sent outside the window. */
export const OUTSIDE_WINDOW_ERROR = 63016;

export interface SessionTimestamps {
  /** Newest inbound message from the contact. Only inbound messages open or extend the window. */
  lastInboundAt: number | null;
  /** When Twilio last refused a message with 63016: Twilio's word beats our arithmetic. */
  closedByTwilioAt: number | null;
}

export const NO_SESSION: SessionTimestamps = { lastInboundAt: null, closedByTwilioAt: null };

export function evaluateWindow(timestamps: SessionTimestamps, twilioNow: number): WindowView {
  const { lastInboundAt, closedByTwilioAt } = timestamps;
  if (lastInboundAt === null) return { open: false, closesAt: null, reason: 'never-opened' };
  const closesAt = lastInboundAt + SESSION_WINDOW_MS;
  // A reply that arrives after Twilio's refusal opens a new session, so only a refusal at or
  // after the newest inbound message closes it.
  if (closedByTwilioAt !== null && closedByTwilioAt >= lastInboundAt) {
    return { open: false, closesAt: Math.min(closesAt, closedByTwilioAt), reason: 'closed-by-twilio' };
  }
  if (twilioNow < closesAt) return { open: true, closesAt, reason: 'open' };
  return { open: false, closesAt, reason: 'expired' };
}

export function recordInbound(timestamps: SessionTimestamps, receivedAt: number): SessionTimestamps {
  if (timestamps.lastInboundAt !== null && timestamps.lastInboundAt >= receivedAt) return timestamps;
  return { ...timestamps, lastInboundAt: receivedAt };
}

export function recordOutsideWindowRefusal(timestamps: SessionTimestamps, refusedAt: number): SessionTimestamps {
  if (timestamps.closedByTwilioAt !== null && timestamps.closedByTwilioAt >= refusedAt) return timestamps;
  return { ...timestamps, closedByTwilioAt: refusedAt };
}

/** Milliseconds left in an open window, 0 when closed. */
export function timeLeft(window: WindowView, now: number): number {
  if (!window.open || window.closesAt === null) return 0;
  return Math.max(0, window.closesAt - now);
}
