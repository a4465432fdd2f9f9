/**
 * Live updates to open UIs over long-lived ports. A port also tells us which contacts have a panel
 * open, so they can be polled often while nobody else is.
 */
import type { Browser } from 'wxt/browser';
import { LIVE_PORT_NAME } from '@/utils/messaging/constants';
import { liveClientMessageSchema } from '@/utils/messaging/contract';
import type { LiveEvent } from '@/utils/messaging/views';
import { classifySender, type SenderPolicy } from './sender-policy';

export class LiveHub {
  private readonly watchers = new Map<Browser.runtime.Port, ReadonlySet<string>>();

  constructor(
    private readonly policy: SenderPolicy,
    private readonly onWatchersChanged: () => void,
  ) {}

  /** Takes a newly connected port if it is ours and from a context we serve; returns whether it did. */
  accept(port: Browser.runtime.Port): boolean {
    if (port.name !== LIVE_PORT_NAME || classifySender(port.sender, this.policy) === null) {
      port.disconnect();
      return false;
    }
    this.watchers.set(port, new Set());
    port.onMessage.addListener((raw: unknown) => {
      const message = liveClientMessageSchema.safeParse(raw);
      if (!message.success) return;
      if (message.data.type === 'watch') {
        this.watchers.set(port, new Set(message.data.contacts));
        this.onWatchersChanged();
      }
    });
    port.onDisconnect.addListener(() => {
      this.watchers.delete(port);
      this.onWatchersChanged();
    });
    return true;
  }

  watchedContacts(): Set<string> {
    const contacts = new Set<string>();
    for (const watched of this.watchers.values()) for (const contact of watched) contacts.add(contact);
    return contacts;
  }

  broadcast(event: LiveEvent): void {
    for (const port of this.watchers.keys()) {
      try {
        port.postMessage(event);
      } catch {
        // A port whose page just went away; onDisconnect removes it.
      }
    }
  }
}
