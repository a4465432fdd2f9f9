import type { LiveWindow } from './useLiveWindow';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const CLOSED_TEXT = {
  expired: 'Window closed — the contact hasn’t written in 24 hours. Send an approved template.',
  'closed-by-twilio': 'WhatsApp says the 24-hour window is closed. Send an approved template.',
  'never-opened': 'No conversation yet — start with an approved template.',
} as const;

/** Whether free-form messages can go out right now, and for how long. */
export function WindowStatus({ window }: { window: LiveWindow }) {
  const closingSoon = window.open && window.msLeft < HOUR;
  const tone = !window.open ? 'closed' : closingSoon ? 'warning' : 'open';
  return (
    <p className={`dc-window dc-window--${tone}`} role="status" aria-atomic="true">
      <span className="dc-window__dot" aria-hidden="true" />
      <span>
        {window.reason === 'open' ? openText(window.msLeft, closingSoon) : CLOSED_TEXT[window.reason]}
      </span>
    </p>
  );
}

// `msLeft` is a whole number of minutes here (the clock steps on the deadline's minute marks).
function openText(msLeft: number, closingSoon: boolean): string {
  const minutes = Math.ceil(msLeft / MINUTE);
  if (closingSoon) return `Window open · closes in ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `Window open · ${hours} h${rest > 0 ? ` ${rest} min` : ''} left`;
}
