import { useLayoutEffect, useRef, type RefObject } from 'react';

/** Within this distance of the bottom the rep is reading the newest messages, not the history. */
const NEAR_BOTTOM_PX = 48;

/**
 * Keeps a scrolling log at its newest entry whenever `content` changes, unless the rep has
 * scrolled up to read older ones. Returns the scroll handler to attach.
 */
export function useStickToBottom(ref: RefObject<HTMLElement | null>, content: unknown): () => void {
  const following = useRef(true);

  useLayoutEffect(() => {
    const element = ref.current;
    if (element && following.current) element.scrollTop = element.scrollHeight;
  }, [ref, content]);

  return () => {
    const element = ref.current;
    if (element) following.current = element.scrollHeight - element.scrollTop - element.clientHeight <= NEAR_BOTTOM_PX;
  };
}
