/** What the fake stores, and the API v2 (users: v1) resources it serves from them, shaped like Pipedrive's. */

export interface ContactDetailInput {
  value: string;
  /** Pipedrive's labels are lower-case: work, home, mobile, other. */
  label?: string;
  primary?: boolean;
}

export interface DealInput {
  id?: number;
  title: string;
  value?: number;
  currency?: string;
  status?: 'open' | 'won' | 'lost';
  personId?: number | null;
  orgId?: number | null;
  ownerId?: number | null;
  /** Shown in the deal page's main column. */
  notes?: string[];
  /**
   * How the web app lays the deal page out. `unrecognised` stands for a redesign the extension's
   * selectors do not know yet: the same blocks, in a side column none of them finds.
   */
  layout?: DealLayout;
}

export type DealLayout = 'sidebar' | 'unrecognised';

export interface PersonInput {
  id?: number;
  name: string;
  /** Default to the name's first word and the rest, as Pipedrive splits a name typed in one field. */
  firstName?: string | null;
  lastName?: string | null;
  phones?: ContactDetailInput[];
  emails?: ContactDetailInput[];
  orgId?: number | null;
}

export interface OrganizationInput {
  id?: number;
  name: string;
}

export interface UserInput {
  id?: number;
  name: string;
  email?: string;
}

export type StoredDeal = Required<Omit<DealInput, 'id'>> & { id: number; addTime: string };
export type StoredPerson = Required<Omit<PersonInput, 'id'>> & { id: number; addTime: string };
export type StoredOrganization = Required<Omit<OrganizationInput, 'id'>> & { id: number; addTime: string };
export type StoredUser = Required<Omit<UserInput, 'id'>> & { id: number };

interface ContactDetail {
  value: string;
  label: string;
  primary: boolean;
}

/** Pipedrive marks one number primary: the first, unless another is marked. */
export function contactDetails(inputs: readonly ContactDetailInput[]): ContactDetail[] {
  const marked = inputs.some((input) => input.primary === true);
  return inputs.map((input, index) => ({
    value: input.value,
    label: input.label ?? 'work',
    primary: input.primary ?? (!marked && index === 0),
  }));
}

export function splitName(name: string): { firstName: string | null; lastName: string | null } {
  const [firstName, ...rest] = name.trim().split(/\s+/);
  return { firstName: firstName ?? null, lastName: rest.length > 0 ? rest.join(' ') : null };
}

/** `2026-01-31T09:00:00Z`: API v2 timestamps are RFC 3339 without milliseconds. */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function dealResource(deal: StoredDeal) {
  return {
    id: deal.id,
    title: deal.title,
    owner_id: deal.ownerId,
    person_id: deal.personId,
    org_id: deal.orgId,
    pipeline_id: 1,
    stage_id: 1,
    value: deal.value,
    currency: deal.currency,
    status: deal.status,
    add_time: deal.addTime,
    update_time: deal.addTime,
    visible_to: 3,
    is_deleted: false,
  };
}

export function personResource(person: StoredPerson) {
  return {
    id: person.id,
    name: person.name,
    first_name: person.firstName,
    last_name: person.lastName,
    org_id: person.orgId,
    phones: contactDetails(person.phones),
    emails: contactDetails(person.emails),
    add_time: person.addTime,
    update_time: person.addTime,
    visible_to: 3,
    is_deleted: false,
  };
}

export function organizationResource(organization: StoredOrganization) {
  return {
    id: organization.id,
    name: organization.name,
    add_time: organization.addTime,
    update_time: organization.addTime,
    visible_to: 3,
    is_deleted: false,
  };
}

export function userResource(user: StoredUser) {
  return { id: user.id, name: user.name, email: user.email, active_flag: true, is_admin: 0, is_you: false };
}
