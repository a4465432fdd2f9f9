import type { ApprovalStatus } from '@/utils/messaging/contract';

const LABELS: Record<ApprovalStatus, string> = {
  approved: 'Approved',
  pending: 'Pending approval',
  received: 'Submitted',
  rejected: 'Rejected',
  paused: 'Paused by WhatsApp',
  disabled: 'Disabled by WhatsApp',
  unsubmitted: 'Not submitted',
  unknown: 'Status unknown',
};

export function TemplateStatusBadge({ status }: { status: ApprovalStatus }) {
  return <span className={`dc-badge dc-badge--${status}`}>{LABELS[status]}</span>;
}
