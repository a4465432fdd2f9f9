/**
 * What the body says, against what its category allows.
 *
 * Sources: Pipedrive's help for this integration (a clear purpose: placeholders alone are vague; all necessary
 * information). Twilio's error 63040: "Hi, {{1}} {{2}} Thank you." is vague, and content identical to another
 * template is rejected (twilio.com/docs/api/errors/63040). Meta's template category guidelines: templates with
 * mixed utility and marketing content, or unclear content ("only {{1}}" or "Congratulations!"), are marketing;
 * utility templates "must include specificity about the active or ongoing transaction … an order confirmation
 * must contain an order number"; "only authentication templates can be used to send a one-time passcode"
 * (developers.facebook.com/docs/whatsapp/updates-to-pricing/new-template-guidelines). Meta's common rejection
 * reasons include shortened links, which "obscure the intended link destination" (as quoted by Clickatell's
 * help centre). Since 2023 WhatsApp re-categorises or rejects utility templates with promotional wording
 * (Blip and Alibaba Cloud's notes on Meta's category updates).
 */
import { finding, templateUrls, type ReadDraft } from './draft';
import { findTerms, isLexiconLanguage, type LexiconLanguage } from './lexicon';
import { comparableBody, countTokens, findUrls, mask, nonProse, proseWords } from './text';
import type { Finding } from './types';

const MIN_WORDS = 4;

/** `writtenIn` is the body's language when the detector is sure it is not the declared one. */
export function contentRules(read: ReadDraft, writtenIn: string | null): Finding[] {
  const findings = [...shortenerRules(read), ...duplicateRules(read)];
  if (!read.hasOwnBody || read.draft.body.trim() === '') return findings;
  const language = writtenIn ?? read.language?.base;
  if (language !== undefined && isLexiconLanguage(language)) {
    findings.push(...purposeRules(read, language), ...categoryRules(read, language));
  }
  findings.push(...repeatedWords(read.draft.body));
  return findings;
}

function purposeRules(read: ReadDraft, language: LexiconLanguage): Finding[] {
  const { body } = read.draft;
  const withoutCourtesy = mask(body, [...findTerms(body, language, 'courtesy'), ...findTerms(body, 'en', 'courtesy')]);
  if (proseWords(withoutCourtesy).every((word) => word.text.length < 2) && !/\p{N}/u.test(mask(withoutCourtesy, nonProse(withoutCourtesy)))) {
    return [finding('vague', 'body')];
  }
  const findings: Finding[] = [];
  if (countTokens(body) < MIN_WORDS) findings.push(finding('body-too-short', 'body', null, { min: MIN_WORDS }));
  if (read.draft.category === 'utility' && !mentionsDetails(body, language)) findings.push(finding('information-missing', 'body'));
  return findings;
}

// A number in the text (a date, a time, an amount, a reference) is itself a specific detail.
function mentionsDetails(body: string, language: LexiconLanguage): boolean {
  return findTerms(body, language, 'details').length > 0 || /\p{N}/u.test(mask(body, nonProse(body)));
}

function categoryRules(read: ReadDraft, language: LexiconLanguage): Finding[] {
  const { body, category } = read.draft;
  if (category === 'marketing') {
    return findTerms(body, language, 'oneTimeCode').map((match) =>
      finding('one-time-code-outside-authentication', 'body', { start: match.start, end: match.end }, { phrase: match.text }),
    );
  }
  const promotional = findTerms(body, language, 'promotional').map((match) =>
    finding('promotional-wording', 'body', { start: match.start, end: match.end }, { phrase: match.text }),
  );
  if (category === 'authentication') return promotional;
  return [
    ...promotional,
    ...findTerms(body, language, 'oneTimeCode').map((match) =>
      finding('one-time-code-outside-authentication', 'body', { start: match.start, end: match.end }, { phrase: match.text }),
    ),
  ];
}

const SHORTENERS = new Set([
  'bit.ly', 'tinyurl.com', 'goo.gl', 't.co', 'ow.ly', 'is.gd', 'buff.ly', 'rebrand.ly', 'cutt.ly', 'shorturl.at',
  'tiny.cc', 'rb.gy', 't.ly', 's.id', 'bl.ink', 'short.io', 'lnkd.in',
]);

function isShortened(url: string): boolean {
  const host = /^(?:https?:\/\/)?([^/?#:]+)/iu.exec(url)?.[1]?.toLowerCase().replace(/^www\./u, '');
  return host !== undefined && SHORTENERS.has(host);
}

function shortenerRules(read: ReadDraft): Finding[] {
  const findings: Finding[] = [];
  if (read.hasOwnBody) {
    for (const url of findUrls(read.draft.body)) {
      if (isShortened(url.text)) findings.push(finding('url-shortener', 'body', { start: url.start, end: url.end }, { url: url.text }));
    }
  }
  if (read.draft.contentType === 'twilio/call-to-action') {
    (read.draft.actions ?? []).forEach((action, index) => {
      if (action.type === 'URL' && isShortened(action.url.trim())) {
        findings.push(finding('url-shortener', 'buttons', null, { url: action.url, button: index + 1 }));
      }
    });
  } else if (read.draft.contentType === 'twilio/media') {
    for (const url of templateUrls(read.draft)) {
      if (isShortened(url.trim())) findings.push(finding('url-shortener', 'mediaUrl', null, { url }));
    }
  }
  return findings;
}

function duplicateRules(read: ReadDraft): Finding[] {
  if (!read.hasOwnBody || read.draft.body.trim() === '') return [];
  const body = comparableBody(read.draft.body);
  const twin = read.context.existingTemplates.find((template) => comparableBody(template.body) === body);
  return twin === undefined ? [] : [finding('duplicate-body', 'body', null, { name: twin.name })];
}

function repeatedWords(body: string): Finding[] {
  const words = proseWords(body);
  const findings: Finding[] = [];
  words.forEach((word, index) => {
    const previous = words[index - 1];
    if (
      previous !== undefined &&
      previous.text.toLocaleLowerCase() === word.text.toLocaleLowerCase() &&
      /^\s+$/u.test(body.slice(previous.end, word.start))
    ) {
      findings.push(finding('repeated-word', 'body', { start: previous.start, end: word.end }, { word: word.text }));
    }
  });
  return findings;
}
