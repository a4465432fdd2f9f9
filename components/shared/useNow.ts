import { useCallback, useSyncExternalStore } from 'react';

/**
 * The current time, advanced in steps of `intervalMs` that land exactly on `alignTo` plus whole
 * intervals: a countdown aligned to its deadline changes the moment a minute passes and reaches
 * the deadline on time, without re-rendering in between.
 */
export function useNow(intervalMs: number, alignTo = 0): number {
  const subscribe = useCallback(
    (onTick: () => void) => {
      let timer: ReturnType<typeof setTimeout>;
      const schedule = () => {
        timer = setTimeout(
          () => {
            onTick();
            schedule();
          },
          intervalMs - elapsedInStep(Date.now(), intervalMs, alignTo),
        );
      };
      schedule();
      return () => clearTimeout(timer);
    },
    [intervalMs, alignTo],
  );
  // The snapshot is the start of the current step, so it stays equal (and React idle) until the next one.
  return useSyncExternalStore(subscribe, () => {
    const now = Date.now();
    return now - elapsedInStep(now, intervalMs, alignTo);
  });
}

function elapsedInStep(now: number, intervalMs: number, alignTo: number): number {
  return (((now - alignTo) % intervalMs) + intervalMs) % intervalMs;
}
