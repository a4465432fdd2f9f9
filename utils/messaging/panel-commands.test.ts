import { PANEL_CHANNEL, parsePanelCommand, parsePanelResponse } from './panel-commands';

const sid = `HX${'a'.repeat(32)}`;

describe('parsePanelCommand', () => {
  it('accepts the two commands the popup sends', () => {
    expect(parsePanelCommand({ channel: PANEL_CHANNEL, type: 'ping' })).toEqual({ channel: 'dealchat/panel', type: 'ping' });
    expect(parsePanelCommand({ channel: PANEL_CHANNEL, type: 'openTemplate', contentSid: sid })).toEqual({
      channel: 'dealchat/panel',
      type: 'openTemplate',
      contentSid: sid,
    });
  });

  it.each([
    ['another channel', { channel: 'dealchat/v1', type: 'ping' }],
    ['an unknown command', { channel: PANEL_CHANNEL, type: 'sendTemplate', contentSid: sid }],
    ['a malformed template sid', { channel: PANEL_CHANNEL, type: 'openTemplate', contentSid: 'HX123' }],
    ['extra fields', { channel: PANEL_CHANNEL, type: 'ping', to: '+46701234567' }],
    ['no object at all', 'ping'],
  ])('refuses %s', (_, raw) => {
    expect(parsePanelCommand(raw)).toBeNull();
  });
});

describe('parsePanelResponse', () => {
  it('reads the answers the content script gives', () => {
    expect(parsePanelResponse('ping', { hasPanel: true })).toEqual({ hasPanel: true });
    expect(parsePanelResponse('openTemplate', { opened: false })).toEqual({ opened: false });
  });

  it('treats anything else, like no answer, as no answer', () => {
    expect(parsePanelResponse('ping', undefined)).toBeNull();
    expect(parsePanelResponse('ping', { hasPanel: 'yes' })).toBeNull();
    expect(parsePanelResponse('openTemplate', { hasPanel: true })).toBeNull();
  });
});
