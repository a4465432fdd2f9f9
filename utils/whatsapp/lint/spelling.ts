/**
 * A SpellChecker over nspell (a Hunspell-compatible checker in JavaScript) and one language's Hunspell
 * dictionary from the `dictionary-*` packages. Heavy: the dictionary takes 0.1–1.2 s to parse and 14–110 MB
 * of heap (see README.md beside this file), so the authoring page builds one for the declared language only,
 * ideally in a worker, and never anything the content script or panel imports.
 *
 * Compounds. nspell does not implement Hunspell's COMPOUNDBEGIN/COMPOUNDMIDDLE/COMPOUNDEND flags, which the
 * German and Swedish dictionaries rely on, so a correct compound like "Auftragsbestätigung" would be flagged.
 * And its COMPOUNDRULE support is broken for dictionary-sv: it turns the rules into unanchored regular expressions
 * without escaping the dictionary's "." entry, so every string, "xyzq" included, passes as Swedish; anchored and
 * escaped, the rules' 850,000-character alternations take seconds per word. So the rules are dropped before
 * nspell reads the affix file, and a word that splits into known words, joined directly or by the language's
 * linking letters (Swedish and German "-s-": "tidsbokning", "Vertragsverlängerung"), is accepted instead.
 */
import nspell from 'nspell';
import type { SpellChecker } from './types';

export interface HunspellDictionary {
  /** The .aff file's text, or its bytes (UTF-8). */
  aff: string | Uint8Array;
  /** The .dic file's text, or its bytes (UTF-8). */
  dic: string | Uint8Array;
}

export interface NspellChecker extends SpellChecker {
  /** Slow (tens of milliseconds for some words): for a word the author asks about, not for every keystroke. */
  suggest(word: string): string[];
  /** Words the account uses that no dictionary has: company, product and people's names. */
  addWords(words: readonly string[]): void;
}

interface Compounding {
  /** Letters that may join two parts: "tid-s-bokning", "Kunde-n-gespräch". */
  links: readonly string[];
  /** Endings a first part may have lost: German verb stems ("Liefer-termin" from "liefern"). */
  droppedEndings: readonly string[];
}

const COMPOUNDING: Readonly<Record<string, Compounding>> = {
  sv: { links: ['s'], droppedEndings: ['a'] },
  de: { links: ['s', 'es', 'n', 'en', 'e', 'er'], droppedEndings: ['n', 'en'] },
};

const MIN_PART_LENGTH = 3;
const MAX_PARTS = 4;

export function createSpellChecker(dictionary: HunspellDictionary, language: string): NspellChecker {
  const spell = nspell(text(dictionary.aff).replace(/^COMPOUNDRULE\b.*$/gmu, ''), text(dictionary.dic));
  const compounding = COMPOUNDING[language];
  const known = (word: string): boolean => spell.correct(word) || spell.correct(capitalise(word));

  function splits(word: string, parts: number): boolean {
    if (parts > 1 && word.length >= MIN_PART_LENGTH && known(word)) return true;
    if (compounding === undefined || parts >= MAX_PARTS) return false;
    for (let end = MIN_PART_LENGTH; end <= word.length - MIN_PART_LENGTH; end += 1) {
      const head = word.slice(0, end);
      if (!isPart(head)) continue;
      const rest = word.slice(end);
      if (splits(rest, parts + 1)) return true;
      for (const link of compounding.links) {
        if (rest.startsWith(link) && rest.length - link.length >= MIN_PART_LENGTH && splits(rest.slice(link.length), parts + 1)) return true;
      }
    }
    return false;
  }

  function isPart(head: string): boolean {
    return known(head) || (compounding?.droppedEndings.some((ending) => known(head + ending)) ?? false);
  }

  return {
    language,
    isCorrect: (word) => spell.correct(word) || splits(word, 1),
    suggest: (word) => spell.suggest(word),
    addWords(words) {
      for (const word of words) spell.add(word);
    },
  };
}

function text(content: string | Uint8Array): string {
  return typeof content === 'string' ? content : new TextDecoder().decode(content);
}

function capitalise(word: string): string {
  return word.charAt(0).toLocaleUpperCase() + word.slice(1);
}
