/**
 * What the page last learnt about the few things the rep saw most recently: a CRM tab stays open
 * all day, so the oldest is dropped beyond `limit`.
 */
export interface RecentlySeen<Value> {
  get(key: string): Value | undefined;
  set(key: string, value: Value): void;
}

export function recentlySeen<Value>(limit: number): RecentlySeen<Value> {
  // A Map iterates in insertion order: re-inserting on each use keeps the least recent first.
  const entries = new Map<string, Value>();
  return {
    get(key) {
      const value = entries.get(key);
      if (value === undefined) return undefined;
      entries.delete(key);
      entries.set(key, value);
      return value;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      for (const oldest of entries.keys()) {
        if (entries.size <= limit) break;
        entries.delete(oldest);
      }
    },
  };
}
