import { useRef } from 'react';
import { BackgroundError, isUnanswered } from '@/utils/messaging/client';

/**
 * Said once the background has not answered twice. Its worker may have recorded the send before it
 * died, so the rep is told that sending again is safe, and not to reload: a reload forgets the
 * request id that makes it safe.
 */
export const UNANSWERED_SEND =
  'Dealchat’s background service did not answer, so this message may not have gone out. Send it again: it will not be sent twice.';

/**
 * One press of Send is one message, however often it has to be asked for. Each draft gets a request
 * id, under which the background records the send; a request made again with it finds that send
 * instead of making a second. A request the background did not answer (its worker was stopped,
 * perhaps just after recording the send) is made once more at once, which also wakes the worker. The
 * rep pressing Send again on the unchanged draft reuses the id as well, so no retry of theirs can
 * duplicate a message; a changed draft, or the next one after a send went through, gets a new id.
 *
 * `draft` is everything the request carries besides its id, as JSON sees it.
 */
export function useSendOnce(): (draft: unknown, send: (requestId: string) => Promise<void>) => Promise<void> {
  const current = useRef<{ draft: string; requestId: string } | null>(null);
  return async (draft, send) => {
    const key = JSON.stringify(draft);
    if (current.current?.draft !== key) current.current = { draft: key, requestId: crypto.randomUUID() };
    const pending = current.current;
    const { requestId } = pending;
    try {
      await send(requestId).catch((error: unknown) => {
        if (isUnanswered(error)) return send(requestId);
        throw error;
      });
    } catch (error) {
      if (isUnanswered(error)) throw new BackgroundError(error.code, UNANSWERED_SEND);
      throw error;
    }
    if (current.current === pending) current.current = null;
  };
}
