/**
 * Reading a template body: its numbered variables, the braces that only look like one, its words with
 * their offsets (for highlighting), and the forms used to compare and detect it.
 */
import type { TextRange } from './types';

export interface Placeholder extends TextRange {
  number: number;
}

export interface Word extends TextRange {
  text: string;
}

// Exactly `{{n}}`: WhatsApp's positional parameter. Anything else made of braces is malformed for it.
const PLACEHOLDER = /(?<!\{)\{\{([1-9]\d{0,2})\}\}(?!\})/gu;
const BRACES = /\{+[^{}\n]{0,40}\}+|[{}]+/gu;

export function findPlaceholders(text: string): Placeholder[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => ({
    number: Number(match[1]),
    start: match.index,
    end: match.index + match[0].length,
  }));
}

/** Brace groups that are not a well-formed `{{n}}`, such as `{{name}}`, `{1}`, `{{ 1 }}` or a stray `}}`. */
export function findMalformedPlaceholders(text: string, placeholders: readonly Placeholder[]): TextRange[] {
  const masked = mask(text, placeholders);
  return [...masked.matchAll(BRACES)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

/** The text with the given ranges blanked out by spaces, so offsets stay valid. */
export function mask(text: string, ranges: readonly TextRange[]): string {
  let masked = text;
  for (const range of ranges) {
    masked = masked.slice(0, range.start) + ' '.repeat(range.end - range.start) + masked.slice(range.end);
  }
  return masked;
}

const URL = /\b(?:https?:\/\/|www\.)[^\s<>"]+/giu;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;

export function findUrls(text: string): Word[] {
  return [...text.matchAll(URL)].map((match) => {
    const url = match[0].replace(/[.,;:!?)\]]+$/u, '');
    return { text: url, start: match.index, end: match.index + url.length };
  });
}

/** Variables, links and e-mail addresses: parts of a body that are not prose to spell or count. */
export function nonProse(text: string): TextRange[] {
  return [
    ...findPlaceholders(text),
    ...findUrls(text),
    ...[...text.matchAll(EMAIL)].map((match) => ({ start: match.index, end: match.index + match[0].length })),
  ];
}

// Letters with inner apostrophes and hyphens ("don't", "e-mail"); digits make a token that is not a word.
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*/gu;
const HAS_LETTER = /\p{L}/u;
const HAS_DIGIT = /\p{N}/u;

/** Words made of letters only, outside variables, links and addresses. */
export function proseWords(text: string): Word[] {
  const masked = mask(text, nonProse(text));
  const words: Word[] = [];
  for (const match of masked.matchAll(WORD)) {
    if (HAS_LETTER.test(match[0]) && !HAS_DIGIT.test(match[0])) {
      words.push({ text: match[0], start: match.index, end: match.index + match[0].length });
    }
  }
  return words;
}

/** Every token a reader would count as a word: words, numbers, links, addresses; not the variables. */
export function countTokens(text: string): number {
  const withoutVariables = mask(text, findPlaceholders(text));
  let count = 0;
  for (const token of withoutVariables.split(/\s+/u)) {
    if (/[\p{L}\p{N}]/u.test(token)) count += 1;
  }
  return count;
}

/** What WhatsApp's "identical content" compares: case, spacing and Unicode forms do not make a body new. */
export function comparableBody(body: string): string {
  return body.normalize('NFKC').toLocaleLowerCase('und').replace(/\s+/gu, ' ').trim();
}

/** The body as prose for language detection: variables, links and addresses removed. */
export function proseText(text: string): string {
  return mask(text, nonProse(text)).replace(/\s+/gu, ' ').trim();
}

// Quotes, brackets, formatting markers and Spanish opening marks may stand between a sentence's end and its first word.
const OPENERS = /[\s"'“‘«(*_~¡¿]*$/u;
const SENTENCE_END = /[.!?:…\p{Extended_Pictographic}]$/u;

/** A word that opens a sentence or a line, where a capital letter says nothing about it being a name. */
export function startsSentence(text: string, word: TextRange): boolean {
  const before = text.slice(0, word.start);
  const gap = OPENERS.exec(before)?.[0] ?? '';
  const rest = before.slice(0, before.length - gap.length);
  return rest === '' || gap.includes('\n') || SENTENCE_END.test(rest);
}

/** Characters as limits count them: code points, so an emoji is one, not two UTF-16 units. */
export function characters(text: string): string[] {
  return Array.from(text);
}
