import { fakeBrowser } from 'wxt/testing/fake-browser';
import { message } from '@/tests/support/panel';
import type { ConversationView, LiveEvent } from '@/utils/messaging/views';
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

describe('the last conversation seen on the page', () => {
  const CONTACT = '+46701111111';
  const view = (body: string): ConversationView => ({
    contact: CONTACT,
    messages: [message({ body })],
    window: { open: true, closesAt: Date.now() + 60_000, reason: 'open' },
    configured: true,
  });

  /** A background whose answers to getConversation the test hands out one by one, in any order. */
  function scriptedBackground() {
    const answers: ((view: ConversationView) => void)[] = [];
    fakeBrowser.runtime.onMessage.addListener((envelope: unknown) => {
      if ((envelope as { type?: string }).type !== 'getConversation') return undefined;
      return new Promise((resolve) => answers.push((data) => resolve({ ok: true, data })));
    });
    const answer = (index: number, data: ConversationView) => {
      const reply = answers[index];
      if (reply === undefined) throw new Error(`Question ${String(index)} has not reached the background yet.`);
      reply(data);
    };
    return { answer };
  }

  it('is the background’s latest answer for that number', async () => {
    const { answer } = scriptedBackground();
    const { backend } = createPanelBackend(fakeLive().connect);
    expect(backend.lastConversation(CONTACT)).toBeNull();

    const asked = backend.getConversation(CONTACT);
    const answered = view('Hi, is the offer still valid?');
    await vi.waitFor(() => answer(0, answered));
    await asked;
    expect(backend.lastConversation(CONTACT)).toEqual(answered);
    expect(backend.lastConversation('+46702222222')).toBeNull();
  });

  it('is not replaced by a slow answer to an earlier question', async () => {
    const { answer } = scriptedBackground();
    const { backend } = createPanelBackend(fakeLive().connect);
    const earlier = backend.getConversation(CONTACT);
    const later = backend.getConversation(CONTACT);
    await vi.waitFor(() => answer(1, view('Any news?')));
    await later;
    answer(0, view('Hi, is the offer still valid?'));
    await Promise.all([earlier, later]);
    expect(backend.lastConversation(CONTACT)?.messages[0]?.body).toBe('Any news?');
  });

  it('survives a failed fetch', async () => {
    let fail = false;
    fakeBrowser.runtime.onMessage.addListener(() =>
      Promise.resolve(fail ? { ok: false, error: { code: 'failed', message: 'Twilio did not answer in time.' } } : { ok: true, data: view('Hi') }),
    );
    const { backend } = createPanelBackend(fakeLive().connect);
    await backend.getConversation(CONTACT);
    fail = true;
    await expect(backend.getConversation(CONTACT)).rejects.toThrow('Twilio did not answer in time.');
    expect(backend.lastConversation(CONTACT)?.messages[0]?.body).toBe('Hi');
  });
});
