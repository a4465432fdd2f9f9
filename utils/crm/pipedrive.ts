import type { CrmAdapter } from './adapter';
import { fetchPipedriveDealContext } from './pipedrive/api';
import { findPipedriveMountPoint, readPipedriveDealPage } from './pipedrive/page';
import { pipedriveDealId } from './pipedrive/url';

export const pipedrive: CrmAdapter = {
  id: 'pipedrive',
  label: 'Pipedrive',
  pagePatterns: ['https://*.pipedrive.com/*'],
  dealIdFromUrl: pipedriveDealId,
  findMountPoint: findPipedriveMountPoint,
  readDealFromPage: readPipedriveDealPage,
  fetchDealContext: fetchPipedriveDealContext,
};
