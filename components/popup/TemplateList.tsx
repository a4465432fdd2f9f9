import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef } from 'react';
import type { TemplateView } from '@/utils/messaging/contract';
import { TemplateOption } from './TemplateOption';

/** Every option is this tall, so thousands can be laid out without measuring any. */
export const OPTION_HEIGHT = 74;

interface TemplateListProps {
  id: string;
  templates: TemplateView[];
  activeIndex: number;
  optionId: (template: TemplateView) => string;
  onOpen: (index: number) => void;
}

/**
 * The search results as a listbox the search box controls. Only the options in view are in the
 * page, so it stays quick with an account's 6,000 templates.
 */
export function TemplateList({ id, templates, activeIndex, optionId, onOpen }: TemplateListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // Stable per result list, so the virtualizer lays the options out again only when the results change.
  const itemKey = useCallback((index: number) => templates[index]?.sid ?? index, [templates]);
  // The warning concerns the React Compiler's memoising, which this build does not use.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: templates.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => OPTION_HEIGHT,
    getItemKey: itemKey,
    overscan: 6,
    // Scroll updates may render at the browser's pace; React warns about synchronous ones during its own renders.
    useFlushSync: false,
  });

  // New results start at the top; moving with the keyboard keeps the active one in view. Scrolling
  // makes the browser lay the page out at once, so it is skipped (on most keystrokes) when the
  // active option is already in view.
  useEffect(() => {
    if (activeIndex < 0) return;
    const top = activeIndex * OPTION_HEIGHT;
    const viewTop = virtualizer.scrollOffset ?? 0;
    const viewBottom = viewTop + (virtualizer.scrollRect?.height ?? 0);
    if (top < viewTop || top + OPTION_HEIGHT > viewBottom) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [virtualizer, templates, activeIndex]);

  return (
    <div ref={scrollRef} className="results">
      <ul id={id} role="listbox" aria-label="Templates" className="results__list" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const template = templates[item.index];
          if (!template) return null;
          return (
            <TemplateOption
              key={item.key}
              id={optionId(template)}
              template={template}
              active={item.index === activeIndex}
              position={item.index + 1}
              total={templates.length}
              style={{ transform: `translateY(${item.start}px)`, height: item.size }}
              onOpen={() => onOpen(item.index)}
            />
          );
        })}
      </ul>
    </div>
  );
}
