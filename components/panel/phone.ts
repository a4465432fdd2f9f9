import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js';

/** The number in E.164 form when it is a valid one, read in the rep's default country if it has no country code. */
export function parsePhone(value: string, defaultCountry: string): string | null {
  const country = defaultCountry.toUpperCase();
  const parsed = parsePhoneNumberFromString(value, isSupportedCountry(country) ? country : undefined);
  return parsed?.isValid() ? parsed.number : null;
}

/** Spaced the way people read numbers, e.g. +46 70 123 45 67. */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
