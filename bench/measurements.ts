import type { Measurement } from './figures';
import { navigation } from './navigation';
import { pageCost } from './page-cost';
import { size } from './size';
import { storeQueries } from './store';
import { templateSearch } from './template-search';
import { twilioTraffic } from './twilio-traffic';
import { workerStart } from './worker-start';

/** Every figure `npm run bench` reports, in the order of the issue that asked for them. */
export const MEASUREMENTS: readonly Measurement[] = [size, pageCost, navigation, workerStart, storeQueries, templateSearch, twilioTraffic];
