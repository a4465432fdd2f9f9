import { useCallback, useEffect, useState } from 'react';
import { backgroundErrorMessage } from './backgroundErrorMessage';

export type LoadState<T> =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  /** `refreshError` is set when a later load failed and a value stayed on screen. */
  | { status: 'ready'; value: T; refreshError: string | null };

/**
 * What stays on screen while a load has no answer, or after a failed one, given the last value this
 * load showed (null before any): e.g. that value, or a copy seen before. Null shows loading, or the failure.
 */
export type Keep<T> = (last: T | null) => T | null;

interface Loaded<T> {
  load: () => Promise<T>;
  state: LoadState<T>;
}

/**
 * Loads with `load` (a stable function: useCallback), again whenever it changes or on `reload`;
 * what a replaced load answers late is dropped, and no state of one load shows for another. A
 * failure reads as the background's message, or as `failure`.
 */
export function useLoad<T>(load: () => Promise<T>, failure: string, keep?: Keep<T>) {
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
        if (current) {
          setLoaded((previous) => {
            const kept = keep?.(previous?.load === load && previous.state.status === 'ready' ? previous.state.value : null) ?? null;
            return { load, state: kept === null ? { status: 'failed', message } : { status: 'ready', value: kept, refreshError: message } };
          });
        }
      },
    );
    return () => {
      current = false;
    };
  }, [load, revision, failure, keep]);

  /** Loads again, keeping what is on screen until the answer. */
  const reload = useCallback(() => setRevision((n) => n + 1), []);
  /** Changes the loaded value in place, e.g. with what a live update says. */
  const update = useCallback(
    (change: (value: T) => T) =>
      setLoaded((previous) => (previous?.state.status === 'ready' ? { ...previous, state: { ...previous.state, value: change(previous.state.value) } } : previous)),
    [],
  );
  /** Loads again from the start, showing that it is loading (or what `keep` keeps). */
  const retry = () => {
    setLoaded(null);
    reload();
  };

  return { state: loaded?.load === load ? loaded.state : beforeAnswer(keep?.(null) ?? null), reload, retry, update };
}

function beforeAnswer<T>(kept: T | null): LoadState<T> {
  return kept === null ? { status: 'loading' } : { status: 'ready', value: kept, refreshError: null };
}
