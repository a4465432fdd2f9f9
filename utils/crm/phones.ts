import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { RawPhone } from './deal-context';

export interface NormalisedPhone {
  /** As the CRM has it, for display. */
  raw: string;
  /** Null when the number is not valid: shown, but not offered for WhatsApp. */
  e164: string | null;
  label: string | null;
  primary: boolean;
}

/** Labels reps give numbers that reach a phone with WhatsApp, in the languages Pipedrive users write. */
const MOBILE_LABEL = /mobil|cell|handy|whatsapp/i;

/** Most numbers written with `00` use it as the international prefix, even where it is not the default country's. */
const INTERNATIONAL_00 = /^\s*00\s*/;

/**
 * The numbers worth offering, best first: the primary one, then those labelled as mobile, then the
 * rest, then those that are not valid numbers. A number saved twice appears once, where it ranks best.
 */
export function normalisePhones(raw: readonly RawPhone[], defaultCountry: CountryCode): NormalisedPhone[] {
  const phones = raw
    .filter((phone) => phone.value.trim() !== '')
    .map((phone) => ({ raw: phone.value, e164: toE164(phone.value, defaultCountry), label: phone.label, primary: phone.primary }));
  const ranked = phones
    .map((phone, index) => ({ phone, rank: rankOf(phone), index }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ phone }) => phone);
  const seen = new Set<string>();
  return ranked.filter((phone) => {
    const key = phone.e164 ?? `raw:${phone.raw.trim()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toE164(value: string, defaultCountry: CountryCode): string | null {
  const parsed = parsePhoneNumberFromString(value, defaultCountry);
  if (parsed?.isValid()) return parsed.number;
  if (!INTERNATIONAL_00.test(value)) return null;
  const international = parsePhoneNumberFromString(value.replace(INTERNATIONAL_00, '+'));
  return international?.isValid() ? international.number : null;
}

function rankOf(phone: NormalisedPhone): number {
  if (phone.e164 === null) return 3;
  if (phone.primary) return 0;
  return phone.label !== null && MOBILE_LABEL.test(phone.label) ? 1 : 2;
}
