import { memo } from 'react';
import type { TemplateView } from '@/utils/messaging/views';
import { templateFacts } from '@/utils/templates/labels';
import { StatusBadge } from './StatusBadge';
import { TemplateText } from './TemplateText';

interface PopupTemplateOptionProps {
  template: TemplateView;
  id: string;
  active: boolean;
  position: number;
  total: number;
  /** Where it sits in the list, in pixels. */
  top: number;
  height: number;
  onOpen: (sid: string) => void;
}

/** One template in the list: named by its name alone, described by its status, facts and text. */
export const PopupTemplateOption = memo(function PopupTemplateOption({ template, id, active, position, total, top, height, onOpen }: PopupTemplateOptionProps) {
  return (
    <li
      id={id}
      role="option"
      className={active ? 'option option--active' : 'option'}
      style={{ transform: `translateY(${top}px)`, height }}
      aria-selected={active}
      // Only part of the list is in the page, so each option says where it stands in the whole.
      aria-posinset={position}
      aria-setsize={total}
      aria-labelledby={`${id}-name`}
      aria-describedby={`${id}-status ${id}-facts ${id}-line`}
      // Keeps focus in the search box, where the arrow keys and Enter work.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => onOpen(template.sid)}
    >
      <OptionContent template={template} id={id} />
    </li>
  );
});

/** What the option shows, the same while its template is: a keystroke that keeps it in place renders none of it again. */
const OptionContent = memo(function OptionContent({ template, id }: Pick<PopupTemplateOptionProps, 'template' | 'id'>) {
  const reason = template.approvalStatus === 'rejected' ? template.rejectionReason : null;
  return (
    <>
      <span className="option__top">
        <span id={`${id}-name`} className="option__name">
          {template.friendlyName}
        </span>
        <StatusBadge id={`${id}-status`} status={template.approvalStatus} />
      </span>
      <span id={`${id}-facts`} className="option__facts">
        {templateFacts(template).join(' · ')}
      </span>
      {reason === null ? (
        <span id={`${id}-line`} className="option__line">
          <TemplateText text={template.body} />
        </span>
      ) : (
        <span id={`${id}-line`} className="option__line option__line--reason">
          Rejected: {reason}
        </span>
      )}
    </>
  );
});
