import type { DealField } from '@/utils/messaging/constants';

export const DEAL_FIELD_LABELS: Record<DealField, string> = {
  'person.firstName': 'First name',
  'person.name': 'Full name',
  'deal.title': 'Deal title',
  'deal.value': 'Deal value',
  'organization.name': 'Organization',
  'owner.name': 'Owner',
  manual: 'Type it',
};
