import { createFiringAlarms, MIN_ALARM_DELAY_MS, type FiredAlarm } from './alarms';

const T0 = Date.UTC(2026, 10, 20, 9);
const MINUTE = 60_000;

beforeEach(() => vi.useFakeTimers({ now: T0 }));
afterEach(() => vi.useRealTimers());

function recorded() {
  const alarms = createFiringAlarms();
  const fired: { name: string; at: number; scheduledTime: number }[] = [];
  alarms.onAlarm.addListener((alarm: FiredAlarm) => fired.push({ name: alarm.name, at: Date.now(), scheduledTime: alarm.scheduledTime }));
  return { alarms, fired };
}

it('fires a one-off alarm once, when it is due, and forgets it', async () => {
  const { alarms, fired } = recorded();
  await alarms.create('once', { when: T0 + 5 * MINUTE });
  vi.advanceTimersByTime(5 * MINUTE - 1);
  expect(fired).toEqual([]);
  vi.advanceTimersByTime(1);
  expect(fired).toEqual([{ name: 'once', at: T0 + 5 * MINUTE, scheduledTime: T0 + 5 * MINUTE }]);
  vi.advanceTimersByTime(60 * MINUTE);
  expect(fired).toHaveLength(1);
  expect(await alarms.get('once')).toBeUndefined();
});

it('repeats a periodic alarm every period after its first delay', async () => {
  const { alarms, fired } = recorded();
  await alarms.create('sync', { delayInMinutes: 1, periodInMinutes: 2 });
  expect(await alarms.get('sync')).toMatchObject({ periodInMinutes: 2 });
  vi.advanceTimersByTime(7 * MINUTE);
  expect(fired.map((alarm) => (alarm.at - T0) / MINUTE)).toEqual([1, 3, 5, 7]);
});

it('starts a periodic alarm without a delay after one period', async () => {
  const { alarms, fired } = recorded();
  await alarms.create('templates', { periodInMinutes: 60 });
  vi.advanceTimersByTime(120 * MINUTE);
  expect(fired.map((alarm) => (alarm.at - T0) / MINUTE)).toEqual([60, 120]);
});

it('replaces an alarm created again under the same name, and clears one', async () => {
  const { alarms, fired } = recorded();
  await alarms.create('outbox', { when: T0 + MINUTE });
  await alarms.create('outbox', { when: T0 + 3 * MINUTE });
  await alarms.create('other', { when: T0 + 2 * MINUTE });
  expect(await alarms.clear('other')).toBe(true);
  expect(await alarms.clear('other')).toBe(false);
  vi.advanceTimersByTime(10 * MINUTE);
  expect(fired.map((alarm) => [alarm.name, (alarm.at - T0) / MINUTE])).toEqual([['outbox', 3]]);
});

it('delays an alarm to at least 30 seconds, as Chrome does', async () => {
  const { alarms, fired } = recorded();
  await alarms.create('soon', { when: T0 + 1_000 });
  vi.advanceTimersByTime(MIN_ALARM_DELAY_MS - 1);
  expect(fired).toEqual([]);
  vi.advanceTimersByTime(1);
  expect(fired).toHaveLength(1);
});
