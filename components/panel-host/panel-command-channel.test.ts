import type { Browser } from 'wxt/browser';
import { deferred } from '@/tests/support/panel';
import { template } from '@/tests/support/templates';
import { PANEL_CHANNEL, type PanelCommand } from '@/utils/messaging/panel-commands';
import type { TemplateView } from '@/utils/messaging/views';
import {
  createPanelCommandChannel,
  listenForPanelCommands,
  type MessageRuntime,
  type PanelCommandAnswer,
} from './panel-command-channel';

const OUR_ID = 'dealchatextensionid';
const approved = template({ friendlyName: 'quote_follow_up' });
const pending = template({ friendlyName: 'spring_campaign', approvalStatus: 'pending' });

const ping: PanelCommand = { channel: PANEL_CHANNEL, type: 'ping' };
const openTemplate = (contentSid: string): PanelCommand => ({ channel: PANEL_CHANNEL, type: 'openTemplate', contentSid });

const popup: Browser.runtime.MessageSender = { id: OUR_ID, url: `chrome-extension://${OUR_ID}/popup.html` };

function fakeRuntime() {
  type Listener = Parameters<MessageRuntime['onMessage']['addListener']>[0];
  const listeners = new Set<Listener>();
  const runtime: MessageRuntime = {
    id: OUR_ID,
    onMessage: {
      addListener: (listener) => listeners.add(listener),
      removeListener: (listener) => listeners.delete(listener),
    },
  };
  /** What the listeners returned, and the answer once one comes. */
  const send = (message: unknown, sender: Browser.runtime.MessageSender) => {
    const response = deferred<PanelCommandAnswer>();
    const returned = [...listeners].map((listener) => listener(message, sender, response.resolve));
    return { returned, response: response.promise };
  };
  return { runtime, listeners, send };
}

describe('listenForPanelCommands', () => {
  it('answers the popup asynchronously, keeping the channel open', async () => {
    const { runtime, send } = fakeRuntime();
    listenForPanelCommands(runtime, () => Promise.resolve({ hasPanel: true }));
    const { returned, response } = send(ping, popup);
    expect(returned).toEqual([true]);
    await expect(response).resolves.toEqual({ hasPanel: true });
  });

  it.each<[string, unknown, Browser.runtime.MessageSender]>([
    ['our content script in another tab', ping, { id: OUR_ID, tab: { id: 3 } as Browser.tabs.Tab, url: 'https://acme.pipedrive.com/deal/1' }],
    ['another extension', ping, { id: 'someotherextension', url: 'chrome-extension://someotherextension/popup.html' }],
    ['a sender without an id', ping, {}],
    ['a background request', { type: 'getConversation', payload: { contact: '+46701234567' } }, popup],
    ['a malformed command', { channel: PANEL_CHANNEL, type: 'openTemplate', contentSid: 'HX1' }, popup],
    ['garbage', 'ping', popup],
    ['nothing', undefined, popup],
  ])('leaves %s unanswered', (_, message, sender) => {
    const { runtime, send } = fakeRuntime();
    const answer = vi.fn(() => Promise.resolve({ hasPanel: true }));
    listenForPanelCommands(runtime, answer);
    expect(send(message, sender).returned).toEqual([undefined]);
    expect(answer).not.toHaveBeenCalled();
  });

  it('stops when told to', () => {
    const { runtime, listeners } = fakeRuntime();
    const stop = listenForPanelCommands(runtime, () => Promise.resolve({ hasPanel: false }));
    expect(listeners.size).toBe(1);
    stop();
    expect(listeners.size).toBe(0);
  });
});

describe('createPanelCommandChannel', () => {
  const channelWith = (templates: () => Promise<TemplateView[]>) => {
    const listTemplates = vi.fn(templates);
    return { channel: createPanelCommandChannel({ listTemplates }), listTemplates };
  };

  it('has a panel only while one serves template requests', async () => {
    const { channel } = channelWith(() => Promise.resolve([approved]));
    await expect(channel.answer(ping)).resolves.toEqual({ hasPanel: false });
    const stop = channel.requests.serve(() => undefined);
    await expect(channel.answer(ping)).resolves.toEqual({ hasPanel: true });
    stop();
    await expect(channel.answer(ping)).resolves.toEqual({ hasPanel: false });
  });

  it('keeps the newest panel when an older one stops late', async () => {
    const { channel } = channelWith(() => Promise.resolve([approved]));
    const stopOld = channel.requests.serve(() => undefined);
    const open = vi.fn();
    channel.requests.serve(open);
    stopOld();
    await expect(channel.answer(openTemplate(approved.sid))).resolves.toEqual({ opened: true });
    expect(open).toHaveBeenCalledWith(approved);
  });

  it('reveals the panel, then opens an approved template it has synced', async () => {
    const { channel } = channelWith(() => Promise.resolve([pending, approved]));
    const calls: string[] = [];
    channel.onReveal(() => calls.push('reveal'));
    channel.requests.serve((opened) => calls.push(`open ${opened.friendlyName}`));
    await expect(channel.answer(openTemplate(approved.sid))).resolves.toEqual({ opened: true });
    expect(calls).toEqual(['reveal', 'open quote_follow_up']);
  });

  it.each<[string, () => Promise<TemplateView[]>, string]>([
    ['a template that is not synced', () => Promise.resolve([approved]), `HX${'f'.repeat(32)}`],
    ['a template WhatsApp has not approved', () => Promise.resolve([approved, pending]), pending.sid],
    ['any template when the list cannot be read', () => Promise.reject(new Error('The background is gone.')), approved.sid],
  ])('does not open %s', async (_, templates, contentSid) => {
    const { channel } = channelWith(templates);
    const open = vi.fn();
    const reveal = vi.fn();
    channel.onReveal(reveal);
    channel.requests.serve(open);
    await expect(channel.answer(openTemplate(contentSid))).resolves.toEqual({ opened: false });
    expect(open).not.toHaveBeenCalled();
    expect(reveal).not.toHaveBeenCalled();
  });

  it('does not open a template once the panel has gone', async () => {
    const templates = deferred<TemplateView[]>();
    const { channel } = channelWith(() => templates.promise);
    const open = vi.fn();
    const stop = channel.requests.serve(open);
    const answer = channel.answer(openTemplate(approved.sid));
    stop();
    templates.resolve([approved]);
    await expect(answer).resolves.toEqual({ opened: false });
    expect(open).not.toHaveBeenCalled();
  });

  it('stops revealing for a listener that unsubscribed', async () => {
    const { channel } = channelWith(() => Promise.resolve([approved]));
    const reveal = vi.fn();
    channel.onReveal(reveal)();
    channel.requests.serve(() => undefined);
    await channel.answer(openTemplate(approved.sid));
    expect(reveal).not.toHaveBeenCalled();
  });
});
