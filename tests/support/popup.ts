/** A scriptable backend for the popup's component tests. */
import { act } from '@testing-library/react';
import { vi } from 'vitest';
import type { PopupBackend } from '../../components/popup/backend';
import type { PanelCommand } from '../../utils/messaging/panel-commands';
import type { LiveEvent, SyncStatus, TemplateView } from '../../utils/messaging/views';

export const MINUTE = 60_000;

export function syncStatus(overrides: Partial<SyncStatus> = {}): SyncStatus {
  return { configured: true, lastMessagesSyncAt: null, lastTemplatesSyncAt: Date.now() - 3 * MINUTE, messagesError: null, templatesError: null, ...overrides };
}

interface FakeOptions {
  templates?: TemplateView[];
  sync?: SyncStatus;
  /** How the active tab answers a command; by default nothing answers, as on a page that is not a deal. */
  tab?: (command: PanelCommand) => Promise<unknown>;
}

export function fakeBackend({ templates = [], sync = syncStatus(), tab }: FakeOptions = {}) {
  const listeners = new Set<(event: LiveEvent) => void>();
  let listed = templates;
  const backend = {
    listTemplates: vi.fn(() => Promise.resolve(listed)),
    getSyncStatus: vi.fn(() => Promise.resolve(sync)),
    syncTemplates: vi.fn(() => Promise.resolve(syncStatus({ lastTemplatesSyncAt: Date.now() }))),
    subscribe: vi.fn((onEvent: (event: LiveEvent) => void) => {
      listeners.add(onEvent);
      return () => {
        listeners.delete(onEvent);
      };
    }),
    openSettings: vi.fn(),
    sendToActiveTab: vi.fn(tab ?? (() => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')))),
    closePopup: vi.fn(),
  } satisfies PopupBackend;

  return {
    backend,
    /** What the next listing answers, as after a sync. */
    setTemplates: (next: TemplateView[]) => {
      listed = next;
    },
    emit: (event: LiveEvent) => {
      act(() => {
        for (const listener of listeners) listener(event);
      });
    },
  };
}

/** A tab with a deal panel open, which takes every template it is asked to open. */
export const tabWithPanel = (command: PanelCommand) =>
  Promise.resolve(command.type === 'ping' ? { hasPanel: true } : { opened: true });
