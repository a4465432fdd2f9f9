/**
 * What the background said about each deal the rep opened on this page. A deal seen before shows
 * at once from here while it is read again (the CRM's API is the slowest step to a panel); the
 * fresh answer then replaces it.
 */
import type { DealContext } from '@/utils/messaging/views';
import { recentlySeen } from './recently-seen';

/** Deals a rep goes back to within a day, a few KB each. */
const DEALS_KEPT = 200;

export interface DealContextCache {
  /** The deal as last read on this page, if it was. */
  lastRead(dealId: string): DealContext | null;
  /** Reads the deal; joins a read already under way, as the panel's own mount is no reason to read it twice. */
  read(dealId: string): Promise<DealContext>;
}

export function createDealContextCache(readDeal: (dealId: string) => Promise<DealContext>): DealContextCache {
  const read = recentlySeen<DealContext>(DEALS_KEPT);
  const underWay = new Map<string, Promise<DealContext>>();
  return {
    lastRead: (dealId) => read.get(dealId) ?? null,
    read(dealId) {
      const pending = underWay.get(dealId);
      if (pending !== undefined) return pending;
      const reading = readDeal(dealId)
        .then((deal) => {
          read.set(dealId, deal);
          return deal;
        })
        .finally(() => underWay.delete(dealId));
      underWay.set(dealId, reading);
      return reading;
    },
  };
}
