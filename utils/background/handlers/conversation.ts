/** A contact's conversation as the panel shows it, and the media of its messages. */
import { buildConversation } from '@/utils/background/conversation-view';
import { fetchMessageMedia } from '@/utils/background/media';
import { RequestError } from '@/utils/background/request-error';
import { markRead } from '@/utils/background/store/contacts';
import type { HandlerContext, HandlersOf } from './context';
import { requireConfigured } from './preconditions';

type ConversationContext = Pick<HandlerContext, 'db' | 'now' | 'clockOffset' | 'connection'>;

export const conversationHandlers: HandlersOf<'getConversation' | 'getMedia', ConversationContext> = {
  async getConversation(context, { contact }) {
    // Independent reads, side by side: a panel waits for this one on every open and every poll.
    const [connection, view] = await Promise.all([
      context.connection(),
      buildConversation(context.db, contact, { now: context.now(), clockOffset: context.clockOffset() }),
      markRead(context.db, contact),
    ]);
    return { ...view, configured: connection !== null };
  },

  async getMedia(context, { messageSid }) {
    const { client } = await requireConfigured(context);
    // Only media of messages this extension has synced: the page may not browse the account.
    if (!(await context.db.messages.get(messageSid))) throw new RequestError('invalid', 'That message is not in this conversation.');
    return fetchMessageMedia(client, messageSid);
  },
};
