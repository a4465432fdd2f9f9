/**
 * `runtime.connect` between a page and the background inside one process, which WXT's fake browser
 * does not implement: each connect opens a pair of ports, hands the background's end (with the
 * page's sender) to `onConnect`, and returns the page's end. Messages are copied and delivered
 * asynchronously, and disconnecting one end tells only the other, as in Chrome.
 */
import type { Browser } from 'wxt/browser';

type Listener<T extends unknown[]> = (...args: T) => void;

function listenerList<T extends unknown[]>() {
  const listeners: Listener<T>[] = [];
  return {
    listeners,
    event: { addListener: (listener: Listener<T>) => void listeners.push(listener) },
  };
}

interface PortEnd {
  port: Browser.runtime.Port;
  receive(message: unknown): void;
  hangUp(): void;
}

function portEnd(name: string, sender: Browser.runtime.MessageSender | undefined, peer: () => PortEnd): PortEnd {
  const messages = listenerList<[unknown, Browser.runtime.Port]>();
  const disconnects = listenerList<[Browser.runtime.Port]>();
  let connected = true;
  const port = {
    name,
    sender,
    postMessage(message: unknown) {
      if (!connected) throw new Error('Attempting to use a disconnected port object');
      const copy = structuredClone(message);
      queueMicrotask(() => peer().receive(copy));
    },
    disconnect() {
      if (!connected) return;
      connected = false;
      queueMicrotask(() => peer().hangUp());
    },
    onMessage: messages.event,
    onDisconnect: disconnects.event,
  } as unknown as Browser.runtime.Port;
  return {
    port,
    receive(message) {
      if (connected) for (const listener of [...messages.listeners]) listener(message, port);
    },
    hangUp() {
      if (!connected) return;
      connected = false;
      for (const listener of [...disconnects.listeners]) listener(port);
    },
  };
}

export function portRuntime(sender: Browser.runtime.MessageSender, onConnect: (port: Browser.runtime.Port) => void) {
  return {
    connect({ name }: { name: string }): Browser.runtime.Port {
      const page: PortEnd = portEnd(name, undefined, () => background);
      const background: PortEnd = portEnd(name, sender, () => page);
      onConnect(background.port);
      return page.port;
    },
  };
}
