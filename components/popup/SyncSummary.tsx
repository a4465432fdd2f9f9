import { useNow } from '@/components/shared/useNow';
import { syncAge } from './syncAge';

const exact = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/** When the templates were last fetched from Twilio, kept current while the popup is open. */
export function SyncSummary({ syncedAt }: { syncedAt: number | null }) {
  // Steps aligned to the sync time turn "2 min ago" into "3 min ago" exactly when it becomes true.
  const now = useNow(60_000, syncedAt ?? 0);
  if (syncedAt === null) return <p className="header__sync">Not synced yet</p>;
  return (
    <p className="header__sync" title={exact.format(syncedAt)}>
      {syncAge(syncedAt, now)}
    </p>
  );
}
