import { useCallback, useEffect, useState } from 'react';
import { PANEL_CHANNEL, parsePanelResponse } from '@/utils/messaging/panel-commands';
import type { PopupBackend } from './backend';

/**
 * Opening a template in the deal panel of the tab the popup was opened over. Null until that tab
 * says it shows a panel: other pages have no content script to answer, or no panel open.
 */
export function useDealPanel(backend: PopupBackend): ((contentSid: string) => Promise<boolean>) | null {
  const [hasPanel, setHasPanel] = useState(false);

  useEffect(() => {
    let current = true;
    backend.sendToActiveTab({ channel: PANEL_CHANNEL, type: 'ping' }).then(
      (answer) => {
        if (current) setHasPanel(parsePanelResponse('ping', answer)?.hasPanel === true);
      },
      () => {
        // Nothing in the tab answered: not a deal page, or one opened before the extension was installed.
      },
    );
    return () => {
      current = false;
    };
  }, [backend]);

  /** Whether the panel took the template; the popup then closes to reveal it. */
  const insert = useCallback(
    async (contentSid: string) => {
      const answer = await backend.sendToActiveTab({ channel: PANEL_CHANNEL, type: 'openTemplate', contentSid }).catch(() => null);
      const opened = parsePanelResponse('openTemplate', answer)?.opened === true;
      if (opened) backend.closePopup();
      return opened;
    },
    [backend],
  );

  // The same function from render to render, so the sync status the background sends every few
  // seconds does not render the template browser again.
  return hasPanel ? insert : null;
}
