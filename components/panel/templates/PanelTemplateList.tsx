import { useId, type KeyboardEvent, type Ref } from 'react';
import type { TemplateView } from '@/utils/messaging/views';
import { isSendable } from '@/utils/templates/status';
import { PanelTemplateOption } from './PanelTemplateOption';

interface PanelTemplateListProps {
  templates: TemplateView[];
  activeSid: string | null;
  labelledBy: string;
  listRef: Ref<HTMLUListElement>;
  onActiveChange: (sid: string) => void;
  onChoose: (template: TemplateView) => void;
}

/**
 * A listbox that keeps focus on itself and points at the active option, so arrow keys move
 * through the templates and Enter picks one.
 */
export function PanelTemplateList({ templates, activeSid, labelledBy, listRef, onActiveChange, onChoose }: PanelTemplateListProps) {
  const idPrefix = useId();
  const optionId = (index: number) => `${idPrefix}-option-${index}`;
  const activeIndex = templates.findIndex((template) => template.sid === activeSid);

  const choose = (template: TemplateView) => {
    if (isSendable(template)) onChoose(template);
  };

  const moveTo = (index: number, list: HTMLElement) => {
    const template = templates[index];
    if (!template) return;
    onActiveChange(template.sid);
    list.querySelector(`[id="${optionId(index)}"]`)?.scrollIntoView({ block: 'nearest' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const last = templates.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: Math.min(activeIndex + 1, last),
      ArrowUp: Math.max(activeIndex - 1, 0),
      Home: 0,
      End: last,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target, event.currentTarget);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const template = templates[activeIndex];
      if (template) choose(template);
    }
  };

  return (
    <ul
      ref={listRef}
      className="dc-options"
      role="listbox"
      tabIndex={0}
      aria-labelledby={labelledBy}
      aria-activedescendant={activeIndex >= 0 ? optionId(activeIndex) : undefined}
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        if (activeIndex < 0 && event.target === event.currentTarget) moveTo(0, event.currentTarget);
      }}
    >
      {templates.map((template, index) => (
        <PanelTemplateOption
          key={template.sid}
          id={optionId(index)}
          template={template}
          active={index === activeIndex}
          onChoose={() => choose(template)}
          onPoint={() => {
            if (index !== activeIndex) onActiveChange(template.sid);
          }}
        />
      ))}
    </ul>
  );
}
