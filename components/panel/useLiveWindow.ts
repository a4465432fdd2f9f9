import { useNow } from '@/components/shared/useNow';
import type { WindowReason, WindowView } from '@/utils/messaging/views';
import { timeLeft } from '@/utils/whatsapp/session-window';

const MINUTE = 60_000;

export interface LiveWindow {
  open: boolean;
  /** What closed it (or 'open'), as of now rather than as of the last fetch. */
  reason: WindowReason;
  msLeft: number;
  now: number;
}

/** The window as it stands this minute: it closes on time even when nothing is re-fetched. */
export function useLiveWindow(window: WindowView): LiveWindow {
  const now = useNow(MINUTE, window.closesAt ?? 0);
  const msLeft = timeLeft(window, now);
  const open = msLeft > 0;
  return { open, reason: window.open && !open ? 'expired' : window.reason, msLeft, now };
}
