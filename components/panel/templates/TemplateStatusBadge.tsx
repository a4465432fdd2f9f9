import type { ApprovalStatus } from '@/utils/messaging/views';
import { STATUS_LABELS } from '@/utils/templates/labels';
import { templateStatus } from '@/utils/templates/status';

export function TemplateStatusBadge({ status }: { status: ApprovalStatus }) {
  const group = templateStatus(status);
  return <span className={`dc-badge dc-badge--${group}`}>{STATUS_LABELS[group]}</span>;
}
