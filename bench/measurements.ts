import type { Measurement } from './figures';
import { navigation } from './navigation';
import { pageCost } from './page-cost';
import { size } from './size';
import { templateSearch } from './template-search';
import { workerStart } from './worker-start';

/** Every figure `npm run bench` reports, in the order of the table. */
export const MEASUREMENTS: readonly Measurement[] = [size, pageCost, navigation, workerStart, templateSearch];
