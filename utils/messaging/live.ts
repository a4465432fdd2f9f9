/**
 * The UI end of live updates. Chrome stops an idle service worker, which drops every port: the
 * client reconnects and re-announces what it watches, so a panel open all day keeps updating.
 */
import { browser, type Browser } from 'wxt/browser';
import { LIVE_PORT_NAME } from './constants';
import type { LiveClientMessage } from './contract';
import type { LiveEvent } from './views';

/** Messages on a port keep the worker alive; this keeps polling going while a panel is open. */
const HEARTBEAT_MS = 20_000;
const RECONNECT_MS = 1_000;

export interface LiveConnection {
  watch(contacts: string[]): void;
  close(): void;
}

interface PortOpener {
  connect(connectInfo: { name: string }): Browser.runtime.Port;
}

export function connectLive(onEvent: (event: LiveEvent) => void, runtime: PortOpener = browser.runtime): LiveConnection {
  let port: Browser.runtime.Port | null = null;
  let watched: string[] = [];
  let closed = false;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;

  const post = (message: LiveClientMessage) => {
    try {
      port?.postMessage(message);
    } catch {
      // The port died between checks; onDisconnect reconnects.
    }
  };

  const open = () => {
    if (closed) return;
    try {
      port = runtime.connect({ name: LIVE_PORT_NAME });
    } catch {
      // The extension was reloaded or removed: this page's copy of the content script is orphaned.
      closed = true;
      return;
    }
    port.onMessage.addListener((event: LiveEvent) => onEvent(event));
    port.onDisconnect.addListener(() => {
      port = null;
      if (!closed) reconnectTimer = setTimeout(open, RECONNECT_MS);
    });
    if (watched.length > 0) post({ type: 'watch', contacts: watched });
  };

  const heartbeat = setInterval(() => post({ type: 'heartbeat' }), HEARTBEAT_MS);
  open();

  return {
    watch(contacts) {
      watched = contacts;
      post({ type: 'watch', contacts });
    },
    close() {
      closed = true;
      clearInterval(heartbeat);
      clearTimeout(reconnectTimer);
      port?.disconnect();
      port = null;
    },
  };
}
