import type { TemplateView } from '@/utils/messaging/views';
import { isSendable } from '@/utils/templates/status';
import { TemplateStatusBadge } from './TemplateStatusBadge';

interface PanelTemplateOptionProps {
  template: TemplateView;
  id: string;
  active: boolean;
  onChoose: () => void;
  onPoint: () => void;
}

/** One template in the list. Its accessible name is the template's name alone; status and text describe it. */
export function PanelTemplateOption({ template, id, active, onChoose, onPoint }: PanelTemplateOptionProps) {
  const sendable = isSendable(template);
  const meta = [template.category && capitalise(template.category), template.language].filter(Boolean).join(' · ');
  return (
    <li
      id={id}
      role="option"
      className={`dc-option${active ? ' dc-option--active' : ''}${sendable ? '' : ' dc-option--unavailable'}`}
      aria-selected={active}
      aria-disabled={!sendable || undefined}
      aria-labelledby={`${id}-name`}
      aria-describedby={`${id}-details`}
      onClick={onChoose}
      onMouseMove={onPoint}
    >
      <span id={`${id}-name`} className="dc-option__name">
        {template.friendlyName}
      </span>
      <span id={`${id}-details`} className="dc-option__details">
        <span className="dc-option__meta">
          {!sendable && (
            <>
              <TemplateStatusBadge status={template.approvalStatus} />
              <span className="dc-visually-hidden">, cannot be sent yet. </span>
            </>
          )}
          {meta}
        </span>
        {template.body !== '' && <span className="dc-option__body">{template.body}</span>}
        {template.rejectionReason !== null && (
          <span className="dc-option__reason">Reason: {template.rejectionReason}</span>
        )}
      </span>
    </li>
  );
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
