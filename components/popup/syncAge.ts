const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const day = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short' });

/** "Synced 3 min ago": how fresh the list is, as exact as a rep needs. */
export function syncAge(syncedAt: number, now: number): string {
  const age = now - syncedAt;
  // A worker clock a moment ahead of this page's must not read as the future.
  if (age < MINUTE) return 'Synced just now';
  if (age < HOUR) return `Synced ${Math.floor(age / MINUTE)} min ago`;
  if (age < DAY) return `Synced ${Math.floor(age / HOUR)} h ago`;
  return `Synced on ${day.format(syncedAt)}`;
}
