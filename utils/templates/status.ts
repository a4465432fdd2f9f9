import type { ApprovalStatus, TemplateView } from '@/utils/messaging/views';

/**
 * Approval as a rep thinks of it. Twilio's "received" (submitted, not yet reviewed by WhatsApp)
 * is, to them, just pending.
 */
export type TemplateStatus = Exclude<ApprovalStatus, 'received'>;

/** Best first: the order filters and summaries list them in. */
export const TEMPLATE_STATUSES: readonly TemplateStatus[] = [
  'approved',
  'pending',
  'rejected',
  'paused',
  'disabled',
  'unsubmitted',
  'unknown',
];

export function templateStatus(status: ApprovalStatus): TemplateStatus {
  return status === 'received' ? 'pending' : status;
}

export function isTemplateStatus(value: string): value is TemplateStatus {
  return (TEMPLATE_STATUSES as readonly string[]).includes(value);
}

/** Only templates WhatsApp approved can be sent; the rest are listed so reps see why they are missing. */
export function isSendable(template: TemplateView): boolean {
  return template.approvalStatus === 'approved';
}
