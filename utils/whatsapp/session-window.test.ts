import { estimateOffset, toLocalClock, toTwilioClock } from './clock-offset';
import {
  evaluateWindow,
  NO_SESSION,
  recordInbound,
  recordOutsideWindowRefusal,
  SESSION_WINDOW_MS,
  timeLeft,
} from './session-window';

const HOUR = 3_600_000;
const inboundAt = Date.UTC(2026, 10, 20, 9, 0, 0);

describe('evaluateWindow', () => {
  it('is never open before the contact has written', () => {
    expect(evaluateWindow(NO_SESSION, inboundAt)).toEqual({ open: false, closesAt: null, reason: 'never-opened' });
  });

  it('is open from the inbound message until one millisecond before 24 hours have passed', () => {
    const ts = recordInbound(NO_SESSION, inboundAt);
    expect(evaluateWindow(ts, inboundAt)).toEqual({ open: true, closesAt: inboundAt + SESSION_WINDOW_MS, reason: 'open' });
    expect(evaluateWindow(ts, inboundAt + SESSION_WINDOW_MS - 1).open).toBe(true);
  });

  it('is closed at exactly 24 hours and after', () => {
    const ts = recordInbound(NO_SESSION, inboundAt);
    expect(evaluateWindow(ts, inboundAt + SESSION_WINDOW_MS)).toEqual({
      open: false,
      closesAt: inboundAt + SESSION_WINDOW_MS,
      reason: 'expired',
    });
    expect(evaluateWindow(ts, inboundAt + 3 * SESSION_WINDOW_MS).open).toBe(false);
  });

  it('is extended by each newer inbound message, never shortened by an older one arriving late', () => {
    let ts = recordInbound(NO_SESSION, inboundAt);
    ts = recordInbound(ts, inboundAt + 20 * HOUR);
    expect(evaluateWindow(ts, inboundAt + 30 * HOUR)).toMatchObject({ open: true, closesAt: inboundAt + 44 * HOUR });
    ts = recordInbound(ts, inboundAt + 1 * HOUR);
    expect(ts.lastInboundAt).toBe(inboundAt + 20 * HOUR);
  });

  it('is closed by a 63016 refusal whatever the arithmetic says', () => {
    const ts = recordOutsideWindowRefusal(recordInbound(NO_SESSION, inboundAt), inboundAt + 2 * HOUR);
    expect(evaluateWindow(ts, inboundAt + 3 * HOUR)).toEqual({
      open: false,
      closesAt: inboundAt + 2 * HOUR,
      reason: 'closed-by-twilio',
    });
  });

  it('reopens when the contact writes again after the refusal', () => {
    let ts = recordOutsideWindowRefusal(recordInbound(NO_SESSION, inboundAt), inboundAt + 30 * HOUR);
    expect(evaluateWindow(ts, inboundAt + 31 * HOUR).open).toBe(false);
    ts = recordInbound(ts, inboundAt + 32 * HOUR);
    expect(evaluateWindow(ts, inboundAt + 33 * HOUR)).toEqual({
      open: true,
      closesAt: inboundAt + 56 * HOUR,
      reason: 'open',
    });
  });

  it('keeps the newest refusal only', () => {
    const ts = recordOutsideWindowRefusal(recordOutsideWindowRefusal(NO_SESSION, 200), 100);
    expect(ts.closedByTwilioAt).toBe(200);
  });

  it('lasts 24 real hours across a daylight-saving change, not until the same wall-clock time', () => {
    // Europe/Stockholm springs forward on 2026-03-29 at 02:00 local (01:00 UTC).
    const beforeChange = Date.parse('2026-03-28T12:30:00+01:00');
    const ts = recordInbound(NO_SESSION, beforeChange);
    const sameWallClockNextDay = Date.parse('2026-03-29T12:30:00+02:00');
    expect(sameWallClockNextDay - beforeChange).toBe(23 * HOUR);
    expect(evaluateWindow(ts, sameWallClockNextDay).open).toBe(true);
    expect(evaluateWindow(ts, Date.parse('2026-03-29T13:30:00+02:00')).open).toBe(false);
  });

  it('gives the same answer for the same instant written in any time zone', () => {
    const ts = recordInbound(NO_SESSION, Date.parse('Fri, 20 Nov 2026 09:00:00 +0000'));
    const inNewYork = Date.parse('Sat, 21 Nov 2026 03:59:59 -0500');
    const inSydney = Date.parse('Sat, 21 Nov 2026 19:59:59 +1100');
    expect(inNewYork).toBe(inSydney);
    expect(evaluateWindow(ts, inNewYork)).toEqual(evaluateWindow(ts, inSydney));
    expect(evaluateWindow(ts, inNewYork).open).toBe(true);
  });
});

describe('timeLeft', () => {
  it('counts down to zero and never goes negative', () => {
    const window = evaluateWindow(recordInbound(NO_SESSION, inboundAt), inboundAt + HOUR);
    expect(timeLeft(window, inboundAt + HOUR)).toBe(23 * HOUR);
    expect(timeLeft(window, inboundAt + SESSION_WINDOW_MS + HOUR)).toBe(0);
    expect(timeLeft(evaluateWindow(NO_SESSION, 0), 0)).toBe(0);
  });
});

describe('clock skew', () => {
  it('ignores differences within HTTP date rounding', () => {
    expect(estimateOffset(1_000_000, 1_000_900)).toBe(0);
  });

  it('corrects a local clock that runs ten minutes behind', () => {
    const twilioTime = Date.UTC(2026, 10, 21, 8, 55, 0);
    const localTime = twilioTime - 10 * 60_000;
    const offset = estimateOffset(twilioTime, localTime);
    expect(offset).toBeGreaterThanOrEqual(10 * 60_000);
    expect(offset).toBeLessThan(10 * 60_000 + 1_000);
    const ts = recordInbound(NO_SESSION, twilioTime - SESSION_WINDOW_MS + 5 * 60_000);
    // By the local clock alone the window would look open for another fifteen minutes.
    expect(evaluateWindow(ts, localTime).open).toBe(true);
    expect(evaluateWindow(ts, toTwilioClock(localTime + 6 * 60_000, offset)).open).toBe(false);
  });

  it('converts a closing time to the local clock for countdowns', () => {
    expect(toLocalClock(toTwilioClock(12345, -7000), -7000)).toBe(12345);
  });
});
