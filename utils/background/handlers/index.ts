/** What the background answers to each request of the contract: one record, one handler per request type. */
import type { RequestType } from '@/utils/messaging/contract';
import type { HandlerContext, HandlersOf } from './context';
import { conversationHandlers } from './conversation';
import { dealHandlers } from './deal';
import { sendHandlers } from './sends';
import { settingsHandlers } from './settings';
import { syncHandlers } from './sync';
import { templateHandlers } from './templates';

export type { HandlerContext, Origin } from './context';

export type Handlers = HandlersOf<RequestType, HandlerContext>;

// A request type without its handler does not compile.
export const handlers: Handlers = {
  ...settingsHandlers,
  ...conversationHandlers,
  ...sendHandlers,
  ...templateHandlers,
  ...dealHandlers,
  ...syncHandlers,
};
