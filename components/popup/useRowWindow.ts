import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/** The rows to put in the page, from `start` up to but not including `end`. */
export interface RowWindow {
  start: number;
  end: number;
  /** Scrolls just enough for the row to be wholly in view (not at all when it already is). */
  reveal: (index: number) => void;
}

interface InView {
  first: number;
  last: number;
}

/**
 * Which of `count` rows, all `rowHeight` tall, a scrolling element shows, with `overscan` more on
 * each side. Their equal height makes it arithmetic: nothing is measured but the element's own
 * height, so a new row count costs nothing however long the list.
 */
export function useRowWindow(scrollRef: RefObject<HTMLElement | null>, count: number, rowHeight: number, overscan: number): RowWindow {
  // Where the view is, as of the last scroll or resize; outside state, as it moves on every scroll event.
  const view = useRef({ top: 0, height: 0 });
  // What rendering depends on, which scrolling within a row leaves as it is.
  const [inView, setInView] = useState<InView>({ first: 0, last: -1 });

  const update = useCallback(() => {
    const { top, height } = view.current;
    const first = Math.floor(top / rowHeight);
    const last = height > 0 ? Math.floor((top + height - 1) / rowHeight) : first - 1;
    setInView((current) => (current.first === first && current.last === last ? current : { first, last }));
  }, [rowHeight]);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const scroll = () => {
      view.current.top = element.scrollTop;
      // Scroll events come as a frame starts: rendered at once, the rows scrolled into view are in that frame.
      flushSync(update);
    };
    view.current = { top: element.scrollTop, height: element.clientHeight };
    update();
    element.addEventListener('scroll', scroll, { passive: true });
    const resizes = new ResizeObserver(([entry]) => {
      if (!entry) return;
      view.current.height = entry.contentRect.height;
      update();
    });
    resizes.observe(element);
    return () => {
      element.removeEventListener('scroll', scroll);
      resizes.disconnect();
    };
  }, [scrollRef, update]);

  const reveal = useCallback(
    (index: number) => {
      const element = scrollRef.current;
      const { top, height } = view.current;
      const rowTop = index * rowHeight;
      const rowBottom = rowTop + rowHeight;
      const target = rowTop < top ? rowTop : rowBottom > top + height ? Math.max(rowBottom - height, 0) : null;
      // Until its height is known, the view shows nothing to scroll to.
      if (!element || height === 0 || target === null) return;
      element.scrollTop = target;
      // Its scroll event comes only with the next frame: the rows that frame shows are chosen now.
      view.current.top = target;
      update();
    },
    [scrollRef, rowHeight, update],
  );

  return {
    start: Math.min(Math.max(inView.first - overscan, 0), count),
    end: Math.min(inView.last + 1 + overscan, count),
    reveal,
  };
}
