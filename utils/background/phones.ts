import { getCountryCallingCode, parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js';
import type { RawPhone } from '@/utils/crm/crm-deal';
import type { PhoneCheck } from '@/utils/messaging/views';

/** A number WhatsApp can use, in the two forms the panel needs. */
export interface UsablePhone {
  e164: string;
  /** Spaced the way people read numbers, e.g. +46 70 123 45 67. */
  display: string;
}

export interface NormalisedPhone {
  /** As the CRM has it. */
  raw: string;
  /** Null when the number is not valid: shown, but not offered for WhatsApp. */
  e164: string | null;
  /** How the panel shows it: spaced the way people read numbers when valid, else as the CRM has it. */
  display: string;
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
    .map((phone): NormalisedPhone => {
      const number = readPhone(phone.value, defaultCountry);
      return { raw: phone.value, e164: number?.e164 ?? null, display: number?.display ?? phone.value, label: phone.label, primary: phone.primary };
    });
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

/** The number when it is a valid one, read in the default country when written without a country code. */
export function readPhone(value: string, defaultCountry: CountryCode): UsablePhone | null {
  const parsed = parsePhoneNumberFromString(value, defaultCountry);
  if (parsed?.isValid()) return usable(parsed);
  if (!INTERNATIONAL_00.test(value)) return null;
  const international = parsePhoneNumberFromString(value.replace(INTERNATIONAL_00, '+'));
  return international?.isValid() ? usable(international) : null;
}

function usable(phone: PhoneNumber): UsablePhone {
  return { e164: phone.number, display: phone.formatInternational() };
}

/** A number the rep typed: read like the CRM's, or a sentence saying how to type it. */
export function checkTypedPhone(value: string, defaultCountry: CountryCode): PhoneCheck {
  const text = value.trim();
  if (text === '') return { ok: false, message: 'Type the contact’s phone number.' };
  const number = readPhone(text, defaultCountry);
  if (number !== null) return { ok: true, ...number };
  const problem = 'That is not a phone number WhatsApp can use.';
  if (text.startsWith('+') || INTERNATIONAL_00.test(text)) return { ok: false, message: `${problem} Check the digits after the country code.` };
  // Said out loud, because a number from another country typed without its code looks right to the rep.
  const country = new Intl.DisplayNames(['en'], { type: 'region' }).of(defaultCountry) ?? defaultCountry;
  return {
    ok: false,
    message: `${problem} Without a country code it is read as a number in ${country} (+${getCountryCallingCode(defaultCountry)}): for another country, type it with its code, like +44 7700 900123.`,
  };
}

function rankOf(phone: NormalisedPhone): number {
  if (phone.e164 === null) return 3;
  if (phone.primary) return 0;
  return phone.label !== null && MOBILE_LABEL.test(phone.label) ? 1 : 2;
}
