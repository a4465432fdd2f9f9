import type { Browser } from 'wxt/browser';

export type SenderKind = 'extension-page' | 'crm-page';

export interface SenderPolicy {
  extensionId: string;
  /** `chrome-extension://<id>/` */
  extensionOrigin: string;
  isCrmPage: (url: string) => boolean;
}

/**
 * Who is asking: one of our own pages, our content script on a CRM page, or nobody we answer.
 * Messages from other extensions arrive with their id; web pages cannot reach us at all unless
 * the manifest allows it (it does not), but we check the URL as well, never trusting the payload.
 */
export function classifySender(sender: Browser.runtime.MessageSender | undefined, policy: SenderPolicy): SenderKind | null {
  if (!sender || sender.id !== policy.extensionId) return null;
  const url = sender.url ?? '';
  if (url.startsWith(policy.extensionOrigin)) return 'extension-page';
  if (sender.tab !== undefined && policy.isCrmPage(url)) return 'crm-page';
  return null;
}
