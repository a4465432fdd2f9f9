import { describe, expect, it } from 'vitest';
import { meetsTarget, percentile } from './figures';

describe('percentile', () => {
  it('takes the nearest rank, whatever the order of the samples', () => {
    const samples = [9, 1, 8, 2, 7, 3, 6, 4, 5, 10];
    expect(percentile(samples, 0.5)).toBe(5);
    expect(percentile(samples, 0.95)).toBe(10);
    expect(percentile(samples, 0.1)).toBe(1);
    expect(percentile([42], 0.95)).toBe(42);
  });

  it('refuses an empty sample', () => {
    expect(() => percentile([], 0.5)).toThrow('No samples');
  });
});

describe('meetsTarget', () => {
  const figure = { id: 'x', label: 'X', unit: 'ms' as const };
  it('compares against the target, inclusive unless the target is "below"', () => {
    expect(meetsTarget({ ...figure, value: 16, target: { max: 16 } })).toBe(true);
    expect(meetsTarget({ ...figure, value: 16, target: { max: 16, below: true } })).toBe(false);
    expect(meetsTarget({ ...figure, value: 15.9, target: { max: 16, below: true } })).toBe(true);
    expect(meetsTarget({ ...figure, value: 17, target: { max: 16 } })).toBe(false);
    expect(meetsTarget({ ...figure, value: 17 })).toBeNull();
  });
});
