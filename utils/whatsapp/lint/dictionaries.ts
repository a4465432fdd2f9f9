/**
 * Where the authoring page finds each language's Hunspell dictionary: plain files in the extension, fetched
 * only for the declared language (see dictionary-assets.ts for how a build puts them there). Kept as files,
 * not bundled JavaScript, because they are 0.5–2.3 MB each and only one is ever needed.
 */

export const SPELLING_LANGUAGES = ['en', 'sv', 'de', 'es'] as const;

export type SpellingLanguage = (typeof SPELLING_LANGUAGES)[number];

export function isSpellingLanguage(language: string): language is SpellingLanguage {
  return (SPELLING_LANGUAGES as readonly string[]).includes(language);
}

/** Paths inside the built extension, for `browser.runtime.getURL`. */
export function dictionaryPaths(language: SpellingLanguage): { aff: string; dic: string } {
  return { aff: `/dictionaries/${language}.aff`, dic: `/dictionaries/${language}.dic` };
}
