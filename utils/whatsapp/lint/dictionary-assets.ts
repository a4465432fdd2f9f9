/**
 * Build time and tests only (Node): where the `dictionary-*` packages keep their .aff/.dic files. The
 * packages' own entry reads the files with node:fs, so a page cannot import it, and their `exports` hide the
 * files from bundler imports; a build copies them instead, e.g. in wxt.config.ts:
 *
 *   hooks: { 'build:publicAssets': (_, files) => { files.push(...dictionaryAssets()); } }
 *
 * and the page fetches `dictionaryPaths(language)` (dictionaries.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { dictionaryPaths, SPELLING_LANGUAGES, type SpellingLanguage } from './dictionaries';
import type { HunspellDictionary } from './spelling';

const require = createRequire(import.meta.url);

export function dictionarySourceFiles(language: SpellingLanguage): { aff: string; dic: string } {
  // The package's entry point is index.js beside index.aff and index.dic.
  const folder = dirname(require.resolve(`dictionary-${language}`));
  return { aff: join(folder, 'index.aff'), dic: join(folder, 'index.dic') };
}

/** The files to copy into the extension, in the shape of WXT's `build:publicAssets` hook. */
export function dictionaryAssets(): { absoluteSrc: string; relativeDest: string }[] {
  return SPELLING_LANGUAGES.flatMap((language) => {
    const sources = dictionarySourceFiles(language);
    const destinations = dictionaryPaths(language);
    return [
      { absoluteSrc: sources.aff, relativeDest: destinations.aff.slice(1) },
      { absoluteSrc: sources.dic, relativeDest: destinations.dic.slice(1) },
    ];
  });
}

export function readDictionary(language: SpellingLanguage): HunspellDictionary {
  const files = dictionarySourceFiles(language);
  return { aff: readFileSync(files.aff, 'utf8'), dic: readFileSync(files.dic, 'utf8') };
}
