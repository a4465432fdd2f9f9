/**
 * Every request to the background comes through here: who asked (the sender, as Chrome reports it,
 * never what the message claims), whether the message is a request of the contract, whether that
 * sender may make it, and then its handler; whatever goes wrong becomes an error response.
 */
import type { Browser } from 'wxt/browser';
import { EXTENSION_PAGE_ONLY, parseRequest, type RequestType } from '@/utils/messaging/contract';
import type { ResponseEnvelope, ResponseMap } from '@/utils/messaging/views';
import { describeTwilioFailure } from './describe-twilio-failure';
import type { HandlerContext, Handlers, Origin } from './handlers';
import { RequestError } from './request-error';
import { classifySender, type SenderPolicy } from './sender-policy';

export type RequestRouter = (raw: unknown, sender: Browser.runtime.MessageSender | undefined) => Promise<ResponseEnvelope>;

export interface RouterOptions {
  policy: SenderPolicy;
  handlers: Handlers;
  context: HandlerContext;
  /** Settles once requests may be answered: windows and message times are on Twilio's clock, whose offset is read at start. */
  ready: () => Promise<unknown>;
}

export function createRequestRouter({ policy, handlers, context, ready }: RouterOptions): RequestRouter {
  return async (raw, sender) => {
    const kind = classifySender(sender, policy);
    if (kind === null) return { ok: false, error: { code: 'refused', message: 'Request refused: it did not come from Dealchat.' } };
    const parsed = parseRequest(raw);
    if (!parsed.ok) return { ok: false, error: { code: 'invalid', message: parsed.reason } };
    const { type, payload } = parsed.request;
    if (EXTENSION_PAGE_ONLY.has(type) && kind !== 'extension-page') {
      return { ok: false, error: { code: 'refused', message: 'Request refused: only Dealchat’s settings page may do that.' } };
    }
    try {
      await ready();
      // Chrome keeps `sender.url` at the address the document loaded with; after a single-page app's
      // pushState, only the tab's address says which deal the top frame shows.
      const origin: Origin = { kind, url: (sender?.frameId === 0 ? sender.tab?.url : undefined) ?? sender?.url ?? '' };
      // The union of handlers cannot be called with the union of payloads; parseRequest paired them.
      const handler = handlers[type] as (context: HandlerContext, payload: unknown, origin: Origin) => Promise<ResponseMap[RequestType]>;
      return { ok: true, data: await handler(context, payload, origin) };
    } catch (error) {
      if (error instanceof RequestError) return { ok: false, error: { code: error.code, message: error.message } };
      return { ok: false, error: { code: 'failed', message: describeTwilioFailure(error) } };
    }
  };
}
