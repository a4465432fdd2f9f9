import { useState, type ReactNode } from 'react';

/** Where the deal page has no side column we recognise, the panel floats, and folds away on demand. */
export function DockedFrame({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(true);
  return (
    <div className={open ? 'dc-dock' : 'dc-dock dc-dock--folded'}>
      <button type="button" className="dc-dock__toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Hide WhatsApp' : 'Show WhatsApp'}
      </button>
      <div hidden={!open}>{children}</div>
    </div>
  );
}
