import { useLayoutEffect, useRef } from 'react';
import type { TemplateView } from '@/utils/messaging/views';
import { PopupTemplateOption } from './PopupTemplateOption';
import { useRowWindow } from './useRowWindow';

/** Every option is this tall, so thousands can be laid out without measuring any. */
export const OPTION_HEIGHT = 74;
/**
 * Options put in the page beyond each edge of the view, ready for a scroll. Few: each one in the
 * page is laid out and painted again on every keystroke that changes the results.
 */
const OVERSCAN = 2;

interface PopupTemplateListProps {
  id: string;
  templates: TemplateView[];
  activeIndex: number;
  optionId: (template: TemplateView) => string;
  onOpen: (sid: string) => void;
}

/**
 * The search results as a listbox the search box controls. Only the options in view are in the
 * page, so it stays quick with an account's 6,000 templates.
 */
export function PopupTemplateList({ id, templates, activeIndex, optionId, onOpen }: PopupTemplateListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const { start, end, reveal } = useRowWindow(scrollRef, templates.length, OPTION_HEIGHT, OVERSCAN);

  // New results start at the top; moving with the keyboard keeps the active one in view. Before
  // the frame is painted, so it never shows the list scrolled away from the active option.
  useLayoutEffect(() => {
    if (activeIndex >= 0) reveal(activeIndex);
  }, [reveal, templates, activeIndex]);

  // Keyed by place, so new results change the text of the options already in the page rather than replacing them.
  const options = templates.slice(start, end).map((template, offset) => {
    const index = start + offset;
    return (
      <PopupTemplateOption
        key={index}
        id={optionId(template)}
        template={template}
        active={index === activeIndex}
        position={index + 1}
        total={templates.length}
        top={index * OPTION_HEIGHT}
        height={OPTION_HEIGHT}
        onOpen={onOpen}
      />
    );
  });

  return (
    <div ref={scrollRef} className="results">
      <ul id={id} role="listbox" aria-label="Templates" className="results__list" style={{ height: templates.length * OPTION_HEIGHT }}>
        {options}
      </ul>
    </div>
  );
}
