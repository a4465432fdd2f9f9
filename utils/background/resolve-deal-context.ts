/**
 * The deal the panel shows: from the CRM's API when the rep gave a token (the token stays here),
 * else from what the page shows. Phone numbers are read with the rep's default country.
 */
import type { CountryCode } from 'libphonenumber-js';
import type { CrmApiAdapter } from '@/utils/crm/adapter';
import { crmDealFromPage, type CrmDeal, type PageDeal } from '@/utils/crm/crm-deal';
import type { DealContext } from '@/utils/messaging/views';
import type { StoredSettings } from './credentials/settings';
import { CrmError } from './crm-error';
import { normalisePhones } from './phones';

export interface DealContextRequest {
  api: CrmApiAdapter;
  /** The URL of the page that asked: trusted, unlike the payload. */
  pageUrl: string;
  dealId: string;
  page: PageDeal;
  settings: StoredSettings | null;
}

export async function resolveDealContext({ api, pageUrl, dealId, page, settings }: DealContextRequest): Promise<DealContext> {
  let data: CrmDeal = crmDealFromPage(dealId, page);
  let notice: string | null = null;
  const apiToken = settings?.pipedriveApiToken ?? '';
  if (apiToken !== '') {
    try {
      data = await api.fetchDealContext({ pageUrl, dealId, apiToken });
    } catch (error) {
      if (!(error instanceof CrmError)) throw error;
      notice = `${error.message} Showing what the deal page shows instead.`;
    }
  }
  const { rawPhones, ...deal } = data;
  return { ...deal, phones: normalisePhones(rawPhones, defaultCountryOf(settings)), notice };
}

/** The country of numbers written without a country code; settings only hold countries libphonenumber-js knows. */
export function defaultCountryOf(settings: StoredSettings | null): CountryCode {
  return (settings?.defaultCountry ?? 'US') as CountryCode;
}
