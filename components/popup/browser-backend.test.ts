import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBrowserPopupBackend } from './browser-backend';

describe('the popup’s browser backend', () => {
  it('sends panel commands to the page of the active tab only', async () => {
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7 } as Browser.tabs.Tab]);
    const sendMessage = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ hasPanel: true });
    const answer = await createBrowserPopupBackend().sendToActiveTab({ channel: 'dealchat/panel', type: 'ping' });
    expect(answer).toEqual({ hasPanel: true });
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(sendMessage).toHaveBeenCalledWith(7, { channel: 'dealchat/panel', type: 'ping' }, { frameId: 0 });
  });

  it('fails when there is no active tab to ask', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([]);
    await expect(createBrowserPopupBackend().sendToActiveTab({ channel: 'dealchat/panel', type: 'ping' })).rejects.toThrow();
  });
});
