import type { DealchatDb } from './db';

/** Typed access to the small single-row records (settings, sync state, clock offset). */
export interface KeyValueSlot<T> {
  get(db: DealchatDb): Promise<T>;
  set(db: DealchatDb, value: T): Promise<void>;
}

export function keyValueSlot<T>(key: string, fallback: () => T): KeyValueSlot<T> {
  return {
    async get(db) {
      const row = await db.keyValue.get(key);
      return row ? (row.value as T) : fallback();
    },
    async set(db, value) {
      await db.keyValue.put({ key, value });
    },
  };
}
