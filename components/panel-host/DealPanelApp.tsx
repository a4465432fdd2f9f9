/** Loads what the panel needs about the deal, then shows the panel. */
import { useEffect, useState } from 'react';
import { Panel } from '@/components/panel/Panel';
import type { PanelBackend } from '@/components/panel/backend';
import type { TemplateRequests } from '@/components/panel/templateRequests';
import type { PageDeal } from '@/utils/crm/deal-context';
import { describeError } from '@/components/shared/describeError';
import { request } from '@/utils/messaging/client';
import type { DealContext } from '@/utils/messaging/contract';

type Loaded = { status: 'failed'; message: string } | { status: 'ready'; deal: DealContext };

export interface DealPanelAppProps {
  dealId: string;
  /** Reads the deal page as it is now; called on each (re)load, since the page keeps rendering. */
  readPage: () => PageDeal;
  backend: PanelBackend;
  requests: TemplateRequests;
}

export function DealPanelApp({ dealId, readPage, backend, requests }: DealPanelAppProps) {
  const [attempt, setAttempt] = useState(0);
  // Tagged with what was asked, so an answer for an earlier deal or try never shows, and "loading" needs no state.
  const key = `${dealId}#${attempt}`;
  const [loaded, setLoaded] = useState<(Loaded & { key: string }) | null>(null);

  useEffect(() => {
    request('getDealContext', { dealId, page: readPage() }).then(
      (deal) => setLoaded({ key, status: 'ready', deal }),
      (error: unknown) =>
        setLoaded({
          key,
          status: 'failed',
          message: describeError(error, 'The deal could not be read. Try again.'),
        }),
    );
  }, [dealId, readPage, key]);

  const state = loaded?.key === key ? loaded : null;
  if (state === null) {
    return (
      <section className="dc-panel" role="region" aria-label="WhatsApp" aria-busy="true">
        <p className="dc-loading">Loading the deal…</p>
      </section>
    );
  }
  if (state.status === 'failed') {
    return (
      <section className="dc-panel" role="region" aria-label="WhatsApp">
        <div className="dc-notice dc-notice--error" role="alert">
          <p>{state.message}</p>
          <button type="button" className="dc-button" onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
        </div>
      </section>
    );
  }
  return (
    <>
      {state.deal.notice && (
        <p className="dc-notice" role="note">
          {state.deal.notice}
        </p>
      )}
      <Panel backend={backend} deal={state.deal} requests={requests} />
    </>
  );
}
