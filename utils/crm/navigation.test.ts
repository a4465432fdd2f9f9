import { Window } from 'happy-dom';
import { watchLocation } from './navigation';

const windows: Window[] = [];

afterEach(async () => {
  await Promise.all(windows.splice(0).map((window) => window.happyDOM.close()));
});

function page(url = 'https://acme.pipedrive.com/pipeline'): Window {
  const window = new Window({ url });
  windows.push(window);
  return window;
}

/** happy-dom has no Navigation API; a bare EventTarget stands in for Chromium's `window.navigation`. */
function withNavigation(window: Window): EventTarget {
  const navigation = new window.EventTarget() as unknown as EventTarget;
  Object.assign(window, { navigation });
  return navigation;
}

const asDomWindow = (window: Window) => window as unknown as globalThis.Window;

describe('watchLocation with the Navigation API', () => {
  it('reports the new URL when the current entry changes, without polling', async () => {
    const window = page();
    const navigation = withNavigation(window);
    const changes: string[] = [];
    watchLocation(asDomWindow(window), (url) => changes.push(url), { pollMs: 5 });

    window.history.pushState({}, '', '/deal/2');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(changes).toEqual([]);

    navigation.dispatchEvent(new window.Event('currententrychange') as unknown as Event);
    expect(changes).toEqual(['https://acme.pipedrive.com/deal/2']);
  });

  it('ignores entry changes that keep the URL, and stops when asked', () => {
    const window = page();
    const navigation = withNavigation(window);
    const onChange = vi.fn();
    const stop = watchLocation(asDomWindow(window), onChange);

    navigation.dispatchEvent(new window.Event('currententrychange') as unknown as Event);
    expect(onChange).not.toHaveBeenCalled();

    stop();
    window.history.pushState({}, '', '/deal/3');
    navigation.dispatchEvent(new window.Event('currententrychange') as unknown as Event);
    expect(onChange).not.toHaveBeenCalled();
  });
});

describe('watchLocation without the Navigation API', () => {
  it('notices pushState and replaceState by polling', async () => {
    const window = page();
    const changes: string[] = [];
    watchLocation(asDomWindow(window), (url) => changes.push(url), { pollMs: 5 });

    window.history.pushState({}, '', '/deal/2');
    await vi.waitFor(() => expect(changes).toEqual(['https://acme.pipedrive.com/deal/2']));
    window.history.replaceState({}, '', '/deal/2?tab=notes');
    await vi.waitFor(() => expect(changes).toHaveLength(2));
    expect(changes[1]).toBe('https://acme.pipedrive.com/deal/2?tab=notes');
  });

  it('reports back and forward and hash changes at once, and each URL once', () => {
    const window = page();
    const changes: string[] = [];
    watchLocation(asDomWindow(window), (url) => changes.push(url), { pollMs: 60_000 });

    window.history.pushState({}, '', '/deal/2');
    window.dispatchEvent(new window.PopStateEvent('popstate'));
    window.history.replaceState({}, '', '#notes');
    window.dispatchEvent(new window.HashChangeEvent('hashchange'));
    window.dispatchEvent(new window.HashChangeEvent('hashchange'));
    expect(changes).toEqual(['https://acme.pipedrive.com/deal/2', 'https://acme.pipedrive.com/deal/2#notes']);
  });

  it('stops listening and polling when asked', async () => {
    const window = page();
    const onChange = vi.fn();
    const stop = watchLocation(asDomWindow(window), onChange, { pollMs: 5 });
    stop();
    window.history.pushState({}, '', '/deal/2');
    window.dispatchEvent(new window.PopStateEvent('popstate'));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(onChange).not.toHaveBeenCalled();
  });
});
