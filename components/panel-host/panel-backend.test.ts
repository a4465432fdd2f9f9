import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { LiveEvent } from '@/utils/messaging/contract';
import { createPanelBackend } from './panel-backend';

function fakeLive() {
  const connection = { watch: vi.fn(), close: vi.fn() };
  return { connection, connect: vi.fn(() => connection) };
}

it('connects only once a panel subscribes, and disconnects when the last one leaves', () => {
  const { connection, connect } = fakeLive();
  const { backend } = createPanelBackend(connect);
  expect(connect).not.toHaveBeenCalled();
  const stop = backend.subscribe('+46701111111', () => undefined);
  expect(connect).toHaveBeenCalledOnce();
  stop();
  expect(connection.close).toHaveBeenCalledOnce();
  backend.subscribe('+46701111111', () => undefined);
  expect(connect).toHaveBeenCalledTimes(2);
});

it('watches the contacts of open panels and routes each event to its panel', () => {
  const { connection, connect } = fakeLive();
  const watch = connection.watch;
  const { backend, dispatch } = createPanelBackend(connect);
  const anna: LiveEvent[] = [];
  const bo: LiveEvent[] = [];
  const stopAnna = backend.subscribe('+46701111111', (event) => anna.push(event));
  backend.subscribe('+46702222222', (event) => bo.push(event));
  expect(watch).toHaveBeenLastCalledWith(['+46701111111', '+46702222222']);

  dispatch({ type: 'conversation-changed', contact: '+46702222222' });
  dispatch({ type: 'templates-changed' });
  expect(anna).toEqual([{ type: 'templates-changed' }]);
  expect(bo).toEqual([{ type: 'conversation-changed', contact: '+46702222222' }, { type: 'templates-changed' }]);

  stopAnna();
  expect(watch).toHaveBeenLastCalledWith(['+46702222222']);
});

it('sends each call to the background as a contract request', async () => {
  const sent: unknown[] = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    sent.push(message);
    return Promise.resolve({ ok: true, data: null });
  });
  const { backend } = createPanelBackend(fakeLive().connect);
  const [textId, templateId] = [crypto.randomUUID(), crypto.randomUUID()];
  await backend.sendText('+46701111111', 'Hi', [], textId);
  await backend.sendTemplate('+46701111111', `HX${'a'.repeat(32)}`, { 1: 'Anna' }, templateId);
  await backend.checkPhone('070-111 11 11');
  expect(sent).toEqual([
    { channel: 'dealchat/v1', type: 'sendText', payload: { requestId: textId, to: '+46701111111', body: 'Hi', mediaUrls: [] } },
    {
      channel: 'dealchat/v1',
      type: 'sendTemplate',
      payload: { requestId: templateId, to: '+46701111111', contentSid: `HX${'a'.repeat(32)}`, variables: { 1: 'Anna' } },
    },
    { channel: 'dealchat/v1', type: 'checkPhone', payload: { number: '070-111 11 11' } },
  ]);
});
