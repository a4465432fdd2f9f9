/**
 * What every measurement reports, in one shape, so that the table, the JSON and a comparison
 * between two versions read the same way.
 */
export type Unit = 'KB' | 'ms' | 'requests' | 's';

export interface Figure {
  /** Stable key for comparing runs, e.g. `contentScript.gzipKB`. */
  id: string;
  /** What a person reads in the table, e.g. "Content script, gzip". */
  label: string;
  value: number;
  unit: Unit;
  /** The target: the figure must be at most (or, when `below`, under) `max`. */
  target?: { max: number; below?: boolean };
  /** How it was measured, or what the figure is made of: one short line. */
  detail?: string;
}

export interface Measurement {
  /** Shown while it runs, e.g. "Template search". */
  name: string;
  run(): Promise<Figure[]>;
}

export function meetsTarget(figure: Figure): boolean | null {
  if (figure.target === undefined) return null;
  return figure.target.below === true ? figure.value < figure.target.max : figure.value <= figure.target.max;
}

/** The value at `fraction` (0.5 for the median) of the sorted samples, by nearest rank. */
export function percentile(samples: readonly number[], fraction: number): number {
  if (samples.length === 0) throw new Error('No samples to take a percentile of.');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[rank - 1] as number;
}
