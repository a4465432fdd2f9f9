/**
 * The benchmark's output: a table for people and JSON for comparing versions. Both come from the
 * same figures, so they cannot disagree.
 */
import { meetsTarget, type Figure } from './figures';

export interface BenchRun {
  measuredAt: string;
  /** `git describe` of the measured tree, "+dirty" when it has uncommitted changes. */
  version: string;
  machine: { cpus: number; cpuModel: string; node: string; browser: string | null };
  figures: Figure[];
  /** Measurements that could not run, with why: reported, never hidden. */
  failures: { measurement: string; error: string }[];
}

function formatValue(value: number, unit: Figure['unit']): string {
  const digits = unit === 'requests' ? 0 : Math.abs(value) < 10 ? 2 : 1;
  return `${value.toFixed(digits)} ${unit}`;
}

function formatTarget(figure: Figure): string {
  if (figure.target === undefined) return '';
  return `${figure.target.below === true ? '<' : '≤'} ${formatValue(figure.target.max, figure.unit)}`;
}

function verdict(figure: Figure): string {
  const met = meetsTarget(figure);
  if (met === null) return '';
  return met ? 'met' : 'MISSED';
}

/** A plain-text table; `previous` (an earlier run) adds a column to compare against. */
export function formatTable(run: BenchRun, previous?: BenchRun): string {
  const before = new Map(previous?.figures.map((figure) => [figure.id, figure]));
  const header = ['Figure', 'Value', 'Target', '', ...(previous ? ['Previous'] : []), 'How'];
  const rows = run.figures.map((figure) => {
    const earlier = before.get(figure.id);
    return [
      figure.label,
      formatValue(figure.value, figure.unit),
      formatTarget(figure),
      verdict(figure),
      ...(previous ? [earlier ? formatValue(earlier.value, earlier.unit) : '—'] : []),
      figure.detail ?? '',
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === 1 || column === 4 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  const lines = [line(header), line(widths.map((width) => '─'.repeat(width))), ...rows.map(line)];
  for (const failure of run.failures) lines.push(`FAILED ${failure.measurement}: ${failure.error}`);
  const missed = run.figures.filter((figure) => meetsTarget(figure) === false).length;
  const targeted = run.figures.filter((figure) => figure.target !== undefined).length;
  lines.push('', `${targeted - missed} of ${targeted} targets met${run.failures.length > 0 ? `; ${run.failures.length} measurement(s) failed` : ''}.`);
  return lines.join('\n');
}
