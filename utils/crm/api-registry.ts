/** The CRMs' API halves, for the background only: the content script must not import this (see adapter.ts). */
import type { CrmApiAdapter } from './adapter';
import { pipedriveApi } from './pipedrive/api';
import type { CrmId } from './registry';

// Keyed by the page halves' ids: a CRM listed in registry.ts without its API half here, or the reverse, does not compile.
export const CRM_API_ADAPTERS: { readonly [Id in CrmId]: CrmApiAdapter } = {
  pipedrive: pipedriveApi,
};
