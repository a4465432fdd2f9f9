import { useCallback, useEffect, useState } from 'react';
import { backgroundErrorMessage } from './backgroundErrorMessage';

export type LoadState<T> =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  /** `refreshError` is set when a later load failed and the last value stayed on screen. */
  | { status: 'ready'; value: T; refreshError: string | null };

export interface LoadOptions<T> {
  /** What the rep reads when the load fails without a message of the background's. */
  failure: string;
  /** A failed reload keeps the last value on screen, with the failure as `refreshError`. */
  keepLastOnFailure?: boolean;
  /** A value to show until the first answer (a copy seen before), and to keep when that answer fails. Stable, like `load`. */
  initial?: () => T | null;
}

interface Loaded<T> {
  load: () => Promise<T>;
  state: LoadState<T>;
}

/**
 * Loads with `load` (a stable function: useCallback), again whenever it changes or on `reload`;
 * what a replaced load answers late is dropped, and no state of one load shows for another.
 */
export function useLoad<T>(load: () => Promise<T>, { failure, keepLastOnFailure = false, initial }: LoadOptions<T>) {
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null);
  const [revision, setRevision] = useState(0);

  useEffect(() => {
    let current = true;
    load().then(
      (value) => {
        if (current) setLoaded({ load, state: { status: 'ready', value, refreshError: null } });
      },
      (error: unknown) => {
        const message = backgroundErrorMessage(error, failure);
        if (!current) return;
        setLoaded((previous) => {
          const last = keepLastOnFailure ? (readyValue(previous, load) ?? initial?.() ?? null) : null;
          return { load, state: last === null ? { status: 'failed', message } : { status: 'ready', value: last, refreshError: message } };
        });
      },
    );
    return () => {
      current = false;
    };
  }, [load, revision, failure, keepLastOnFailure, initial]);

  /** Loads again, keeping what is on screen until the answer. */
  const reload = useCallback(() => setRevision((n) => n + 1), []);
  /** Loads again from the start, showing that it is loading. */
  const retry = useCallback(() => {
    setLoaded({ load, state: { status: 'loading' } });
    setRevision((n) => n + 1);
  }, [load]);
  /** Changes the loaded value in place, e.g. with what a live update says. */
  const update = useCallback(
    (change: (value: T) => T) =>
      setLoaded((previous) => (previous?.state.status === 'ready' ? { ...previous, state: { ...previous.state, value: change(previous.state.value) } } : previous)),
    [],
  );

  const state: LoadState<T> = loaded?.load === load ? loaded.state : initialState(initial?.() ?? null);
  return { state, reload, retry, update };
}

function readyValue<T>(loaded: Loaded<T> | null, load: () => Promise<T>): T | null {
  return loaded?.load === load && loaded.state.status === 'ready' ? loaded.state.value : null;
}

function initialState<T>(value: T | null): LoadState<T> {
  return value === null ? { status: 'loading' } : { status: 'ready', value, refreshError: null };
}
