/**
 * Filling a template's `{{placeholders}}` from the deal the rep is looking at: which deal field
 * fits each placeholder, and what that field says.
 */
import { MAX_VARIABLE_LENGTH, type DealField } from '@/utils/messaging/constants';
import type { DealContext, TemplateView } from '@/utils/messaging/views';

export type VariableMapping = Record<string, DealField>;

/** What the field says on this deal, as the recipient should read it; empty when the deal has nothing. */
export function dealFieldValue(field: DealField, deal: DealContext, locale?: string): string {
  switch (field) {
    case 'person.firstName':
      return firstName(deal.person);
    case 'person.name':
      return clean(deal.person?.name) || joinName(deal.person);
    case 'deal.title':
      return clean(deal.title);
    case 'deal.value':
      return deal.value === null ? '' : formatMoney(deal.value, deal.currency, locale);
    case 'organization.name':
      return clean(deal.organizationName);
    case 'owner.name':
      return clean(deal.ownerName);
    case 'manual':
      return '';
  }
}

// A one-word name is a first name: leaving {{first_name}} empty for "Cher" would send a broken greeting.
function firstName(person: DealContext['person']): string {
  return clean(person?.firstName) || (clean(person?.name).split(/\s+/u)[0] ?? '');
}

function joinName(person: DealContext['person']): string {
  return [clean(person?.firstName), clean(person?.lastName)].filter(Boolean).join(' ');
}

function clean(value: string | null | undefined): string {
  return value?.trim() ?? '';
}

function formatMoney(value: number, currency: string | null, locale: string | undefined): string {
  const code = clean(currency).toUpperCase();
  // Deals are mostly whole amounts, and "€12,500" reads better in a message than "€12,500.00".
  const digits = Number.isInteger(value) ? { maximumFractionDigits: 0 } : {};
  if (code !== '') {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency: code, ...digits }).format(value);
    } catch {
      // CRMs allow custom currencies Intl does not know; the code itself still tells the amount.
      return `${new Intl.NumberFormat(locale, digits).format(value)} ${code}`;
    }
  }
  return new Intl.NumberFormat(locale, digits).format(value);
}

// Checked in order: "company_name" names an organization before "name" can make it a person.
const SAMPLE_KEYWORDS: readonly [DealField, ReadonlySet<string>][] = [
  ['organization.name', new Set(['company', 'org', 'organization', 'organisation', 'business', 'firm', 'employer'])],
  ['owner.name', new Set(['agent', 'owner', 'rep', 'representative', 'salesperson', 'advisor', 'adviser', 'consultant', 'manager', 'sender'])],
  ['deal.value', new Set(['amount', 'value', 'price', 'total', 'cost', 'sum', 'fee'])],
  ['deal.title', new Set(['deal', 'order', 'title', 'product', 'project', 'opportunity', 'quote', 'proposal'])],
  ['person.name', new Set(['fullname'])],
  ['person.firstName', new Set(['firstname', 'fname', 'first', 'given', 'name', 'customer', 'client', 'contact'])],
];

const MONEY = /^\s*(?:[$€£¥₹]\s*[\d.,]+|[\d.,]+\s*(?:[$€£¥₹]|[A-Z]{3}|kr))\s*$/u;
// One capitalised word, like a sample "John" or "María": most likely a first name.
const GIVEN_NAME = /^\p{Lu}\p{Ll}+$/u;

/** A deal field for each placeholder, guessed from the sample values the template was approved with. */
export function suggestMapping(template: TemplateView, deal: DealContext): VariableMapping {
  // Most templates open with a greeting, so an unexplained first placeholder is likely the name,
  // but only worth pre-filling when the deal has one.
  const openingGuess: DealField = dealFieldValue('person.firstName', deal) === '' ? 'manual' : 'person.firstName';
  const mapping: VariableMapping = {};
  template.variables.forEach((variable, index) => {
    const sample = template.sampleValues[variable] ?? '';
    mapping[variable] = fieldFromSample(sample) ?? (index === 0 ? openingGuess : 'manual');
  });
  return mapping;
}

function fieldFromSample(sample: string): DealField | null {
  const words = sampleWords(sample);
  for (const [field, keywords] of SAMPLE_KEYWORDS) {
    if (words.some((word) => keywords.has(word))) return field;
  }
  if (MONEY.test(sample)) return 'deal.value';
  if (GIVEN_NAME.test(sample.trim())) return 'person.firstName';
  return null;
}

// "Customer_Name", "firstName" and "full name" become ["customer", "name"], ["firstname", "first", "name"]
// and ["fullname", "full", "name"]: joined pairs catch the spellings that run words together.
function sampleWords(sample: string): string[] {
  const words = sample
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/u)
    .filter(Boolean);
  const pairs = words.slice(1).map((word, index) => `${words[index] ?? ''}${word}`);
  return [...words, ...pairs];
}

/** The remembered choice where there is one, the guess elsewhere; only for the template's own placeholders. */
export function resolveMapping(template: TemplateView, deal: DealContext, remembered: VariableMapping = {}): VariableMapping {
  const suggested = suggestMapping(template, deal);
  const mapping: VariableMapping = {};
  for (const variable of template.variables) {
    mapping[variable] = remembered[variable] ?? suggested[variable] ?? 'manual';
  }
  return mapping;
}

export function initialValues(
  template: TemplateView,
  deal: DealContext,
  mapping: VariableMapping,
  locale?: string,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const variable of template.variables) {
    values[variable] = dealFieldValue(mapping[variable] ?? 'manual', deal, locale);
  }
  return values;
}

/** Placeholders that would go out blank, which WhatsApp refuses or the recipient reads as a gap. */
export function emptyVariables(template: TemplateView, values: Record<string, string>): string[] {
  return template.variables.filter((variable) => (values[variable] ?? '').trim() === '');
}

export function overlongVariables(template: TemplateView, values: Record<string, string>): string[] {
  return template.variables.filter((variable) => (values[variable] ?? '').trim().length > MAX_VARIABLE_LENGTH);
}

const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

export type TemplateSegment = { text: string } | { variable: string };

/** The body cut into literal text and placeholders, in order, for previews. */
export function templateSegments(body: string): TemplateSegment[] {
  const segments: TemplateSegment[] = [];
  let last = 0;
  for (const match of body.matchAll(PLACEHOLDER)) {
    if (match.index > last) segments.push({ text: body.slice(last, match.index) });
    segments.push({ variable: match[1] ?? '' });
    last = match.index + match[0].length;
  }
  if (last < body.length) segments.push({ text: body.slice(last) });
  return segments;
}
