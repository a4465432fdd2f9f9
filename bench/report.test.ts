import { describe, expect, it } from 'vitest';
import { formatTable, type BenchRun } from './report';

const run: BenchRun = {
  measuredAt: '2026-11-24T22:00:00.000Z',
  version: 'abc1234',
  machine: { cpus: 2, cpuModel: 'test', node: 'v20.20.0', browser: null },
  figures: [
    { id: 'size.gzip', label: 'Content script, gzip', value: 84.25, unit: 'KB', target: { max: 90 } },
    { id: 'search.p95', label: 'Template search p95', value: 17.04, unit: 'ms', target: { max: 16, below: true }, detail: '6,000 templates' },
    { id: 'traffic', label: 'Requests in an hour', value: 31, unit: 'requests' },
  ],
  failures: [],
};

describe('formatTable', () => {
  it('shows each figure with its target and whether it was met', () => {
    const table = formatTable(run).split('\n');
    expect(table[2]).toMatch(/^Content script, gzip\s+84\.3 KB\s+≤ 90\.0 KB\s+met$/);
    expect(table[3]).toMatch(/^Template search p95\s+17\.0 ms\s+< 16\.0 ms\s+MISSED\s+6,000 templates$/);
    expect(table[4]).toMatch(/^Requests in an hour\s+31 requests$/);
    expect(table.at(-1)).toBe('1 of 2 targets met.');
  });

  it('compares with a previous run and reports measurements that failed', () => {
    const previous: BenchRun = { ...run, figures: [{ id: 'size.gzip', label: 'Content script, gzip', value: 147.1, unit: 'KB' }] };
    const table = formatTable({ ...run, failures: [{ measurement: 'Navigation', error: 'Timed out' }] }, previous).split('\n');
    expect(table[0]).toMatch(/Previous/);
    expect(table[2]).toMatch(/84\.3 KB.*met\s+147\.1 KB/);
    expect(table[3]).toMatch(/MISSED\s+—/);
    expect(table).toContain('FAILED Navigation: Timed out');
    expect(table.at(-1)).toBe('1 of 2 targets met; 1 measurement(s) failed.');
  });
});
