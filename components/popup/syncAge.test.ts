import { syncAge } from './syncAge';

const now = Date.UTC(2026, 2, 12, 15, 0);
const MINUTE = 60_000;

describe('syncAge', () => {
  it.each([
    [0, 'Synced just now'],
    [-5_000, 'Synced just now'],
    [59_999, 'Synced just now'],
    [MINUTE, 'Synced 1 min ago'],
    [59 * MINUTE, 'Synced 59 min ago'],
    [60 * MINUTE, 'Synced 1 h ago'],
    [23 * 60 * MINUTE + 59 * MINUTE, 'Synced 23 h ago'],
  ])('reads a sync %i ms old as "%s"', (age, text) => {
    expect(syncAge(now - age, now)).toBe(text);
  });

  it('gives the day for older syncs', () => {
    expect(syncAge(Date.UTC(2026, 2, 1, 12, 0), now)).toBe('Synced on Mar 1');
  });
});
