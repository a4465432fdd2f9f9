/** The CRMs' API halves, for the background only: the content script must not import this (see utils/crm/adapter.ts). */
import type { CrmApiAdapter } from '@/utils/crm/adapter';
import { pipedriveApi } from '@/utils/crm/pipedrive/background/api';
import type { CrmId } from '@/utils/crm/registry';

// Keyed by the page halves' ids: a CRM listed in utils/crm/registry.ts without its API half here, or the reverse, does not compile.
export const CRM_API_ADAPTERS: { readonly [Id in CrmId]: CrmApiAdapter } = {
  pipedrive: pipedriveApi,
};
