import { describe, expect, it } from 'vitest';
import { contactPhone, randomMoments, seededRandom, shuffled } from './random';

const draws = (seed: number, count: number) => {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => random.next());
};

describe('seededRandom', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    expect(draws(7, 50)).toEqual(draws(7, 50));
    expect(draws(7, 50)).not.toEqual(draws(8, 50));
  });

  it('draws uniformly from [0, 1)', () => {
    const values = draws(1, 10_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(mean).toBeCloseTo(0.5, 1);
    const lowHalf = values.filter((value) => value < 0.5).length;
    expect(lowHalf / values.length).toBeCloseTo(0.5, 1);
  });

  it('gives integers over the whole closed range, and picks any item', () => {
    const random = seededRandom(3);
    const ints = new Set(Array.from({ length: 1_000 }, () => random.int(2, 5)));
    expect([...ints].sort()).toEqual([2, 3, 4, 5]);
    const picked = new Set(Array.from({ length: 200 }, () => random.pick(['a', 'b', 'c'])));
    expect([...picked].sort()).toEqual(['a', 'b', 'c']);
    expect(() => random.pick([])).toThrow('Nothing to pick');
  });

  it('happens by chance as often as asked', () => {
    const random = seededRandom(4);
    const hits = Array.from({ length: 10_000 }, () => random.chance(0.2)).filter(Boolean).length;
    expect(hits / 10_000).toBeCloseTo(0.2, 1);
    expect(Array.from({ length: 100 }, () => random.chance(0)).some(Boolean)).toBe(false);
  });
});

describe('randomMoments', () => {
  it('spreads sorted instants over the period, end excluded', () => {
    const moments = randomMoments(seededRandom(5), 500, 1_000, 2_000);
    expect(moments).toHaveLength(500);
    expect(moments).toEqual([...moments].sort((a, b) => a - b));
    expect(Math.min(...moments)).toBeGreaterThanOrEqual(1_000);
    expect(Math.max(...moments)).toBeLessThan(2_000);
    expect(moments.filter((at) => at < 1_500).length).toBeGreaterThan(200);
  });
});

describe('shuffled', () => {
  it('reorders a copy and keeps every item', () => {
    const items = Array.from({ length: 100 }, (_, index) => index);
    const result = shuffled(seededRandom(6), items);
    expect(result).not.toEqual(items);
    expect([...result].sort((a, b) => a - b)).toEqual(items);
    expect(items[0]).toBe(0);
  });
});

describe('contactPhone', () => {
  it('gives distinct E.164 numbers', () => {
    const phones = Array.from({ length: 20_000 }, (_, index) => contactPhone(index));
    expect(new Set(phones).size).toBe(phones.length);
    for (const phone of phones) expect(phone).toMatch(/^\+4670\d{7}$/);
  });
});
