import type { ButtonHTMLAttributes } from 'react';

interface BusyButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'aria-busy'> {
  busy: boolean;
  /** Replaces the label while busy, e.g. "Saving…", so the button says what is happening. */
  busyLabel: string;
}

/** A button that is disabled and relabelled while its action runs, so it cannot be sent twice. */
export function BusyButton({ busy, busyLabel, children, disabled, className, ...rest }: BusyButtonProps) {
  return (
    <button
      {...rest}
      className={['button', className].filter(Boolean).join(' ')}
      disabled={busy || disabled}
      aria-busy={busy || undefined}
    >
      {busy && <span className="spinner" aria-hidden="true" />}
      {busy ? busyLabel : children}
    </button>
  );
}
