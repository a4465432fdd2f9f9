/** A phone number exactly as the CRM stores or shows it, before any normalisation. */
export interface RawPhone {
  value: string;
  label: string | null;
  primary: boolean;
}

export interface DealPerson {
  name: string | null;
  firstName: string | null;
  lastName: string | null;
}

/** What the panel knows about the open deal, whichever way it was read. */
export interface DealContextData {
  dealId: string;
  title: string | null;
  value: number | null;
  currency: string | null;
  organizationName: string | null;
  ownerName: string | null;
  person: DealPerson | null;
  rawPhones: RawPhone[];
  /** 'page' is read from what the deal page shows: no value, currency or owner, and no primary marks. */
  source: 'api' | 'page';
}

/** What a deal page shows, for reps who have not given Dealchat an API token. */
export interface PageDeal {
  title: string | null;
  personName: string | null;
  organizationName: string | null;
  rawPhones: RawPhone[];
}

export function dealContextFromPage(dealId: string, page: PageDeal): DealContextData {
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
