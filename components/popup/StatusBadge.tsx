import { CheckIcon } from '@/components/shared/icons';
import type { ApprovalStatus } from '@/utils/messaging/views';
import { STATUS_LABELS } from '@/utils/templates/labels';
import { templateStatus } from '@/utils/templates/status';

/** The template's WhatsApp approval at a glance; only "Approved" carries a check mark. */
export function StatusBadge({ status, id }: { status: ApprovalStatus; id?: string }) {
  const group = templateStatus(status);
  return (
    <span id={id} className={`badge badge--${group}`}>
      {group === 'approved' && <CheckIcon />}
      {STATUS_LABELS[group]}
    </span>
  );
}
