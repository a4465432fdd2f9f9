import type { Measurement } from './figures';

/** Every figure `npm run bench` reports, in the order of the table. */
export const MEASUREMENTS: readonly Measurement[] = [];
