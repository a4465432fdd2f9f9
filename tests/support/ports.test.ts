import type { Browser } from 'wxt/browser';
import { fromDealPage } from './engine';
import { portRuntime } from './ports';

function connected() {
  const accepted: Browser.runtime.Port[] = [];
  const runtime = portRuntime(fromDealPage, (port) => accepted.push(port));
  const page = runtime.connect({ name: 'dealchat/live' });
  const background = accepted[0];
  if (!background) throw new Error('The background was not given a port.');
  return { page, background, accepted };
}

function received(port: Browser.runtime.Port) {
  const messages: unknown[] = [];
  port.onMessage.addListener((message: unknown) => messages.push(message));
  return messages;
}

it('gives the background its end, named as asked and with the page as sender', () => {
  const { page, background, accepted } = connected();
  expect(accepted).toHaveLength(1);
  expect(background).toMatchObject({ name: 'dealchat/live', sender: fromDealPage });
  expect(page.name).toBe('dealchat/live');
});

it('carries copies of messages both ways, after the sender has moved on', async () => {
  const { page, background } = connected();
  const atBackground = received(background);
  const atPage = received(page);
  const watch = { type: 'watch', contacts: ['+46701234567'] };
  page.postMessage(watch);
  background.postMessage({ type: 'templates-changed' });
  expect(atBackground).toEqual([]);
  await Promise.resolve();
  expect(atBackground).toEqual([watch]);
  expect(atBackground[0]).not.toBe(watch);
  expect(atPage).toEqual([{ type: 'templates-changed' }]);
});

it('delivers what was sent before a disconnect, tells only the other end, and carries nothing after it', async () => {
  const { page, background } = connected();
  const atBackground = received(background);
  const atPage = received(page);
  const pageHeard = vi.fn();
  const backgroundHeard = vi.fn();
  page.onDisconnect.addListener(pageHeard);
  background.onDisconnect.addListener(backgroundHeard);
  page.postMessage({ type: 'heartbeat' });
  background.postMessage({ type: 'templates-changed' });
  page.disconnect();
  await Promise.resolve();
  expect(backgroundHeard).toHaveBeenCalledTimes(1);
  expect(pageHeard).not.toHaveBeenCalled();
  expect(atBackground).toEqual([{ type: 'heartbeat' }]);
  expect(atPage).toEqual([]);
  expect(() => page.postMessage({ type: 'heartbeat' })).toThrow('disconnected');
  expect(() => background.postMessage({ type: 'templates-changed' })).toThrow('disconnected');
});
