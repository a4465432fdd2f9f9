import { keyValueSlot } from '../store/key-value';

export interface SyncState {
  /** Twilio clock: messages created before this have been read from Twilio. */
  messagesWatermark: number | null;
  /** Local clock, for display. */
  lastMessagesSyncAt: number | null;
  lastTemplatesSyncAt: number | null;
  /** A sentence for the rep, cleared by the next success. */
  lastError: string | null;
}

export const syncState = keyValueSlot<SyncState>('sync/state', () => ({
  messagesWatermark: null,
  lastMessagesSyncAt: null,
  lastTemplatesSyncAt: null,
  lastError: null,
}));

/** Milliseconds to add to the local clock to get Twilio's (see whatsapp/clock-offset.ts). */
export const clockOffsetSlot = keyValueSlot<number>('sync/clock-offset', () => 0);
