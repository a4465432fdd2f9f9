import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { LiveEvent } from '@/utils/messaging/contract';
import { createPanelBackend } from './panel-backend';

it('watches the contacts of open panels and routes each event to its panel', () => {
  const watch = vi.fn();
  const { backend, dispatch } = createPanelBackend({ watch });
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
  const { backend } = createPanelBackend({ watch: vi.fn() });
  await backend.sendText('+46701111111', 'Hi', []);
  await backend.sendTemplate('+46701111111', `HX${'a'.repeat(32)}`, { 1: 'Anna' });
  expect(sent).toEqual([
    { channel: 'dealchat/v1', type: 'sendText', payload: { to: '+46701111111', body: 'Hi', mediaUrls: [] } },
    { channel: 'dealchat/v1', type: 'sendTemplate', payload: { to: '+46701111111', contentSid: `HX${'a'.repeat(32)}`, variables: { 1: 'Anna' } } },
  ]);
});
