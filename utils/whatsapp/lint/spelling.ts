/**
 * A SpellChecker over nspell (a Hunspell-compatible checker in JavaScript) and one language's Hunspell
 * dictionary from the `dictionary-*` packages. Heavy: a dictionary takes 0.1–3.6 s to parse and 27–94 MB
 * of heap (see README.md beside this file), so the authoring page builds one for the declared language only,
 * ideally in a worker, and never anything the content script or panel imports.
 *
 * Two nspell limits make it wrong for Swedish and German as shipped, so the affix file is adjusted first:
 * - COMPOUNDRULE: nspell turns the rules into unanchored regular expressions without escaping the dictionary's
 *   "." entry, so with dictionary-sv every string, "xyzq" included, passes; anchored and escaped, the rules'
 *   850,000-character alternations take seconds per word. The rules are dropped.
 * - ONLYINCOMPOUND: nspell merges the flags of a word listed twice (German "erhalten" as a word and as a compound
 *   part) or both listed and derived (Swedish "berättar"), so correct everyday words read as "only inside a
 *   compound" and fail. The directive is dropped; a rare compound-only stem passing alone is the lesser harm.
 *
 * Compounds. nspell does not implement COMPOUNDBEGIN/COMPOUNDMIDDLE/COMPOUNDEND either, on which both
 * dictionaries rely, so a correct compound like "Auftragsbestätigung" would be flagged. A word that splits into
 * known words, joined directly or by the language's linking letters (Swedish and German "-s-": "tidsbokning",
 * "Vertragsverlängerung"), is accepted instead. In Swedish, whose dictionary marks the stems that may begin or end
 * a compound, a part of three letters must carry those marks (or be followed by the linking "-s-"), so that
 * typos such as "uppskatar" (upp + ska + tar) do not pass as compounds; the German dictionary marks derived forms
 * that nspell does not keep, so there any known word may be a part.
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
  /** Endings a first part may have lost: "arbet(e)-s-dag", German verb stems ("Liefer(n)-termin"). */
  droppedEndings: readonly string[];
  /** Whether parts must carry the dictionary's COMPOUNDBEGIN/COMPOUNDEND marks (see above). */
  flagged: boolean;
}

const COMPOUNDING: Readonly<Record<string, Compounding>> = {
  sv: { links: ['s'], droppedEndings: ['a', 'e'], flagged: true },
  de: { links: ['s', 'es', 'n', 'en', 'e', 'er'], droppedEndings: ['n', 'en'], flagged: false },
};

const MIN_PART_LENGTH = 3;
// Without the dictionary's marks, a part this short is more likely a typo's remains ("betal-nig", "upp-ska-tar").
const MIN_UNMARKED_PART = 4;
const MAX_PARTS = 4;

export function createSpellChecker(dictionary: HunspellDictionary, language: string): NspellChecker {
  const aff = text(dictionary.aff).replace(/^(?:COMPOUNDRULE|ONLYINCOMPOUND)\b.*$/gmu, '');
  const spell = nspell(aff, text(dictionary.dic));
  const compounding = COMPOUNDING[language];
  const flags = spell as unknown as { flags: Record<string, unknown>; data: Record<string, readonly string[] | undefined> };
  const known = (word: string): boolean => spell.correct(word) || spell.correct(capitalise(word));
  const marked = (word: string, flag: 'COMPOUNDBEGIN' | 'COMPOUNDMIDDLE' | 'COMPOUNDEND'): boolean => {
    const code = flags.flags[flag];
    return typeof code === 'string' && [word, capitalise(word)].some((form) => flags.data[form]?.includes(code) === true);
  };

  function canStart(head: string, linked: boolean, first: boolean): boolean {
    const forms = [head, ...(compounding?.droppedEndings ?? []).map((ending) => head + ending)];
    if (compounding?.flagged !== true || linked || (head.length >= MIN_UNMARKED_PART && known(head))) return forms.some(known);
    return forms.some((form) => marked(form, first ? 'COMPOUNDBEGIN' : 'COMPOUNDMIDDLE') || (!first && marked(form, 'COMPOUNDBEGIN')));
  }

  function canEnd(tail: string): boolean {
    if (!known(tail)) return false;
    return tail.length >= MIN_UNMARKED_PART || compounding?.flagged !== true || marked(tail, 'COMPOUNDEND');
  }

  function splits(word: string, parts: number): boolean {
    if (parts > 1 && word.length >= MIN_PART_LENGTH && canEnd(word)) return true;
    if (compounding === undefined || parts >= MAX_PARTS) return false;
    for (let end = MIN_PART_LENGTH; end <= word.length - MIN_PART_LENGTH; end += 1) {
      const head = word.slice(0, end);
      const rest = word.slice(end);
      if (canStart(head, false, parts === 1) && splits(rest, parts + 1)) return true;
      for (const link of compounding.links) {
        if (rest.startsWith(link) && rest.length - link.length >= MIN_PART_LENGTH && canStart(head, true, parts === 1) && splits(rest.slice(link.length), parts + 1)) {
          return true;
        }
      }
    }
    return false;
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
