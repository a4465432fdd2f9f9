import type { DealchatDb } from './db';

/** Typed access to the small single-row records (settings, sync state, clock offset). */
export interface KeyValueSlot<T> {
  get(db: DealchatDb): Promise<T>;
  set(db: DealchatDb, value: T): Promise<void>;
  /** Read, change and write in one transaction, so concurrent updates of different fields never undo each other. */
  update(db: DealchatDb, change: (value: T) => T): Promise<T>;
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
    update(db, change) {
      return db.transaction('rw', db.keyValue, async () => {
        const row = await db.keyValue.get(key);
        const next = change(row ? (row.value as T) : fallback());
        await db.keyValue.put({ key, value: next });
        return next;
      });
    },
  };
}
