/**
 * The body's form and its variables: what WhatsApp refuses mechanically.
 *
 * Sources: Twilio's content types warn that a body starting or ending with a variable, or with two variables
 * next to each other, "won't be approved by WhatsApp", that "a sample variable is required", and cap bodies at
 * 1,024 characters (twilio.com/docs/content/twilio-quick-reply, …/twilio-call-to-action); variable values are
 * at most 255 characters (twilio.com/docs/content/using-variables-with-content-api). Twilio's error 63040 lists
 * non-sequential placeholders, placeholders right next to each other, a body starting or ending with one, and
 * newlines (twilio.com/docs/api/errors/63040). Meta's common rejection reasons add mismatched curly braces and
 * "too many variable parameters relative to the message length" (as quoted by Aircall's and hello charles'
 * help centres); Syniverse measured the threshold as words + parameters ≥ 3 × parameters + 1
 * (sdcsupport.syniverse.com, "How to avoid too many parameters rejection in WhatsApp Templates").
 */
import { finding, type ReadDraft } from './draft';
import { characters, countTokens, findMalformedPlaceholders, type Placeholder } from './text';
import type { Finding, TextRange } from './types';

export const MAX_BODY_LENGTH = 1024;
export const MAX_SAMPLE_LENGTH = 255;

// WhatsApp's formatting markers and whitespace do not count as text before the first or after the last variable.
const EDGE = /^[\s*_~]*/u;
const EDGE_END = /[\s*_~]*$/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
// Three line breaks in a row (two empty lines), whatever spaces stand on the empty lines.
const LINE_BREAK_RUN = /(?:\r?\n[^\S\r\n]*){3,}/gu;

export function bodyRules(read: ReadDraft): Finding[] {
  if (!read.hasOwnBody) return [];
  const { body } = read.draft;
  if (body.trim() === '') return [finding('body-empty', 'body')];
  return [
    ...lengthRules(read),
    ...[...body.matchAll(LINE_BREAK_RUN)].map((match) =>
      finding('line-breaks', 'body', { start: match.index, end: match.index + match[0].length }),
    ),
    ...findMalformedPlaceholders(body, read.bodyPlaceholders).map((range) =>
      finding('variable-malformed', 'body', range, { text: body.slice(range.start, range.end) }),
    ),
    ...edgeRules(body, read.bodyPlaceholders),
    ...adjacentRules(body, read.bodyPlaceholders),
    ...sequenceRules(read),
    ...densityRules(read),
  ];
}

function lengthRules(read: ReadDraft): Finding[] {
  const { body, samples } = read.draft;
  // WhatsApp counts characters, not UTF-16 units: an emoji is one.
  const bodyCharacters = characters(body);
  if (bodyCharacters.length > MAX_BODY_LENGTH) {
    const start = bodyCharacters.slice(0, MAX_BODY_LENGTH).join('').length;
    return [finding('body-too-long', 'body', { start, end: body.length }, { length: bodyCharacters.length, max: MAX_BODY_LENGTH })];
  }
  // Twilio refuses a send whose filled-in body passes the limit (error 63021), so long samples warn early.
  const filled = body.replace(/\{\{([1-9]\d{0,2})\}\}/gu, (_, number: string) => samples[number] ?? '');
  const filledLength = characters(filled).length;
  if (filledLength > MAX_BODY_LENGTH) {
    return [finding('body-too-long-with-samples', 'body', null, { length: filledLength, max: MAX_BODY_LENGTH })];
  }
  return [];
}

function edgeRules(body: string, placeholders: readonly Placeholder[]): Finding[] {
  const findings: Finding[] = [];
  const first = placeholders[0];
  if (first !== undefined && first.start === (EDGE.exec(body)?.[0].length ?? 0)) {
    findings.push(finding('variable-at-start', 'body', span(first), { variable: first.number }));
  }
  const last = placeholders.at(-1);
  if (last !== undefined) {
    const after = body.slice(last.end);
    if (after.length === (EDGE_END.exec(after)?.[0].length ?? 0)) {
      findings.push(finding('variable-at-end', 'body', span(last), { variable: last.number }));
    }
  }
  return findings;
}

function adjacentRules(body: string, placeholders: readonly Placeholder[]): Finding[] {
  const findings: Finding[] = [];
  placeholders.forEach((placeholder, index) => {
    const next = placeholders[index + 1];
    if (next !== undefined && !LETTER_OR_DIGIT.test(body.slice(placeholder.end, next.start))) {
      findings.push(
        finding('variables-adjacent', 'body', { start: placeholder.start, end: next.end }, { first: placeholder.number, second: next.number }),
      );
    }
  });
  return findings;
}

function sequenceRules(read: ReadDraft): Finding[] {
  const numbers = read.variableNumbers;
  const highest = numbers.at(-1) ?? 0;
  const used = new Set(numbers);
  const missing: number[] = [];
  for (let number = 1; number < highest; number += 1) {
    if (!used.has(number)) missing.push(number);
  }
  const findings: Finding[] = [];
  const firstMissing = missing[0];
  if (firstMissing !== undefined) {
    const beyondGap = read.bodyPlaceholders.find((placeholder) => placeholder.number > firstMissing) ?? null;
    findings.push(
      finding('variables-not-sequential', 'body', beyondGap && span(beyondGap), {
        missing: missing.join(', '),
        count: missing.length,
      }),
    );
  }
  // WhatsApp numbers parameters by first appearance; {{2}} before {{1}} reads as a mistake to reviewers.
  if (firstMissing === undefined) {
    const order = [...new Set(read.bodyPlaceholders.map((placeholder) => placeholder.number))];
    const index = order.findIndex((number, position) => number !== position + 1);
    const misplaced = read.bodyPlaceholders.find((placeholder) => placeholder.number === order[index]);
    if (misplaced !== undefined) {
      findings.push(finding('variables-out-of-order', 'body', span(misplaced), { variable: misplaced.number, expected: index + 1 }));
    }
  }
  return findings;
}

function span(placeholder: Placeholder): TextRange {
  return { start: placeholder.start, end: placeholder.end };
}

function densityRules(read: ReadDraft): Finding[] {
  const variables = new Set(read.bodyPlaceholders.map((placeholder) => placeholder.number)).size;
  if (variables === 0) return [];
  const words = countTokens(read.draft.body);
  const needed = 2 * variables + 1;
  return words < needed ? [finding('too-many-variables', 'body', null, { variables, words, needed })] : [];
}

/** Every variable needs a sample, and samples must fit what a variable may hold. */
export function sampleRules(read: ReadDraft): Finding[] {
  const findings: Finding[] = [];
  const used = new Set(read.variableNumbers.map(String));
  for (const number of read.variableNumbers) {
    const sample = read.draft.samples[String(number)] ?? '';
    if (sample.trim() === '') findings.push(finding('sample-missing', 'samples', null, { variable: number }));
    else if (characters(sample).length > MAX_SAMPLE_LENGTH) {
      findings.push(finding('sample-too-long', 'samples', null, { variable: number, max: MAX_SAMPLE_LENGTH }));
    }
  }
  for (const [key, sample] of Object.entries(read.draft.samples)) {
    if (!used.has(key) && sample.trim() !== '') findings.push(finding('sample-unused', 'samples', null, { variable: key }));
  }
  return findings;
}

