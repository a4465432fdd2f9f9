/** Builders and a scriptable backend for the panel's component tests. */
import { act } from '@testing-library/react';
import { expect, vi } from 'vitest';
import type { PanelBackend } from '../../components/panel/backend';
import { BackgroundError } from '../../utils/messaging/client';
import type { ConversationView, DealContext, LiveEvent, MessageView, PhoneCheck, TemplateView, WindowView } from '../../utils/messaging/views';

export const CONTACT = '+46701234567';
export const OTHER_CONTACT = '+46731112233';
export const HOUR = 60 * 60 * 1000;
export const MINUTE = 60 * 1000;

export const deal: DealContext = {
  dealId: '101',
  title: 'Solar panels for HQ',
  value: 12500,
  currency: 'EUR',
  organizationName: 'Malmö Energi AB',
  ownerName: 'Sara Lind',
  person: { name: 'Jürgen Muñoz', firstName: 'Jürgen', lastName: 'Muñoz' },
  phones: [
    { raw: '070-123 45 67', e164: CONTACT, display: '+46 70 123 45 67', label: 'mobile', primary: true },
    { raw: '073-111 22 33', e164: OTHER_CONTACT, display: '+46 73 111 22 33', label: 'work', primary: false },
  ],
  source: 'api',
  notice: null,
};

/** The background's answer for a number it cannot read; tests script the ones it can. */
export const UNREADABLE_PHONE = { ok: false, message: 'That is not a phone number WhatsApp can use.' } as const satisfies PhoneCheck;

export function message(overrides: Partial<MessageView> = {}): MessageView {
  const id = overrides.id ?? `SM${Math.random().toString(16).slice(2).padEnd(32, '0').slice(0, 32)}`;
  return {
    id,
    sid: id,
    outboxId: null,
    direction: 'inbound',
    body: 'Hello',
    mediaCount: 0,
    mediaUrls: [],
    state: 'received',
    at: Date.now() - HOUR,
    error: null,
    retryable: false,
    templateName: null,
    ...overrides,
  };
}

export function openWindow(msLeft: number): WindowView {
  return { open: true, closesAt: Date.now() + msLeft, reason: 'open' };
}

export function conversation(overrides: Partial<ConversationView> = {}): ConversationView {
  return {
    contact: CONTACT,
    messages: [message({ body: 'Hi, is the offer still valid?' })],
    window: openWindow(20 * HOUR),
    configured: true,
    ...overrides,
  };
}

/** A backend whose every call is a mock, with `emit` to push live events to the panel. */
export function fakeBackend(view: ConversationView = conversation(), templates: TemplateView[] = []) {
  const listeners = new Set<{ contact: string; onEvent: (event: LiveEvent) => void }>();
  const backend = {
    getConversation: vi.fn((contact: string) => Promise.resolve({ ...view, contact })),
    lastConversation: vi.fn<(contact: string) => ConversationView | null>(() => null),
    checkPhone: vi.fn((): Promise<PhoneCheck> => Promise.resolve(UNREADABLE_PHONE)),
    sendText: vi.fn<PanelBackend['sendText']>(() => Promise.resolve()),
    sendTemplate: vi.fn<PanelBackend['sendTemplate']>(() => Promise.resolve()),
    retrySend: vi.fn(() => Promise.resolve()),
    getMedia: vi.fn(() => Promise.resolve([])),
    listTemplates: vi.fn(() => Promise.resolve(templates)),
    getVariableMappings: vi.fn(() => Promise.resolve({})),
    saveVariableMapping: vi.fn(() => Promise.resolve()),
    subscribe: vi.fn((contact: string, onEvent: (event: LiveEvent) => void) => {
      const listener = { contact, onEvent };
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
    openSettings: vi.fn(),
  } satisfies PanelBackend;
  // Async, so the fetch an event starts has settled before the test looks.
  const emit = (event: LiveEvent) =>
    act(async () => {
      for (const listener of listeners) listener.onEvent(event);
      await Promise.resolve();
    });
  return { backend, emit, listeners };
}

/** Any request id the panel makes for a send. */
export const A_REQUEST_ID = expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u) as string;

/** What the background says when its worker died before answering (utils/messaging/client.ts). */
export const unanswered = () => new BackgroundError('unreachable', 'Dealchat’s background service did not answer. Reload the page and try again.');

/** A promise the test settles when it wants, to look at the panel while a call is in flight. */
export function deferred<T = void>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (reason: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
