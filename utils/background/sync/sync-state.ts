import { keyValueSlot } from '@/utils/background/store/key-value';

export interface SyncState {
  /** Twilio clock: messages created before this have been read from Twilio. */
  messagesWatermark: number | null;
  /** Local clock, for display. */
  lastMessagesSyncAt: number | null;
  lastTemplatesSyncAt: number | null;
  /** Sentences for the rep, each cleared by the next success of its own kind of sync. */
  messagesError: string | null;
  templatesError: string | null;
}

export const syncState = keyValueSlot<SyncState>('sync/state', () => ({
  messagesWatermark: null,
  lastMessagesSyncAt: null,
  lastTemplatesSyncAt: null,
  messagesError: null,
  templatesError: null,
}));

export type SyncKind = 'messages' | 'templates';

export const ERROR_FIELD = { messages: 'messagesError', templates: 'templatesError' } as const satisfies Record<SyncKind, keyof SyncState>;

/** Milliseconds to add to the local clock to get Twilio's (see utils/whatsapp/clock-offset.ts). */
export const clockOffsetSlot = keyValueSlot<number>('sync/clock-offset', () => 0);
