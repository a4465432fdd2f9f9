import type { Browser } from 'wxt/browser';
import { LIVE_PORT_NAME } from './constants';
import { connectLive } from './live';
import type { LiveEvent } from './views';

function fakeRuntime() {
  const ports: { posted: unknown[]; emit: (event: LiveEvent) => void; drop: () => void; disconnected: boolean }[] = [];
  const runtime = {
    connect: vi.fn(({ name }: { name: string }) => {
      expect(name).toBe(LIVE_PORT_NAME);
      const messageListeners: ((event: LiveEvent) => void)[] = [];
      const disconnectListeners: (() => void)[] = [];
      const record = {
        posted: [] as unknown[],
        disconnected: false,
        emit: (event: LiveEvent) => messageListeners.forEach((listener) => listener(event)),
        drop: () => disconnectListeners.forEach((listener) => listener()),
      };
      ports.push(record);
      return {
        postMessage: (message: unknown) => record.posted.push(message),
        disconnect: () => (record.disconnected = true),
        onMessage: { addListener: (listener: (event: LiveEvent) => void) => messageListeners.push(listener) },
        onDisconnect: { addListener: (listener: () => void) => disconnectListeners.push(listener) },
      } as unknown as Browser.runtime.Port;
    }),
  };
  return { runtime, ports };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

it('delivers events and re-announces what it watches after the worker restarts', () => {
  const { runtime, ports } = fakeRuntime();
  const events: LiveEvent[] = [];
  const live = connectLive((event) => events.push(event), runtime);
  live.watch(['+46701234567']);
  ports[0]?.emit({ type: 'conversation-changed', contact: '+46701234567' });
  expect(events).toEqual([{ type: 'conversation-changed', contact: '+46701234567' }]);

  ports[0]?.drop();
  vi.advanceTimersByTime(1_000);
  expect(runtime.connect).toHaveBeenCalledTimes(2);
  expect(ports[1]?.posted).toEqual([{ type: 'watch', contacts: ['+46701234567'] }]);
  live.close();
});

it('sends heartbeats while open and stops everything when closed', () => {
  const { runtime, ports } = fakeRuntime();
  const live = connectLive(() => undefined, runtime);
  vi.advanceTimersByTime(20_000);
  expect(ports[0]?.posted).toContainEqual({ type: 'heartbeat' });
  live.close();
  expect(ports[0]?.disconnected).toBe(true);
  ports[0]?.drop();
  vi.advanceTimersByTime(60_000);
  expect(runtime.connect).toHaveBeenCalledTimes(1);
});
