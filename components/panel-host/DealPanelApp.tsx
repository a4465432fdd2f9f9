/** Loads what the panel needs about the deal, then shows the panel. */
import { useEffect, useState } from 'react';
import type { PanelBackend } from '@/components/panel/backend';
import { Panel } from '@/components/panel/Panel';
import type { TemplateRequests } from '@/components/panel/templates/templateRequests';
import { backgroundErrorMessage } from '@/components/shared/backgroundErrorMessage';
import type { DealContext } from '@/utils/messaging/views';
import type { DealContextCache } from './deal-context-cache';

type Loaded = { status: 'failed'; message: string } | { status: 'ready'; deal: DealContext };

export interface DealPanelAppProps {
  dealId: string;
  deals: DealContextCache;
  backend: PanelBackend;
  requests: TemplateRequests;
}

/** A deal read earlier on this page shows at once while it is read again; the fresh copy replaces it. */
export function DealPanelApp({ dealId, deals, backend, requests }: DealPanelAppProps) {
  const [attempt, setAttempt] = useState(0);
  // Tagged with what was asked, so an answer for an earlier deal or try never shows, and "loading" needs no state.
  const key = `${dealId}#${attempt}`;
  const [loaded, setLoaded] = useState<(Loaded & { key: string }) | null>(null);

  useEffect(() => {
    deals.read(dealId).then(
      (deal) => setLoaded({ key, status: 'ready', deal }),
      (error: unknown) =>
        setLoaded({
          key,
          status: 'failed',
          message: backgroundErrorMessage(error, 'The deal could not be read. Try again.'),
        }),
    );
  }, [dealId, deals, key]);

  const state = loaded?.key === key ? loaded : null;
  const failure = state?.status === 'failed' ? state.message : null;
  const deal = state?.status === 'ready' ? state.deal : deals.lastRead(dealId);
  const tryAgain = (
    <button type="button" className="dc-button" onClick={() => setAttempt((n) => n + 1)}>
      Try again
    </button>
  );

  if (deal === null && failure !== null) {
    return (
      <section className="dc-panel" role="region" aria-label="WhatsApp">
        <div className="dc-notice dc-notice--error" role="alert">
          <p>{failure}</p>
          {tryAgain}
        </div>
      </section>
    );
  }
  if (deal === null) {
    return (
      <section className="dc-panel" role="region" aria-label="WhatsApp" aria-busy="true">
        <p className="dc-loading">Loading the deal…</p>
      </section>
    );
  }
  return (
    <>
      {failure !== null && (
        // The panel stays, with whatever the rep was typing in it.
        <div className="dc-notice dc-notice--error" role="alert">
          <p>{failure} Showing the deal as it was read before.</p>
          {tryAgain}
        </div>
      )}
      {deal.notice && (
        <p className="dc-notice" role="note">
          {deal.notice}
        </p>
      )}
      <Panel backend={backend} deal={deal} requests={requests} />
    </>
  );
}
