import { getCountries, getCountryCallingCode } from 'libphonenumber-js';

export interface Country {
  /** ISO 3166-1 alpha-2. */
  code: string;
  name: string;
  callingCode: string;
}

let cached: readonly Country[] | undefined;

/** Every country libphonenumber-js can parse numbers for, sorted by English name. */
export function countries(): readonly Country[] {
  if (cached) return cached;
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  const collator = new Intl.Collator('en');
  cached = getCountries()
    .map((code) => ({ code, name: names.of(code) ?? code, callingCode: getCountryCallingCode(code) }))
    .sort((a, b) => collator.compare(a.name, b.name));
  return cached;
}

/**
 * A first-run guess from the browser language (en-GB → GB), so most people only confirm it.
 * Returns '' when the language names no region or one we cannot parse numbers for.
 */
export function countryFromLanguage(language: string): string {
  let region: string | undefined;
  try {
    region = new Intl.Locale(language).maximize().region;
  } catch {
    return '';
  }
  return region !== undefined && countries().some((c) => c.code === region) ? region : '';
}
