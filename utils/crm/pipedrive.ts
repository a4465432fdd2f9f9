import type { CrmAdapter } from './adapter';

export const pipedrive: CrmAdapter = {
  id: 'pipedrive',
  label: 'Pipedrive',
  pagePatterns: ['https://*.pipedrive.com/*'],
};
