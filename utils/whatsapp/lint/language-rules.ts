/**
 * Language and spelling, through the checkers the page injects (see spelling.ts and language-detector.ts).
 *
 * Sources: Pipedrive's help for this integration (grammatically correct text; the language set in Twilio
 * matching the template's). Twilio's error 63040: "Templates that include major spelling or grammatical
 * mistakes are likely to be rejected. Templates with minor punctuation errors … may be approved"
 * (twilio.com/docs/api/errors/63040). Meta's common rejection reasons: "Language defined does not match
 * content" (as quoted by Clickatell's and Quickreply's help centres).
 *
 * So a confident detection of another language blocks; an unsure one warns. A single unknown word warns (it may
 * be a name, a brand or jargon the dictionary lacks); many unknown lowercase words block.
 */
import { finding, type ReadDraft } from './draft';
import { characters, proseText, proseWords, startsSentence, type Word } from './text';
import type { Finding, SpellChecker } from './types';

const WIDESPREAD_MIN_WORDS = 3;
// Three unknown words, and at least one word in ten: more than a name or a piece of jargon the dictionary lacks.
const WIDESPREAD_MIN_SHARE = 0.1;

// German writes every noun with a capital, so there a capital says nothing about a word being a name.
const CAPITALISED_NOUNS = new Set(['de', 'lb']);

// Detectors and WhatsApp name a few languages differently.
const SAME_LANGUAGE: Readonly<Record<string, string>> = { nb: 'no', nn: 'no', fil: 'tl' };

function comparable(language: string): string {
  return SAME_LANGUAGE[language] ?? language;
}

export interface LanguageVerdict {
  findings: Finding[];
  /** The body's language when it is confidently not the declared one: spelling it against the declared one means nothing. */
  otherLanguage: string | null;
}

export function languageRules(read: ReadDraft): LanguageVerdict {
  const detector = read.checkers.languageDetector;
  const declared = read.language?.base;
  if (detector === undefined || declared === undefined || !read.hasOwnBody) return { findings: [], otherLanguage: null };
  const detected = detector.detect(proseText(read.draft.body));
  if (detected === null || comparable(detected.language) === comparable(declared)) return { findings: [], otherLanguage: null };
  const params = { detected: detected.language, declared };
  return detected.confident
    ? { findings: [finding('language-mismatch', 'language', null, params)], otherLanguage: detected.language }
    : { findings: [finding('language-uncertain', 'language', null, params)], otherLanguage: null };
}

export function spellingRules(read: ReadDraft, otherLanguage: string | null): Finding[] {
  const checker = read.checkers.spelling;
  if (checker === undefined || otherLanguage !== null || !read.hasOwnBody || read.language === null) return [];
  if (comparable(checker.language) !== comparable(read.language.base)) return [];
  const { body } = read.draft;
  const findings: Finding[] = [];
  const misspelt = new Set<string>();
  let checked = 0;
  for (const word of proseWords(body)) {
    if (!worthChecking(word.text)) continue;
    checked += 1;
    if (isSpelledRight(checker, word.text)) continue;
    if (looksLikeName(body, word, CAPITALISED_NOUNS.has(read.language.base))) {
      findings.push(finding('spelling-proper-noun', 'body', { start: word.start, end: word.end }, { word: word.text }));
    } else {
      misspelt.add(word.text.toLocaleLowerCase());
      findings.push(finding('spelling', 'body', { start: word.start, end: word.end }, { word: word.text }));
    }
  }
  if (misspelt.size >= WIDESPREAD_MIN_WORDS && misspelt.size >= WIDESPREAD_MIN_SHARE * checked) {
    findings.push(finding('spelling-widespread', 'body', null, { count: misspelt.size }));
  }
  return findings;
}

// One letter says nothing; capitals only are acronyms or shouting ("CRM", "OK"), which dictionaries lack.
function worthChecking(word: string): boolean {
  return characters(word).length > 1 && word !== word.toLocaleUpperCase();
}

function isSpelledRight(checker: SpellChecker, word: string): boolean {
  const straight = word.replace(/’/gu, "'");
  if (checker.isCorrect(straight)) return true;
  // "e-mail-adress", "follow-up": every part right is right.
  const parts = straight.split('-');
  return parts.length > 1 && parts.every((part) => part === '' || !worthChecking(part) || checker.isCorrect(part));
}

// A capital where a sentence does not start, or one inside the word ("WhatsApp", "McKinsey"), marks a name.
function looksLikeName(body: string, word: Word, nounsCapitalised: boolean): boolean {
  const letters = characters(word.text);
  const first = letters[0] ?? '';
  const capitalised = first !== first.toLocaleLowerCase();
  const innerCapital = letters.slice(1).some((letter) => letter !== letter.toLocaleLowerCase());
  return innerCapital || (capitalised && !nounsCapitalised && !startsSentence(body, word));
}
