import { backoffDelay, parseRetryAfter, retryDelay } from './backoff';

const policy = { baseMs: 500, maxMs: 8_000 };

describe('backoffDelay', () => {
  it('doubles the ceiling with each attempt until the maximum', () => {
    const almostOne = () => 0.999_999;
    expect([0, 1, 2, 3, 4, 5, 10].map((attempt) => backoffDelay(attempt, policy, almostOne))).toEqual([
      499, 999, 1_999, 3_999, 7_999, 7_999, 7_999,
    ]);
  });

  it('spreads delays over the whole range (full jitter)', () => {
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(2_000);
  });

  it('stays within [0, ceiling) for any random value', () => {
    for (let attempt = 0; attempt < 8; attempt++) {
      const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt);
      for (let i = 0; i < 50; i++) {
        const delay = backoffDelay(attempt, policy, Math.random);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(ceiling);
      }
    }
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds as milliseconds', () => {
    expect(parseRetryAfter('3')).toBe(3_000);
    expect(parseRetryAfter(' 0 ')).toBe(0);
    expect(parseRetryAfter('1.5')).toBe(1_500);
  });

  it.each([null, '', 'soon', '-1', 'Wed, 21 Oct 2015 07:28:00 GMT'])('ignores %j', (header) => {
    expect(parseRetryAfter(header)).toBeNull();
  });
});

describe('retryDelay', () => {
  it('waits what the server asked for instead of backing off', () => {
    expect(retryDelay(0, 3_000, policy, () => 0)).toBe(3_000);
  });

  it('backs off when the server did not say', () => {
    expect(retryDelay(2, null, policy, () => 0.5)).toBe(1_000);
  });

  it('gives up rather than wait longer than the maximum', () => {
    expect(retryDelay(0, 60_000, policy, () => 0.5)).toBeNull();
  });
});
