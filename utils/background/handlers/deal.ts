/** The deal the panel shows, read from the CRM the asking page belongs to, and numbers the rep types. */
import { storedSettings } from '@/utils/background/credentials/settings';
import { CRM_API_ADAPTERS } from '@/utils/background/crm-api';
import { checkTypedPhone } from '@/utils/background/phones';
import { RequestError } from '@/utils/background/request-error';
import { defaultCountryOf, resolveDealContext } from '@/utils/background/resolve-deal-context';
import { adapterForUrl } from '@/utils/crm/registry';
import type { HandlerContext, HandlersOf } from './context';

type DealLookupContext = Pick<HandlerContext, 'db'>;

export const dealHandlers: HandlersOf<'getDealContext' | 'checkPhone', DealLookupContext> = {
  async getDealContext(context, { dealId, page }, origin) {
    const crm = adapterForUrl(origin.url);
    // The payload may not name another deal than the page the request came from.
    if (origin.kind !== 'crm-page' || !crm || crm.dealIdFromUrl(origin.url) !== dealId) {
      throw new RequestError('refused', 'Deal details can only be read from that deal’s own page.');
    }
    const settings = await storedSettings.get(context.db);
    return resolveDealContext({ api: CRM_API_ADAPTERS[crm.id], pageUrl: origin.url, dealId, page, settings });
  },

  async checkPhone(context, { number }) {
    return checkTypedPhone(number, defaultCountryOf(await storedSettings.get(context.db)));
  },
};
