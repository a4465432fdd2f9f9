/**
 * `chrome.alarms` that fire. WXT's fake browser only records alarms and never fires them, so code
 * that runs on alarms (the background's polling) needs these to run over time; they fire on
 * `setTimeout`, so fake timers move them as they move everything else.
 */
import type { AlarmScheduler } from '../../utils/background/scheduler';

export interface FiredAlarm {
  name: string;
  scheduledTime: number;
  periodInMinutes?: number;
}

/** Chrome delays every alarm to at least 30 seconds from when it is set. */
export const MIN_ALARM_DELAY_MS = 30_000;

export interface FiringAlarms extends AlarmScheduler {
  onAlarm: { addListener(listener: (alarm: FiredAlarm) => void): void };
}

export function createFiringAlarms(): FiringAlarms {
  const alarms = new Map<string, { alarm: FiredAlarm; timer: ReturnType<typeof setTimeout> }>();
  const listeners: ((alarm: FiredAlarm) => void)[] = [];

  const arm = (alarm: FiredAlarm) => {
    const timer = setTimeout(() => {
      const { periodInMinutes } = alarm;
      if (periodInMinutes === undefined) alarms.delete(alarm.name);
      else arm({ ...alarm, scheduledTime: alarm.scheduledTime + periodInMinutes * 60_000 });
      for (const listener of listeners) listener(alarm);
    }, Math.max(0, alarm.scheduledTime - Date.now()));
    alarms.set(alarm.name, { alarm, timer });
  };

  const clear = (name: string) => {
    const existing = alarms.get(name);
    if (existing) clearTimeout(existing.timer);
    return alarms.delete(name);
  };

  return {
    create(name, { when, delayInMinutes, periodInMinutes }) {
      clear(name);
      const now = Date.now();
      const requested = when ?? now + (delayInMinutes ?? periodInMinutes ?? 0) * 60_000;
      arm({ name, scheduledTime: Math.max(requested, now + MIN_ALARM_DELAY_MS), ...(periodInMinutes !== undefined && { periodInMinutes }) });
      return Promise.resolve();
    },
    get(name) {
      return Promise.resolve(alarms.get(name)?.alarm);
    },
    clear(name) {
      return Promise.resolve(clear(name));
    },
    onAlarm: { addListener: (listener) => listeners.push(listener) },
  };
}
