import { useEffect, useState, type ReactNode } from 'react';
import type { PanelCommandChannel } from './panel-command-channel';

interface DockedFrameProps {
  children: ReactNode;
  commands: Pick<PanelCommandChannel, 'onReveal'>;
}

/** Where the deal page has no side column we recognise, the panel floats, and folds away on demand. */
export function DockedFrame({ children, commands }: DockedFrameProps) {
  const [open, setOpen] = useState(true);
  // A template the rep asks for must not open folded away.
  useEffect(() => commands.onReveal(() => setOpen(true)), [commands]);
  return (
    <div className={open ? 'dc-dock' : 'dc-dock dc-dock--folded'}>
      <button type="button" className="dc-dock__toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Hide WhatsApp' : 'Show WhatsApp'}
      </button>
      <div hidden={!open}>{children}</div>
    </div>
  );
}
