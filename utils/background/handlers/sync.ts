/** Syncing on the rep's request, and how the last syncs went. */
import type { HandlerContext, HandlersOf } from './context';
import { requireConfigured } from './preconditions';

type SyncContext = Pick<HandlerContext, 'connection' | 'syncNow' | 'syncStatus'>;

export const syncHandlers: HandlersOf<'syncNow' | 'getSyncStatus', SyncContext> = {
  async syncNow(context, { what }) {
    await requireConfigured(context);
    return context.syncNow(what);
  },

  async getSyncStatus(context) {
    return context.syncStatus();
  },
};
