import type { DealFacts, DealPerson } from '@/utils/messaging/views';

/** A phone number exactly as the CRM stores or shows it, before any normalisation. */
export interface RawPhone {
  value: string;
  label: string | null;
  primary: boolean;
}

/**
 * The open deal as the CRM gives it, from its API or its page, with the phone numbers as written:
 * the background reads those with the rep's default country and answers the panel a `DealContext`.
 */
export interface CrmDeal extends DealFacts {
  rawPhones: RawPhone[];
}

/** What a deal page shows, for reps who have not given Dealchat an API token. */
export interface PageDeal {
  title: string | null;
  personName: string | null;
  organizationName: string | null;
  rawPhones: RawPhone[];
}

export function crmDealFromPage(dealId: string, page: PageDeal): CrmDeal {
  return {
    dealId,
    title: page.title,
    value: null,
    currency: null,
    organizationName: page.organizationName,
    ownerName: null,
    person: page.personName === null ? null : personFromName(page.personName),
    rawPhones: page.rawPhones,
    source: 'page',
  };
}

/** The page shows only the full name; its first word is the best guess at what `{{first_name}}` wants. */
function personFromName(name: string): DealPerson {
  const [firstName, ...rest] = name.trim().split(/\s+/);
  return { name, firstName: firstName ?? null, lastName: rest.length > 0 ? rest.join(' ') : null };
}
