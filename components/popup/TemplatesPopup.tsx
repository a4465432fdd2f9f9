import { BrandMark } from '@/components/shared/BrandMark';
import { BusyButton } from '@/components/shared/BusyButton';
import { SyncIcon } from '@/components/shared/icons';
import { ErrorNotice, Notice } from '@/components/shared/Notice';
import type { PopupBackend } from './backend';
import { Setup } from './Setup';
import { SyncSummary } from './SyncSummary';
import { TemplateBrowser } from './TemplateBrowser';
import { useDealPanel } from './useDealPanel';
import { usePopupData } from './usePopupData';
import { useSyncNow } from './useSyncNow';

/** The toolbar popup: every synced WhatsApp template, found in a keystroke, copied or opened in the deal panel. */
export function TemplatesPopup({ backend }: { backend: PopupBackend }) {
  const { data, retry, setSync } = usePopupData(backend);
  const { syncing, error: syncRequestError, syncNow } = useSyncNow(backend, setSync);
  const insert = useDealPanel(backend);
  const sync = data.status === 'ready' ? data.value.sync : null;

  return (
    <main className="popup">
      <header className="header">
        <BrandMark size={28} />
        <div className="header__text">
          <h1 className="header__title">WhatsApp templates</h1>
          {sync?.configured && <SyncSummary syncedAt={sync.lastTemplatesSyncAt} />}
        </div>
        {sync?.configured && (
          <BusyButton
            type="button"
            className="button--secondary button--small"
            busy={syncing}
            busyLabel="Syncing…"
            onClick={() => void syncNow()}
          >
            <SyncIcon />
            Sync now
          </BusyButton>
        )}
      </header>

      <div role="alert" className="popup__alert">
        {syncRequestError !== null && <Notice tone="error" title="The sync did not run"><p>{syncRequestError}</p></Notice>}
      </div>
      {syncRequestError === null && sync?.configured && sync.templatesError !== null && (
        <div className="popup__alert">
          <Notice tone="error" title="The last sync failed">
            <p>{sync.templatesError}</p>
          </Notice>
        </div>
      )}

      {data.status === 'loading' && (
        <p className="loading popup__message" role="status">
          <span className="spinner" aria-hidden="true" />
          Loading templates…
        </p>
      )}
      {data.status === 'failed' && (
        <div className="popup__message">
          <ErrorNotice title="Your templates could not be loaded">
            <p>{data.message}</p>
            <button type="button" className="button button--secondary notice__action" onClick={retry}>
              Try again
            </button>
          </ErrorNotice>
        </div>
      )}
      {data.status === 'ready' && !data.value.sync.configured && <Setup onOpenSettings={() => backend.openSettings()} />}
      {data.status === 'ready' && data.value.sync.configured && data.value.templates.length === 0 && (
        <div className="empty">
          <p className="empty__title">No templates yet</p>
          <p className="empty__text">
            Create one in the Twilio Console’s Content Template Builder and submit it for WhatsApp approval, then sync.
          </p>
        </div>
      )}
      {data.status === 'ready' && data.value.sync.configured && data.value.templates.length > 0 && (
        <TemplateBrowser templates={data.value.templates} insert={insert} />
      )}
    </main>
  );
}
