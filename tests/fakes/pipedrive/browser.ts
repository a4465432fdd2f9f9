/** Loads a fake Pipedrive page into happy-dom with its script running, as a browser would show it. */
import { Window } from 'happy-dom';
import type { FakePipedrive } from './fake-pipedrive';

export interface OpenedPage {
  window: Window;
  /** The same document, typed as the DOM's, for code written against the browser's types. */
  document: Document;
  close(): Promise<void>;
}

export async function openFakePage(fake: FakePipedrive, url: string): Promise<OpenedPage> {
  const response = await fake.handle(new Request(url));
  const window = new Window({
    url,
    settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true },
  });
  window.document.write(await response.text());
  await window.happyDOM.waitUntilComplete();
  return { window, document: window.document as unknown as Document, close: () => window.happyDOM.close() };
}
